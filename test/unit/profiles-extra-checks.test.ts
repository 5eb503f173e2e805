/**
 * The checks src/conformance adds to @medplum/core's validator (and the invariants we rely on it for):
 * each is shown failing on a resource that breaks it and passing on one that keeps it.
 */
import type * as fhir from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConformance } from '../../src/conformance/check.ts';
import type { ConformanceDefinitions } from '../../src/conformance/definitions.ts';
import { nodeConformanceDefinitions } from '../../tools/profiles/definitions.ts';
import * as example from './profiles-fixtures.ts';

let definitions: ConformanceDefinitions;
beforeAll(async () => {
  definitions = await nodeConformanceDefinitions();
});

/** `rule@location` for every error, so a test names both what failed and where. */
const failures = (resource: fhir.FhirResource): string[] =>
  checkConformance(resource, definitions)
    .filter((issue) => issue.severity === 'error')
    .map((issue) => `${issue.rule}@${issue.location}`);

const withoutProfile = <T extends fhir.FhirResource>(resource: T): T => ({ ...resource, meta: undefined });
const withDiv = (div: string): fhir.CarePlan => ({ ...example.carePlan(), text: { status: 'generated', div } });

describe('required ValueSet bindings', () => {
  it('reject a code outside a base R4 required binding', () => {
    expect(failures({ ...withoutProfile(example.carePlan()), status: 'bogus' as fhir.CarePlan['status'] })).toEqual([
      'binding@CarePlan.status',
    ]);
  });

  it('reject a code outside a required binding our profile adds', () => {
    const plan = example.carePlan();
    expect(failures({ ...plan, text: { div: plan.text?.div ?? '', status: 'extensions' } })).toEqual([
      'binding@CarePlan.text.status',
    ]);
  });

  it('leave a binding unchecked when its ValueSet cannot be enumerated offline (MIME types)', () => {
    const consent = example.consent();
    consent.sourceAttachment = { contentType: 'application/pdf', url: 'Binary/signed-contract' };
    expect(failures(consent)).toEqual([]);
  });

  it('locate a binding failure inside a choice element by the choice taken', () => {
    const goal = example.goal();
    for (const target of goal.target ?? []) target.detailQuantity = { value: 10, comparator: 'about' as '<' };
    expect(failures(goal)).toEqual(['binding@Goal.target[0].detailQuantity.comparator']);
  });
});

describe('gol-1 (a target detail needs a measure)', () => {
  it('rejects a target with a detail and no measure', () => {
    const goal = example.goal();
    goal.target = [{ detailQuantity: { value: 10 } }];
    expect(failures(goal)).toEqual(['gol-1@Goal.target[0]']);
  });

  it('accepts a target with a due date only', () => {
    expect(failures({ ...example.goal(), target: [{ dueDate: '2026-04-05' }] })).toEqual([]);
  });
});

describe('cpl-3 (an activity has a reference or a detail, not both)', () => {
  it('rejects an activity with both', () => {
    const plan = example.carePlan();
    plan.activity = [{ reference: { reference: 'ServiceRequest/cbt-weekly' }, detail: { status: 'scheduled' } }];
    expect(failures(plan)).toEqual(['cpl-3@CarePlan.activity[0]']);
  });

  it('accepts an activity with a detail only', () => {
    expect(failures({ ...example.carePlan(), activity: [{ detail: { status: 'scheduled' } }] })).toEqual([]);
  });
});

describe('txt-1 and txt-2 (narrative)', () => {
  it.each([
    ['a script', '<div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></div>'],
    ['a target attribute', '<div xmlns="http://www.w3.org/1999/xhtml"><a href="x" target="_blank">x</a></div>'],
    ['no XHTML namespace', '<div><p>Plan</p></div>'],
    ['an HTML-only entity', '<div xmlns="http://www.w3.org/1999/xhtml">Plan&nbsp;A</div>'],
    ['a second root element', '<div xmlns="http://www.w3.org/1999/xhtml">A</div><p>B</p>'],
  ])('txt-1 rejects a narrative with %s', (_, div) => {
    expect(failures(withDiv(div))).toEqual(['txt-1@CarePlan.text.div']);
  });

  it('txt-2 rejects a narrative of whitespace only', () => {
    expect(failures(withDiv('<div xmlns="http://www.w3.org/1999/xhtml"> <p> </p> </div>'))).toEqual([
      'txt-2@CarePlan.text.div',
    ]);
  });

  it('accepts escaped text, tables, links and styles', () => {
    const div =
      '<div xmlns="http://www.w3.org/1999/xhtml"><p style="color: red">Score &lt; 10 &amp; falling&#160;</p>' +
      '<table><tr><th scope="col">Goal</th></tr><tr><td>Sleep</td></tr></table><a href="#g1">goal</a><br/></div>';
    expect(failures(withDiv(div))).toEqual([]);
  });

  it('checks the narrative of contained resources too', () => {
    const plan = withoutProfile(example.carePlan());
    const goal: fhir.Goal = {
      ...withoutProfile(example.goal()),
      id: 'g1',
      text: { status: 'generated', div: '<div>x</div>' },
    };
    plan.contained = [goal];
    plan.goal = [{ reference: '#g1' }];
    expect(failures(plan)).toEqual(['txt-1@CarePlan.contained[0].text.div']);
  });
});

describe('ppc-1 (a consent has a policy or a policy rule)', () => {
  it('rejects a consent with neither', () => {
    const consent = example.consent();
    delete consent.policyRule;
    expect(failures(consent)).toEqual(['ppc-1@Consent']);
  });

  it('accepts a consent with a policy document instead', () => {
    const consent: fhir.Consent = {
      ...example.consent(),
      policy: [{ uri: 'https://clinic.example.org/consent-policy' }],
    };
    delete consent.policyRule;
    expect(failures(consent)).toEqual([]);
  });
});

