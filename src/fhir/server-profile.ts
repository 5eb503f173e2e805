/**
 * What this server lets the app do in this session (issue 5 §1): computed at launch from the CapabilityStatement
 * (`server-traits.ts`), the SMART configuration and the scopes actually granted (`../smart/capabilities.ts`), and
 * the known rules of the server's vendor (`vendor-rules.ts`), then narrowed by what the server refuses while the
 * app runs (a 403 or 405 to a write). It is ServerTraits plus the facts a write strategy is chosen from, so the
 * readers take it where they take traits. Pure: no IO.
 * @see https://hl7.org/fhir/R4/capabilitystatement.html
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/scopes-and-launch-context.html
 */
import {
  PLAN_INTERACTIONS,
  planCapabilities,
  reasonText,
  type CapabilityInput,
  type CapabilityReason,
  type PlanInteraction,
} from '../smart/capabilities.ts';
import { PLAN_RESOURCE_TYPES, type PlanResourceType } from '../smart/scope-request.ts';
import { serverTraits, type ServerTraits, type TypeTraits } from './server-traits.ts';
import { transactionFact, type TransactionFact } from './transaction-fact.ts';
import { matchingVendorRule, VENDOR_RULES, type VendorRule } from './vendor-rules.ts';

/** Where a fact about the server comes from, said beside it. */
export type FactSource = 'CapabilityStatement' | 'granted permissions' | 'vendor rule' | 'this session' | 'assumed';

export interface AccessReason {
  readonly source: FactSource;
  /** A phrase: "the server does not support create for CarePlan". */
  readonly text: string;
}

export interface Access {
  readonly allowed: 'yes' | 'no' | 'partly';
  /** For `no`: every reason why not; otherwise the limits and assumptions. */
  readonly reasons: readonly AccessReason[];
}

/** A write the server refused while the app ran: the type and interaction, or the transaction Bundle itself. */
export interface RuntimeRefusal {
  readonly status: 403 | 405;
  readonly resourceType?: string;
  readonly interaction: 'create' | 'update' | 'transaction';
}

export interface ServerProfile extends ServerTraits {
  /** The vendor whose known rules were merged in; undefined when none matched. */
  readonly vendor: string | undefined;
  /** Read, create and update for each plan resource, and why. */
  readonly access: Readonly<Record<PlanResourceType, Readonly<Record<PlanInteraction, Access>>>>;
  readonly transactions: TransactionFact;
  /** False when a create answers 201 with an empty body and a Location header (Oracle Health). */
  readonly createReturnsBody: boolean;
  readonly refusals: readonly RuntimeRefusal[];
}

export type ProfileInput = CapabilityInput;

export type { TransactionFact } from './transaction-fact.ts';

function sourceOf(reason: CapabilityReason): FactSource {
  switch (reason.kind) {
    case 'server-lacks-resource':
    case 'server-lacks-interaction':
      return 'CapabilityStatement';
    case 'server-support-unknown':
      return 'assumed';
    case 'open-server':
    case 'scope-not-granted':
    case 'scope-not-reported':
    case 'scope-constrained':
      return 'granted permissions';
  }
}

function withVendorTypes(types: ServerTraits['types'], rule: VendorRule): ServerTraits['types'] {
  if (types === undefined) return undefined;
  const adjust = (type: TypeTraits): TypeTraits => ({
    ...type,
    ...(rule.conditionalCreate === undefined
      ? {}
      : { conditionalCreate: type.conditionalCreate && rule.conditionalCreate }),
    ...(rule.includes === undefined
      ? {}
      : { searchInclude: type.searchInclude.filter((v) => rule.includes?.includes(v)) }),
    ...(rule.revIncludes === undefined
      ? {}
      : { searchRevInclude: type.searchRevInclude.filter((v) => v === '*' || rule.revIncludes?.includes(v)) }),
  });
  return Object.fromEntries(Object.entries(types).map(([name, type]) => [name, adjust(type)]));
}

