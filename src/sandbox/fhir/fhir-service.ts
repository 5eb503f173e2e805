/**
 * The sandbox EHR's FHIR R4 service: Medplum's FHIR engine (`FhirRouter` over an in-memory repository) behind
 * a thin HTTP layer that adds what the engine lacks: validation of every write, all-or-nothing transactions,
 * paging links, search parameter checks, SMART scope enforcement, a CapabilityStatement and an on-disk copy.
 * The HTTP shell (server.ts) decides who is calling; this service decides what they may do and does it.
 */
import { FhirRouter } from '@medplum/fhir-router';
import type * as fhir from 'fhir/r4';
import type { BehaviourRules } from '../behaviour/behaviour-rules.ts';
import { OPEN_RULES } from '../behaviour/open-rules.ts';
import type { AccessPolicy, SandboxRequest, SandboxResponse } from '../contracts.ts';
import type { ClientId } from '../seed/clients.ts';
import { sandboxRecords, sandboxSeed } from '../seed/sandbox-seed.ts';
import { vendorPlans } from '../seed/vendor-plans.ts';
import type { BundlePoster } from '../seed/seed-loader.ts';
import { loadSeed } from '../seed/seed-loader.ts';
import { SandboxRepository } from './atomic-repository.ts';
import { handleBundle } from './bundle-request.ts';
import { capabilityStatement } from './capability-statement.ts';
import { handleDirect } from './direct-request.ts';
import { fhirResponse, parseJsonBody, prefersLenient, problemResponse } from './http-messages.ts';
import type { InteractionContext } from './interaction.ts';
import { fromMedplum, toMedplum } from './medplum-boundary.ts';
import { problem, problemFromError } from './outcomes.ts';
import type { ResourceFile } from './persistence.ts';
import { resourceFile } from './persistence.ts';
import { loadR4Definitions } from './r4-definitions.ts';
import { serialQueue } from './serial-queue.ts';
import { validateForWrite } from './validation.ts';

export interface FhirService {
  /**
   * Handles a request whose URL path starts with basePath (default '/fhir'). The public base URL is
   * req.url.origin + basePath. `access === undefined` means no enforcement (an open server); otherwise every
   * interaction (and every batch/transaction entry) is checked.
   */
  handle(req: SandboxRequest, access: AccessPolicy | undefined): Promise<SandboxResponse>;
  /** For the home page and the standalone patient picker. */
  listPatients(): Promise<fhir.Patient[]>;
  /** Most recent Encounter of a patient, for EHR launch context. */
  latestEncounter(patientId: string): Promise<fhir.Encounter | undefined>;
  readResource<T extends fhir.Resource>(resourceType: T['resourceType'], id: string): Promise<T | undefined>;
  /** Flushes the on-disk copy when dataDir is set. */
  close(): Promise<void>;
}

export interface FhirServiceOptions {
  /** Path of the FHIR base on this origin. Default `/fhir`. */
  readonly basePath?: string;
  /** Keep resources in `<dataDir>/resources.json` across restarts. Default: memory only. */
  readonly dataDir?: string;
  /**
   * What a fresh store starts with: `true` (default) the synthetic clients with their example plans, `'records'`
   * the clients and the EHR's own records without plans, `{ plansFor }` those records and the example plans of the
   * clients named (none for the others, who then have no plan yet), `false` nothing.
   */
  readonly seed?: SeedChoice;
  /**
   * How the server behaves (src/sandbox/behaviour/); default OPEN_RULES. The seed is loaded as the EHR's own data,
   * past these rules, plus the plans that kind of EHR holds itself (vendor-plans.ts).
   */
  readonly rules?: BehaviourRules;
}

export type SeedChoice = boolean | 'records' | { readonly plansFor: readonly ClientId[] };

function seedResources(choice: Exclude<SeedChoice, false>, rules: BehaviourRules): fhir.Resource[] {
  const ownPlans = vendorPlans(rules.name);
  if (choice === true) return [...sandboxSeed(), ...ownPlans];
  if (choice === 'records') return [...sandboxRecords(), ...ownPlans];
  return [...sandboxSeed(new Date(), choice.plansFor), ...ownPlans];
}

