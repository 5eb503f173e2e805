/**
 * The complete example plans (fhir-profiles/examples/<client>.transaction.json, built by `npm run examples`) as
 * the sandbox loads them. The committed Bundles are self-contained: they create the client, the clinicians and
 * the rest conditionally, by identifier, with `urn:uuid:` links. The sandbox wants readable, stable ids instead
 * (`Goal/gs-goal-mood`), and its own copy of the people it already has (John Doe stays 17 whatever the date), so
 * each Bundle is rewritten before loading:
 * - an entry whose conditional create would find a record of the base seed is dropped, and references to it
 *   point at that record (`Patient/john-doe`);
 * - every other new record is stored with PUT under an id made from its business identifier, so loading twice
 *   changes nothing and launch links, tests and documentation can name the records.
 * The result is a batch: with fixed ids nothing depends on the order, and Medplum's engine allows at most 50
 * updates in one transaction.
 */
import { readFileSync } from 'node:fs';
import type * as fhir from 'fhir/r4';
import { CLIENT_IDS, type ClientId } from './clients.ts';

const EXAMPLES_DIR = new URL('../../../fhir-profiles/examples/', import.meta.url);

/** The committed example Bundle of `client`, as `npm run examples` wrote it. */
export function readExampleBundle(client: string): fhir.Bundle {
  const file = new URL(`${client}.transaction.json`, EXAMPLES_DIR);
  return JSON.parse(readFileSync(file, 'utf8')) as fhir.Bundle;
}

interface IdentifierToken {
  readonly system: string;
  readonly value: string;
}

/** `identifier=system|value` (URL-encoded, with FHIR's `\|` escapes) as its parts; undefined for other queries. */
export function identifierInQuery(query: string | undefined): IdentifierToken | undefined {
  const match = /^identifier=([^&]+)$/.exec(query ?? '');
  if (!match?.[1]) return undefined;
  const token = decodeURIComponent(match[1]);
  const bar = /(?<!\\)\|/.exec(token);
  if (!bar) return undefined;
  const unescape = (text: string): string => text.replace(/\\([\\|,$])/g, '$1');
  return { system: unescape(token.slice(0, bar.index)), value: unescape(token.slice(bar.index + 1)) };
}

function hasIdentifier(resource: fhir.Resource, token: IdentifierToken): boolean {
  const identifiers = (resource as { identifier?: fhir.Identifier | fhir.Identifier[] }).identifier;
  const list = Array.isArray(identifiers) ? identifiers : identifiers ? [identifiers] : [];
  return list.some((i) => i.system === token.system && i.value === token.value);
}

/** A FHIR id (R4 datatypes: `[A-Za-z0-9\-\.]{1,64}`) made from a business identifier, or the entry's UUID. */
function sandboxId(entry: fhir.BundleEntry): string {
  const value = identifierInQuery(entry.request?.ifNoneExist)?.value;
  if (value !== undefined) {
    const id = value.replace(/[^A-Za-z0-9\-.]+/g, '-').slice(0, 64);
    if (id.length > 0) return id;
  }
  const uuid = /^urn:uuid:([0-9a-f-]{36})$/.exec(entry.fullUrl ?? '')?.[1];
  if (!uuid) throw new Error(`Example entry ${entry.fullUrl ?? '(no fullUrl)'} has neither an identifier nor a UUID`);
  return uuid;
}

function replaceStrings(value: unknown, replacements: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return replacements.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, replacements));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceStrings(item, replacements)]));
  }
  return value;
}

/** The example Bundle rewritten as a batch to load into a sandbox that holds `base` (see the module comment). */
export function onSandboxIds(bundle: fhir.Bundle, base: readonly fhir.Resource[]): fhir.Bundle {
  const addresses = new Map<string, string>();
  const kept: { entry: fhir.BundleEntry; address: string }[] = [];
  for (const entry of bundle.entry ?? []) {
    const type = entry.resource?.resourceType;
    if (!entry.fullUrl || !type || entry.request?.method !== 'POST') {
      throw new Error(`Example entries are conditional creates with a fullUrl: ${JSON.stringify(entry.request)}`);
    }
    const token = identifierInQuery(entry.request.ifNoneExist);
    const existing = token && base.find((r) => r.resourceType === type && hasIdentifier(r, token));
    const address = existing ? `${type}/${existing.id ?? ''}` : `${type}/${sandboxId(entry)}`;
    if (addresses.has(entry.fullUrl) || kept.some((k) => k.address === address)) {
      throw new Error(`Two example entries would be stored as ${address}`);
    }
    addresses.set(entry.fullUrl, address);
    if (!existing) kept.push({ entry, address });
  }
  return {
    resourceType: 'Bundle',
    type: 'batch',
    entry: kept.map(({ entry, address }) => {
      const resource = replaceStrings(entry.resource, addresses) as fhir.FhirResource;
      return { resource: { ...resource, id: address.split('/')[1] ?? '' }, request: { method: 'PUT', url: address } };
    }),
  };
}

/** The example plans of `plansFor` as batches, ready to load after `base` (the practice, clients and records). */
export function examplePlans(
  base: readonly fhir.Resource[],
  plansFor: readonly ClientId[] = CLIENT_IDS
): fhir.Bundle[] {
  return plansFor.map((client) => onSandboxIds(readExampleBundle(client), base));
}
