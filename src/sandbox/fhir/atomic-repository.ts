/**
 * Medplum's MemoryRepository with the three things a sandbox EHR needs and the engine lacks:
 * - all-or-nothing transactions: `withTransaction` snapshots the stored maps and restores them when the callback
 *   fails (the engine's version just runs the callback, so earlier entries of a failed transaction stayed);
 * - validation of every write, including conditional creates, updates, PATCH results and bundle entries;
 * - instance history newest first, every time (the engine reverses its stored array in place on each read).
 * Callers must not interleave requests: the FHIR service runs them one at a time.
 * @see https://hl7.org/fhir/R4/http.html#transaction
 */
import type { SearchRequest, WithId } from '@medplum/core';
import { OperationOutcomeError, deepClone, notFound } from '@medplum/core';
import type { CreateResourceOptions, DeleteResourceOptions, ReadHistoryOptions } from '@medplum/fhir-router';
import { MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, BundleEntry, OperationOutcome, Resource } from '@medplum/fhirtypes';

export interface RepositoryHooks {
  /** Throws an OperationOutcomeError to refuse a write. */
  readonly beforeWrite: (resource: Resource) => void;
  /** Called after anything stored changed (including a rollback). */
  readonly afterChange: () => void;
}

/** MemoryRepository keeps these as TypeScript-private fields; this is the one place that reads them. */
interface StoredMaps {
  readonly resources: Map<string, Map<string, Resource>>;
  readonly history: Map<string, Map<string, Resource[]>>;
}

interface Snapshot {
  readonly resources: [string, Map<string, Resource>][];
  readonly history: [string, Map<string, Resource[]>][];
}

export class SandboxRepository extends MemoryRepository {
  readonly #hooks: RepositoryHooks;
  #trusted = false;

  constructor(hooks: RepositoryHooks) {
    super();
    this.#hooks = hooks;
  }

  get #maps(): StoredMaps {
    return this as unknown as StoredMaps;
  }

  /** Loads resources written by this server before (e.g. from disk), keeping their ids, versions and dates. */
  async loadTrusted(resources: readonly Resource[]): Promise<void> {
    this.#trusted = true;
    try {
      await this.withSeeding(async () => {
        for (const resource of resources) {
          await this.createResource(resource, undefined, true);
        }
      });
    } finally {
      this.#trusted = false;
    }
  }

  has(resourceType: string, id: string): boolean {
    return this.#maps.resources.get(resourceType)?.has(id) ?? false;
  }

  /** Every current resource (no history), in storage order. */
  allResources(): Resource[] {
    const out: Resource[] = [];
    for (const byId of this.#maps.resources.values()) {
      for (const resource of byId.values()) {
        out.push(deepClone(resource));
      }
    }
    return out;
  }

  override async createResource<T extends Resource>(
    resource: T,
    options?: CreateResourceOptions,
    update = false
  ): Promise<WithId<T>> {
    if (!this.#trusted) {
      this.#hooks.beforeWrite(resource);
    }
    const stored = await super.createResource(resource, options, update);
    this.#hooks.afterChange();
    return stored;
  }

  override async conditionalCreate<T extends Resource>(
    resource: T,
    search: SearchRequest<T>,
    options?: CreateResourceOptions
  ): Promise<{ resource: WithId<T>; outcome: OperationOutcome }> {
    // The engine's conditional create stores through a private path, so validate before it runs.
    this.#hooks.beforeWrite(resource);
    const result = await super.conditionalCreate(resource, search, options);
    this.#hooks.afterChange();
    return result;
  }

  override async deleteResource(resourceType: string, id: string, options?: DeleteResourceOptions): Promise<void> {
    await super.deleteResource(resourceType, id, options);
    this.#hooks.afterChange();
  }

  override async withTransaction<TResult>(callback: (repo: this) => Promise<TResult>): Promise<TResult> {
    // Each call is a savepoint, so a nested conditional update that fails undoes only its own work.
    const snapshot = this.#snapshot();
    try {
      return await callback(this);
    } catch (error) {
      this.#restore(snapshot);
      this.#hooks.afterChange();
      throw error;
    }
  }

  override readHistory<T extends Resource>(
    resourceType: string,
    id: string,
    options?: ReadHistoryOptions
  ): Promise<Bundle<T>> {
    const versions = this.#maps.history.get(resourceType)?.get(id);
    if (!versions || !this.has(resourceType, id)) {
      return Promise.reject(new OperationOutcomeError(notFound));
    }
    const newestFirst = versions.map((version, index) => ({ version, index })).reverse();
    const offset = options?.offset ?? 0;
    const page = newestFirst.slice(offset, options?.limit === undefined ? undefined : offset + options.limit);
    const entry = page.map(({ version, index }): BundleEntry<T> => historyEntry(version as T, index === 0));
    return Promise.resolve({
      resourceType: 'Bundle',
      type: 'history',
      total: versions.length,
      ...(entry.length ? { entry } : {}),
    });
  }

  #snapshot(): Snapshot {
    return {
      resources: [...this.#maps.resources].map(([type, byId]) => [type, new Map(byId)]),
      history: [...this.#maps.history].map(([type, byId]) => [
        type,
        new Map([...byId].map(([id, versions]) => [id, versions.slice()])),
      ]),
    };
  }

  #restore(snapshot: Snapshot): void {
    // Stored resources are never mutated in place (the engine stores fresh objects), so shallow copies suffice.
    this.#maps.resources.clear();
    for (const [type, byId] of snapshot.resources) {
      this.#maps.resources.set(type, byId);
    }
    this.#maps.history.clear();
    for (const [type, byId] of snapshot.history) {
      this.#maps.history.set(type, byId);
    }
  }
}

function historyEntry<T extends Resource>(version: T, isFirst: boolean): BundleEntry<T> {
  const resource = deepClone(version);
  return {
    resource,
    request: {
      method: isFirst ? 'POST' : 'PUT',
      url: isFirst ? resource.resourceType : `${resource.resourceType}/${resource.id ?? ''}`,
    },
    response: {
      status: isFirst ? '201' : '200',
      ...(resource.meta?.versionId ? { etag: `W/"${resource.meta.versionId}"` } : {}),
      ...(resource.meta?.lastUpdated ? { lastModified: resource.meta.lastUpdated } : {}),
    },
  };
}
