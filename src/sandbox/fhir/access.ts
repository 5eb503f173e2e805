/**
 * SMART scope enforcement at the FHIR interaction level: each interaction maps to a v2 permission letter, and a
 * denied one is answered with 403 and an OperationOutcome that names the scope it needed. Resources pulled in by
 * `_include` / `_revinclude` are dropped when their type may not be read, so a search cannot leak them.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/scopes-and-launch-context.html#scopes-for-requesting-fhir-resources
 */
import type * as fhir from 'fhir/r4';
import type { AccessPolicy, ScopedAction } from '../contracts.ts';
import type { Problem } from './outcomes.ts';
import { problem } from './outcomes.ts';

export type ResourceInteraction =
  'read' | 'vread' | 'history-instance' | 'search-type' | 'create' | 'update' | 'patch' | 'delete';

const ACTION: Readonly<Record<ResourceInteraction, ScopedAction>> = {
  read: 'r',
  vread: 'r',
  'history-instance': 'r',
  'search-type': 's',
  create: 'c',
  update: 'u',
  patch: 'u',
  delete: 'd',
};

const VERB: Readonly<Record<ScopedAction, string>> = {
  c: 'create',
  r: 'read',
  u: 'update',
  d: 'delete',
  s: 'search',
};

export function actionFor(interaction: ResourceInteraction): ScopedAction {
  return ACTION[interaction];
}

/** Undefined when allowed (or when there is no policy: an open server); otherwise the 403 to answer. */
export function checkAccess(
  access: AccessPolicy | undefined,
  resourceType: string,
  action: ScopedAction
): Problem | undefined {
  if (!access || access.allows(resourceType, action)) {
    return undefined;
  }
  return problem(
    403,
    'forbidden',
    `Not allowed to ${VERB[action]} ${resourceType}: this needs the scope ${access.describeNeed(resourceType, action)}.`
  );
}

/** A searchset without the included resources the caller may neither read nor search. */
export function withoutHiddenIncludes(bundle: fhir.Bundle, access: AccessPolicy | undefined): fhir.Bundle {
  if (!access || !bundle.entry) {
    return bundle;
  }
  const entry = bundle.entry.filter((item) => {
    const type = item.resource?.resourceType;
    return item.search?.mode !== 'include' || !type || access.allows(type, 'r') || access.allows(type, 's');
  });
  return { ...bundle, entry };
}