function mergedTraits(traits: ServerTraits, rule: VendorRule | undefined): ServerTraits {
  if (rule === undefined) return traits;
  return {
    ...traits,
    sources: [...traits.sources, `vendor rule: ${rule.name}`],
    ...(rule.batch === undefined ? {} : { batch: rule.batch ? 'yes' : 'no' }),
    ...(rule.transaction === 'none' ? { transaction: 'no' } : {}),
    types: withVendorTypes(traits.types, rule),
    ...(rule.conflictStatuses === undefined ? {} : { conflictStatuses: rule.conflictStatuses }),
    requiredSearchParams: { ...traits.requiredSearchParams, ...rule.requiredSearchParams },
    ...(rule.filtersSensitiveRecords === true ? { filtersSensitiveRecords: true } : {}),
  };
}

function vendorAccess(
  access: Access,
  resourceType: string,
  interaction: PlanInteraction,
  rule: VendorRule | undefined
): Access {
  if (interaction === 'read' || rule?.readOnlyTypes?.includes(resourceType) !== true) return access;
  const reason: AccessReason = {
    source: 'vendor rule',
    text: `${rule.name} lets no app ${interaction} ${resourceType} through its public API`,
  };
  return { allowed: 'no', reasons: [...(access.allowed === 'no' ? access.reasons : []), reason] };
}

/** The profile at launch, before the server has refused anything. */
export function serverProfile(input: ProfileInput, rules: readonly VendorRule[] = VENDOR_RULES): ServerProfile {
  const statement = input.capabilityStatement;
  const rule = matchingVendorRule(statement, rules);
  const traits = serverTraits(statement);
  const rows = planCapabilities(input);
  const access = Object.fromEntries(
    rows.map((row) => {
      const cells = PLAN_INTERACTIONS.map((interaction) => {
        const cell = row[interaction];
        const reasons = cell.reasons.map((reason) => ({
          source: sourceOf(reason),
          text: reasonText(row.resourceType, interaction, reason),
        }));
        return [interaction, vendorAccess({ allowed: cell.allowed, reasons }, row.resourceType, interaction, rule)];
      });
      return [row.resourceType, Object.fromEntries(cells)];
    })
  ) as ServerProfile['access'];
  return {
    ...mergedTraits(traits, rule),
    vendor: rule?.name,
    access,
    transactions: transactionFact(statement, traits, rule),
    createReturnsBody: rule?.createReturnsBody ?? true,
    refusals: [],
  };
}

/** The profile after the server refused a write: that write is no longer offered, and the reason says so. */
export function withRefusal(profile: ServerProfile, refusal: RuntimeRefusal): ServerProfile {
  const refusals = [...profile.refusals, refusal];
  if (refusal.interaction === 'transaction') {
    const text = `the server refused a transaction with ${refusal.status} when saving`;
    return {
      ...profile,
      refusals,
      transaction: 'no',
      transactions: { run: 'none', reason: { source: 'this session', text } },
    };
  }
  const type = PLAN_RESOURCE_TYPES.find((name) => name === refusal.resourceType);
  if (type === undefined) return { ...profile, refusals };
  const row = profile.access[type];
  const reason: AccessReason = {
    source: 'this session',
    text: `the server refused ${refusal.interaction === 'update' ? 'an update' : 'a create'} of ${type} with ${refusal.status} when saving`,
  };
  const before = row[refusal.interaction];
  const cell: Access = { allowed: 'no', reasons: [...(before.allowed === 'no' ? before.reasons : []), reason] };
  return { ...profile, refusals, access: { ...profile.access, [type]: { ...row, [refusal.interaction]: cell } } };
}

/** "CarePlan create: no, the server does not support create for CarePlan (from its CapabilityStatement)". */
export function accessWords(resourceType: string, interaction: PlanInteraction, access: Access): string {
  const why = access.reasons.map((reason) => `${reason.text} (${sourceWords(reason.source)})`).join('; ');
  return `${resourceType} ${interaction}: ${access.allowed}${why === '' ? '' : `, ${why}`}`;
}

export function sourceWords(source: FactSource): string {
  switch (source) {
    case 'CapabilityStatement':
      return 'from its CapabilityStatement';
    case 'granted permissions':
      return 'from the permissions granted at sign-in';
    case 'vendor rule':
      return 'from the known rules for this server';
    case 'this session':
      return 'refused while saving';
    case 'assumed':
      return 'assumed';
  }
}
