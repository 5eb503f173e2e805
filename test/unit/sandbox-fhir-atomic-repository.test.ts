import type { Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { SandboxRepository } from '../../src/sandbox/fhir/atomic-repository.ts';

function repository(refuse: (resource: Resource) => boolean = () => false): SandboxRepository {
  return new SandboxRepository({
    beforeWrite: (resource) => {
      if (refuse(resource)) {
        throw new Error(`refused ${resource.resourceType}`);
      }
    },
    afterChange: () => undefined,
  });
}

const patient: Patient = { resourceType: 'Patient', name: [{ family: 'Example' }] };

describe('SandboxRepository', () => {
  it('undoes every write of a transaction whose callback fails', async () => {
    const repo = repository();
    const kept = await repo.createResource({ ...patient });

    const failed = repo.withTransaction(async (tx) => {
      await tx.createResource({ ...patient, name: [{ family: 'New' }] });
      await tx.updateResource({ ...kept, active: false });
      throw new Error('the last entry failed');
    });

    await expect(failed).rejects.toThrow('the last entry failed');
    expect(repo.allResources()).toEqual([kept]);
    const history = await repo.readHistory('Patient', kept.id);
    expect(history.entry).toHaveLength(1);
  });

  it('keeps the writes of a transaction that succeeds', async () => {
    const repo = repository();

    await repo.withTransaction(async (tx) => {
      await tx.createResource({ ...patient });
      await tx.createResource({ ...patient });
    });

    expect(repo.allResources()).toHaveLength(2);
  });

  it('refuses a write its hook refuses, and stores nothing', async () => {
    const repo = repository((resource) => resource.resourceType === 'Patient');

    await expect(repo.createResource({ ...patient })).rejects.toThrow('refused Patient');
    expect(repo.allResources()).toEqual([]);
  });

  it('lists history newest first every time it is read', async () => {
    const repo = repository();
    const first = await repo.createResource({ ...patient });
    const second = await repo.updateResource({ ...first, active: true });
    const versions = async (): Promise<(string | undefined)[]> =>
      ((await repo.readHistory('Patient', first.id)).entry ?? []).map((e) => e.resource?.meta?.versionId);

    expect(await versions()).toEqual([second.meta?.versionId, first.meta?.versionId]);
    expect(await versions()).toEqual([second.meta?.versionId, first.meta?.versionId]);
  });
});
