import { describe, expect, it } from 'vitest';
import { readCommitted, renderGenerated, staleFiles } from '../../tools/profiles/generated-output.ts';

const R4_META = ['id', 'extension', 'versionId', 'lastUpdated', 'source', 'profile', 'security', 'tag'];

describe('fhir-profiles/generated', () => {
  it('matches a fresh offline build of the FSH sources (run `npm run profiles` when this fails)', async () => {
    const built = await renderGenerated();
    expect(built.errors).toEqual([]);
    expect(built.warnings).toEqual([]);
    expect(staleFiles(built.files, await readCommitted())).toEqual([]);
  }, 60_000);

  it('holds a profile with a snapshot for every resource the app writes, and no Medplum-only elements', async () => {
    const committed = await readCommitted();
    const profiles = [...committed]
      .filter(([name]) => name.startsWith('StructureDefinition-'))
      .map(([, text]) => JSON.parse(text) as { type: string; snapshot?: { element: { path: string }[] } })
      // Extension definitions (plan-note-kind, goal-carried-from, record-identifier) have no meta to check.
      .filter((p) => p.type !== 'Extension');
    expect(profiles.map((p) => p.type).sort()).toEqual([
      'CarePlan',
      'CareTeam',
      'Condition',
      'Consent',
      'DocumentReference',
      'Encounter',
      'Goal',
      'Location',
      'Observation',
      'Observation',
      'Observation',
      'Observation',
      'Procedure',
      'Provenance',
      'ServiceRequest',
    ]);
    for (const profile of profiles) {
      const metaElements = (profile.snapshot?.element ?? [])
        .map((e) => e.path)
        .filter((path) => path.startsWith(`${profile.type}.meta.`))
        .map((path) => path.slice(`${profile.type}.meta.`.length));
      expect(new Set(metaElements)).toEqual(new Set(R4_META));
    }
  });
});

describe('the staleness comparison', () => {
  const fresh = new Map([
    ['a.json', '{}\n'],
    ['b.json', '{"x":1}\n'],
  ]);

  it('finds nothing when the committed files equal the build', () => {
    expect(staleFiles(fresh, new Map(fresh))).toEqual([]);
  });

  it('names files that changed, are missing or are no longer built', () => {
    const committed = new Map([
      ['b.json', '{"x":2}\n'],
      ['c.json', '{}\n'],
    ]);
    expect(staleFiles(fresh, committed)).toEqual(['a.json', 'b.json', 'c.json']);
  });
});