export async function createFhirService(options: FhirServiceOptions = {}): Promise<FhirService> {
  loadR4Definitions();
  const basePath = `/${(options.basePath ?? '/fhir').replace(/^\/+|\/+$/g, '')}`;
  // The file reads the repository and the repository tells the file about changes; both only when called.
  const file: ResourceFile | undefined = options.dataDir
    ? resourceFile(options.dataDir, () => repo.allResources().map((r) => fromMedplum(r)))
    : undefined;
  const repo = new SandboxRepository({
    beforeWrite: validateForWrite,
    afterChange: () => file?.scheduleSave(),
  });
  const router = new FhirRouter();
  const queue = serialQueue();
  const statements = new Map<string, fhir.CapabilityStatement>();
  const rules = options.rules ?? OPEN_RULES;

  async function handle(req: SandboxRequest, access: AccessPolicy | undefined): Promise<SandboxResponse> {
    return handleAs(rules, req, access);
  }

  async function handleAs(
    rules: BehaviourRules,
    req: SandboxRequest,
    access: AccessPolicy | undefined
  ): Promise<SandboxResponse> {
    const method = req.method.toUpperCase();
    const path = req.url.pathname;
    if (path !== basePath && !path.startsWith(`${basePath}/`)) {
      return problemResponse(problem(404, 'not-found', `${path} is not under the FHIR base ${basePath}.`));
    }
    const relative = path.slice(basePath.length).replace(/^\/+/, '');
    const ctx: InteractionContext = {
      router,
      repo,
      base: `${req.url.origin}${basePath}`,
      lenient: prefersLenient(req.headers),
      access,
      rules,
    };
    try {
      if (relative === 'metadata' && method === 'GET') {
        const statement = statements.get(ctx.base) ?? capabilityStatement(ctx.base, rules);
        statements.set(ctx.base, statement);
        return fhirResponse(200, statement);
      }
      if (relative === '' && method === 'POST') {
        const body = parseJsonBody(req);
        return body.ok ? await queue(() => handleBundle(ctx, body.value)) : problemResponse(body.problem);
      }
      return await queue(() => handleDirect(ctx, req, relative));
    } catch (error) {
      return problemResponse(problemFromError(error));
    }
  }

  /** Seed data goes through the front door, so it is validated like any client's write (the EHR's own rules). */
  const postBundle: BundlePoster = async (bundle) => {
    const url = new URL(basePath, 'http://localhost');
    const headers = { 'content-type': 'application/fhir+json' };
    const response = await handleAs(
      OPEN_RULES,
      { method: 'POST', url, headers, body: Buffer.from(JSON.stringify(bundle)) },
      undefined
    );
    const body = JSON.parse(String(response.body ?? '{}')) as fhir.Bundle | fhir.OperationOutcome;
    if (response.status !== 200 || body.resourceType !== 'Bundle') {
      throw new Error(`The seed Bundle was refused (${response.status}): ${JSON.stringify(body)}`);
    }
    return body;
  };

  const stored = await file?.load();
  if (stored) {
    await repo.loadTrusted(stored.map(toMedplum));
  } else if (options.seed !== false) {
    // Only a fresh store is seeded: seeding again would overwrite edits to the seeded clients.
    await loadSeed(postBundle, seedResources(options.seed ?? true, rules));
  }
  await file?.flush();

  return {
    handle,
    async listPatients() {
      const patients = await repo.searchResources({ resourceType: 'Patient' });
      return patients.map((p) => fromMedplum<fhir.Patient>(p));
    },
    async latestEncounter(patientId) {
      const encounters = await repo.searchResources({
        resourceType: 'Encounter',
        filters: [{ code: 'subject', operator: 'eq', value: `Patient/${patientId}` }],
      });
      const start = (e: fhir.Encounter): number => Date.parse(e.period?.start ?? '') || 0;
      const newestFirst = encounters.map((e) => fromMedplum<fhir.Encounter>(e)).sort((a, b) => start(b) - start(a));
      return newestFirst[0];
    },
    async readResource<T extends fhir.Resource>(resourceType: T['resourceType'], id: string) {
      return repo.has(resourceType, id) ? fromMedplum<T>(await repo.readResource(resourceType, id)) : undefined;
    },
    async close() {
      await queue(async () => file?.flush());
    },
  };
}