describe('ppc-5 (a treatment consent names its patient; R4 publishes it with a placeholder system)', () => {
  it('rejects a treatment consent without a patient', () => {
    const consent = withoutProfile(example.consent());
    delete consent.patient;
    expect(failures(consent)).toEqual(['ppc-5@Consent']);
  });

  it('applies the same rule to the other scopes R4 lists (ppc-2 to ppc-4), not to a local scope', () => {
    const consent = withoutProfile(example.consent());
    delete consent.patient;
    consent.scope = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'adr' }] };
    expect(failures(consent)).toEqual(['ppc-4@Consent']);
    consent.scope = { text: 'Local scope' };
    expect(failures(consent)).toEqual([]);
  });
});

describe('dom-3 (a contained resource is referenced from its container)', () => {
  const containedGoal = (): fhir.Goal => ({ ...withoutProfile(example.goal()), id: 'g1', extension: [] });

  it('rejects a contained resource nothing refers to', () => {
    const plan = withoutProfile(example.carePlan());
    plan.contained = [containedGoal()];
    expect(failures(plan)).toEqual(['dom-3@CarePlan.contained[0]']);
  });

  it('accepts a contained resource the container refers to', () => {
    const plan = withoutProfile(example.carePlan());
    plan.contained = [containedGoal()];
    plan.goal = [{ reference: '#g1' }];
    expect(failures(plan)).toEqual([]);
  });

  it('accepts a contained resource that refers back to its container', () => {
    const plan = withoutProfile(example.carePlan());
    const provenance: fhir.Provenance = {
      ...withoutProfile(example.provenance()),
      id: 'p1',
      target: [{ reference: '#' }],
    };
    plan.contained = [provenance];
    expect(failures(plan)).toEqual([]);
  });
});

describe('checks @medplum/core treats loosely', () => {
  it('reject a dateTime with a time but no time zone', () => {
    expect(failures({ ...example.carePlan(), created: '2026-01-05T10:30:00' })).toEqual(['time-zone@CarePlan.created']);
  });

  it('reject a reference to a resource type the element does not allow', () => {
    expect(failures({ ...example.carePlan(), subject: { reference: 'Group/household' } })).toEqual([
      'reference@CarePlan.subject',
    ]);
    expect(
      failures({ ...example.goal(), addresses: [{ reference: 'https://ehr.example.org/fhir/Encounter/e1' }] })
    ).toEqual(['reference@Goal.addresses[0]']);
  });

  it('resolve urn:uuid references through the Bundle, and accept one to an allowed type', () => {
    const patientUrl = 'urn:uuid:2d9f6c1e-8a43-4c1b-9a57-0f6f8e3b7a10';
    const encounterUrl = 'urn:uuid:6b0e4f52-1c3d-4e7a-8f90-3a2b1c0d9e8f';
    const bundle = (subject: string): fhir.Bundle<fhir.FhirResource> => ({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: patientUrl, resource: { resourceType: 'Patient' } },
        { fullUrl: encounterUrl, resource: withoutProfile(example.encounter()) },
        {
          fullUrl: 'urn:uuid:9c1f1a7e-5b2d-4d8e-a6c3-7e0f2b4d6a81',
          resource: { ...example.carePlan(), subject: { reference: subject } },
        },
      ],
    });
    expect(failures(bundle(patientUrl))).toEqual([]);
    expect(failures(bundle(encounterUrl))).toEqual(['reference@Bundle.entry[2].resource.subject']);
  });

  it('name an entry by its place in the Bundle when entries before it are not objects', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        null,
        'not an entry',
        {
          fullUrl: 'urn:uuid:2d9f6c1e-8a43-4c1b-9a57-0f6f8e3b7a10',
          resource: { ...example.carePlan(), status: 'bogus' },
        },
      ],
    } as unknown as fhir.Bundle<fhir.FhirResource>;
    const inEntries = failures(bundle).filter((failure) => failure.includes('.resource'));
    expect(inEntries).toEqual(['binding@Bundle.entry[2].resource.status']);
  });
});

describe('invariants of data types, on values anywhere in a resource', () => {
  it('per-1: reject a plan period that ends before it starts, accept one that ends after', () => {
    expect(failures({ ...example.carePlan(), period: { start: '2026-04-05', end: '2026-01-05' } })).toEqual([
      'per-1@CarePlan.period',
    ]);
    expect(failures({ ...example.carePlan(), period: { start: '2026-01-05', end: '2026-04-05' } })).toEqual([]);
  });

  it('per-1: leave unchecked a period whose dates cannot be compared at their precisions', () => {
    expect(failures({ ...example.carePlan(), period: { start: '2026-01-05', end: '2026-01-05T08:00:00Z' } })).toEqual(
      []
    );
  });

  it('rng-2: reject a goal target range whose low is above its high, located by the choice taken', () => {
    const goal = example.goal();
    const measure = goal.target?.[0]?.measure;
    goal.target = [{ ...(measure ? { measure } : {}), detailRange: { low: { value: 10 }, high: { value: 5 } } }];
    expect(failures(goal)).toEqual(['rng-2@Goal.target[0].detailRange']);
  });

  it('ext-1: reject an extension with both a value and nested extensions', () => {
    const goal = example.goal();
    goal.extension = [
      {
        url: 'https://treatment-plan.example.org/fhir/StructureDefinition/unknown-to-us',
        valueString: 'both',
        extension: [{ url: 'part', valueString: 'nested' }],
      },
    ];
    expect(failures(goal)).toContain('ext-1@Goal.extension[0]');
  });
});
