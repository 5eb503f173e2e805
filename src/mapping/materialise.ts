/**
 * Turns drafts into write entries. Every record gets a reference first (a loaded record its address, a new one
 * a `urn:uuid:`), so drafts can refer to each other. Then each draft is laid over a deep copy of its loaded
 * record (DESIGN.md §2: updates never drop data), labelled, and compared with what was loaded: an unchanged
 * record is not written.
 */
import type * as fhir from 'fhir/r4';
import { CODING } from './codes.ts';
import type { Draft, WriteContext } from './draft.ts';
import { identifierQuery, nameBasedUuid, recordIdentifier, serverAddress } from './identifiers.ts';
import { clone, prune, sameJson } from './json.ts';
import type { Located, ResourceIndex } from './resource-index.ts';
import type { WriteEntry } from './write-set.ts';

export interface RecordRegistry {
  ref(type: string, key: string): string | undefined;
  /** The loaded record a draft updates, or (for a contained one) starts from. */
  loadedFor(draft: Draft): Located | undefined;
}

/**
 * A contained record the plan placed becomes a record of its own (references, never contained: DESIGN.md §4):
 * it gets a new `urn:uuid:` and starts from a copy of the contained resource.
 */
export function registerRecords(drafts: readonly Draft[], loaded: ResourceIndex): RecordRegistry {
  const refs = new Map<string, string>();
  const found = new Map<Draft, Located>();
  for (const d of drafts) {
    const match = loaded.byKey(d.type, d.key);
    if (match) found.set(d, match);
    const standalone = match && !match.container;
    // A record named by its server address that was not loaded is referred to, never created.
    const address = standalone ? match.address : serverAddress(d.key, d.type);
    refs.set(`${d.type}|${d.key}`, address ?? `urn:uuid:${nameBasedUuid(`${d.type}|${d.key}`)}`);
  }
  return {
    ref: (type, key) => {
      const fallback = loaded.byKey(type, key);
      return refs.get(`${type}|${key}`) ?? (fallback && !fallback.container ? fallback.address : undefined);
    },
    loadedFor: (d) => found.get(d),
  };
}

const withoutMeta = (resource: fhir.FhirResource): Record<string, unknown> => ({ ...resource, meta: undefined });

function labelled(meta: fhir.Meta | undefined, profile: string, security: readonly fhir.Coding[]): fhir.Meta {
  const profiles = meta?.profile ?? [];
  const labels = meta?.security ?? [];
  const missing = security.filter((s) => !labels.some((l) => l.system === s.system && l.code === s.code));
  return {
    ...meta,
    profile: profiles.includes(profile) ? profiles : [...profiles, profile],
    security: [...labels, ...missing.map((s) => ({ ...s }))],
  };
}

export interface Labels {
  /** Security labels for the plan's records: PSY, and ETH for a substance-use plan. */
  readonly security: readonly fhir.Coding[];
}

/** The write entry for `draft`, or undefined when the loaded record already says the same. */
export function materialise(
  draft: Draft,
  ctx: WriteContext,
  registry: RecordRegistry,
  labels: Labels
): WriteEntry | undefined {
  const match = registry.loadedFor(draft);
  if (!match && serverAddress(draft.key, draft.type)) return undefined;
  const located = match && !match.container ? match : undefined;
  const loaded = located?.resource;
  const start = match ? clone(match.resource) : { resourceType: draft.type };
  const body = start as unknown as Record<string, unknown>;
  const owned: Record<string, unknown> = draft.owned(match?.resource, ctx);
  for (const [key, value] of Object.entries(owned)) {
    const kept = prune(value);
    if (kept === undefined) Reflect.deleteProperty(body, key);
    else body[key] = kept;
  }
  const foreign = located !== undefined && serverAddress(draft.key, draft.type) !== undefined;
  if (draft.identifiedBy !== 'owned' && !foreign) {
    const identifiers = (body.identifier as fhir.Identifier[] | undefined) ?? [];
    const own = recordIdentifier(draft.key);
    if (!identifiers.some((i) => sameJson(i, own))) body.identifier = [own, ...identifiers];
  }
  const resource = body as unknown as fhir.FhirResource;
  if (loaded && sameJson(withoutMeta(resource), withoutMeta(loaded))) return undefined;
  const security = draft.sensitive === false ? [] : labels.security;
  resource.meta = labelled(loaded?.meta, draft.profile, security.length > 0 ? security : []);
  if (resource.meta.security?.length === 0) delete resource.meta.security;
  if (!located) {
    delete resource.id;
    const fullUrl = registry.ref(draft.type, draft.key) ?? '';
    const ifNoneExist = draft.ifNoneExist ?? identifierQuery(draft.key);
    return { fullUrl, resource, request: { method: 'POST', url: draft.type, ifNoneExist } };
  }
  const versionId = loaded?.meta?.versionId;
  return {
    fullUrl: located.address,
    resource,
    request: {
      method: 'PUT',
      url: located.address,
      ...(versionId === undefined ? {} : { ifMatch: `W/"${versionId}"` }),
    },
  };
}

/** The labels every record of `securityCodings` gets (PSY always). */
export function planLabels(substanceUse: boolean): Labels {
  return { security: substanceUse ? [CODING.psy, CODING.eth] : [CODING.psy] };
}
