import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as fhir from 'fhir/r4';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientResource, fhirClient, startFhirOnlyServer } from './support/fhir-only-server.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sandbox-fhir-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const goal: fhir.Goal = {
  resourceType: 'Goal',
  lifecycleStatus: 'active',
  description: { text: 'Keep a sleep diary for two weeks' },
  subject: { reference: 'Patient/george-smith' },
};

describe('with a data directory', () => {
  it('keeps a written resource, its version and its edits across a restart', async () => {
    const first = await startFhirOnlyServer({ dataDir });
    const created = await fhirClient(first.baseUrl).create<fhir.Goal>(clientResource(goal));
    const patient = await fhirClient(first.baseUrl).request<fhir.Patient>('Patient/george-smith');
    await fhirClient(first.baseUrl).update(clientResource({ ...patient, gender: 'other' }));
    await first.close();

    const second = await startFhirOnlyServer({ dataDir });
    const client = fhirClient(second.baseUrl);
    const reread = await client.request<fhir.Goal>(`Goal/${created.id}`);
    const rereadPatient = await client.request<fhir.Patient>('Patient/george-smith');
    await second.close();

    expect(reread.description.text).toBe(goal.description.text);
    expect(reread.meta?.versionId).toBe(created.meta?.versionId);
    expect(rereadPatient.gender).toBe('other');
  });

  it('writes the store as one FHIR collection Bundle and leaves no temporary files', async () => {
    const server = await startFhirOnlyServer({ dataDir });
    await fhirClient(server.baseUrl).create(clientResource(goal));
    await server.close();

    const bundle = JSON.parse(await readFile(join(dataDir, 'resources.json'), 'utf8')) as fhir.Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry?.some((e) => e.resource?.resourceType === 'Goal')).toBe(true);
    expect(await readdir(dataDir)).toEqual(['resources.json']);
  });

  it('does not seed again over stored data', async () => {
    const first = await startFhirOnlyServer({ dataDir });
    const patient = await fhirClient(first.baseUrl).request<fhir.Patient>('Patient/john-doe');
    await fhirClient(first.baseUrl).update(clientResource({ ...patient, active: false }));
    await first.close();

    const second = await startFhirOnlyServer({ dataDir });
    const reread = await fhirClient(second.baseUrl).request<fhir.Patient>('Patient/john-doe');
    await second.close();

    expect(reread.active).toBe(false);
  });
});
