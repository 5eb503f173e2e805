/**
 * Loads seed data through the FHIR service's own front door (batch and transaction Bundles), so seed data is
 * validated like any client's write. Takes a list of resources (stored under their own ids with update-as-create,
 * or created when they have none) or a ready-made transaction or batch Bundle (e.g. one with `urn:uuid` links).
 * A Bundle inside the list (an example plan) is posted as it is, after the plain resources, in order.
 */
import type * as fhir from 'fhir/r4';

/** Posts a Bundle to the FHIR base and returns the response Bundle, or throws with the server's reason. */
export type BundlePoster = (bundle: fhir.Bundle) => Promise<fhir.Bundle>;

export async function loadSeed(post: BundlePoster, seed: readonly fhir.Resource[] | fhir.Bundle): Promise<void> {
  for (const bundle of isBundle(seed) ? [seed] : seedBundles(seed)) {
    await postChecked(post, bundle);
  }
}

async function postChecked(post: BundlePoster, bundle: fhir.Bundle): Promise<void> {
  const response = await post(bundle);
  const failures = (response.entry ?? []).flatMap((entry, index) => {
    const status = entry.response?.status ?? '';
    if (/^2\d\d/.test(status)) {
      return [];
    }
    const reason = entry.response?.outcome as fhir.OperationOutcome | undefined;
    const said = reason?.issue.map((issue) => issue.diagnostics ?? issue.code).join('; ') ?? 'no reason given';
    return [`entry ${index} (${describe(bundle.entry?.[index])}): ${status} ${said}`];
  });
  if (failures.length > 0) {
    throw new Error(`The seed data was refused:\n${failures.join('\n')}`);
  }
}

function isBundle(seed: readonly fhir.Resource[] | fhir.Bundle): seed is fhir.Bundle {
  return !Array.isArray(seed);
}

function isRequestBundle(resource: fhir.Resource): resource is fhir.Bundle {
  const type = resource.resourceType === 'Bundle' ? (resource as fhir.Bundle).type : undefined;
  return type === 'batch' || type === 'transaction';
}

/** One batch of the plain resources, then each batch or transaction Bundle of the list. */
function seedBundles(seed: readonly fhir.Resource[]): fhir.Bundle[] {
  const plain = seed.filter((resource) => !isRequestBundle(resource));
  const bundles = seed.filter(isRequestBundle);
  return [...(plain.length > 0 ? [asBatch(plain)] : []), ...bundles];
}

function asBatch(resources: readonly fhir.Resource[]): fhir.Bundle {
  return {
    resourceType: 'Bundle',
    type: 'batch',
    entry: resources.map((resource) => ({
      resource,
      request: resource.id
        ? { method: 'PUT', url: `${resource.resourceType}/${resource.id}` }
        : { method: 'POST', url: resource.resourceType },
    })),
  };
}

function describe(entry: fhir.BundleEntry | undefined): string {
  return entry?.request ? `${entry.request.method} ${entry.request.url}` : 'no request';
}
