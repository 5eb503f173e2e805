/**
 * The CarePlan's narrative: a human-readable summary of every section, generated from the plan
 * (https://hl7.org/fhir/R4/narrative.html). One XHTML `div` in the XHTML namespace, only basic elements, no
 * attributes other than the namespace, and every text escaped, so it satisfies txt-1 and txt-2 whatever the
 * clinician typed.
 */
import type { Code, Concept, GoalLike, MeasurableTarget, PersonRef, TreatmentPlan } from '../plan/treatment-plan.ts';

type Node = string | readonly Node[] | undefined | false;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters XML 1.0 does not allow at all (https://www.w3.org/TR/xml/#charsets): control characters other than
 * tab, line feed and carriage return, U+FFFE, U+FFFF, and surrogates that are not part of a pair. No escape can
 * carry them (`&#11;` is not well-formed either), so they are dropped.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters to drop
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as XML (and so XHTML) character data or attribute value: the five XML specials escaped and the characters
 * XML forbids dropped. The one escape for every XML this app writes: the CarePlan narrative, the plan note's XHTML
 * and the C-CDA document.
 */
export function escapeXhtml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const flat = (node: Node): string =>
  Array.isArray(node) ? node.map(flat).join('') : typeof node === 'string' ? node : '';
const el = (tag: string, ...children: Node[]): string => {
  const inner = flat(children);
  return inner === '' ? '' : `<${tag}>${inner}</${tag}>`;
};
const text = (value: string | number | undefined): string => (value === undefined ? '' : escapeXhtml(String(value)));
const li = (...parts: (string | undefined)[]): string =>
  el('li', text(parts.filter((p) => p !== undefined && p !== '').join(' — ')));
const list = (items: readonly string[]): string => el('ul', items);
const section = (title: string, ...body: Node[]): string => {
  const inner = flat(body);
  return inner === '' ? '' : `${el('h3', text(title))}${inner}`;
};
const field = (label: string, value: string | undefined): string =>
  value === undefined || value === '' ? '' : el('p', el('b', text(`${label}: `)), text(value));

const codes = (value: readonly Code[]): string => value.map((c) => c.code).join(', ');
const concept = (value: Concept | undefined): string | undefined =>
  value === undefined ? undefined : value.codes.length > 0 ? `${value.text} (${codes(value.codes)})` : value.text;
const person = (value: PersonRef | undefined): string | undefined => value?.name;
const target = (t: MeasurableTarget): string =>
  `${t.measure.text} ${t.comparator} ${t.value.value} ${t.value.unit}${t.dueDate ? ` by ${t.dueDate}` : ''}`;

function goalItem(goal: GoalLike, children: string): string {
  const status = [goal.lifecycle, goal.achievement].filter(Boolean).join(', ');
  const body = [
    text(`${goal.description.text} (${status})`),
    list(goal.targets.map((t) => el('li', text(`Target: ${target(t)}`)))),
    list(goal.notes.map((n) => el('li', text(`Note: ${n}`)))),
    children,
  ];
  return el('li', body);
}

export function planNarrative(plan: TreatmentPlan): string {
  const { client, session, history, contract, schedule, progress, review, considerations } = plan;
  const provider = session.provider;
  const body = [
    el('h2', text(plan.title)),
    field('Status', plan.status),
    el('p', text(plan.summary)),
    field('Author', person(plan.author)),
    field('Contributors', plan.contributors.map((c) => c.name).join(', ')),
    section(
      'Client',
      field('Name', client.name),
      field('Date of birth', client.birthDate),
      field('Gender', client.gender),
      list(client.identifiers.map((i) => li(i.label, i.value)))
    ),
    section(
      'Session',
      field('Date of service', session.dateOfService),
      field('Time', [session.start, session.end].filter(Boolean).join(' to ')),
      field('Contact', session.contactMode),
      field(
        'Place of service',
        concept(
          session.placeOfService && { text: session.placeOfService.display ?? '', codes: [session.placeOfService] }
        )
      ),
      field('Service', session.serviceType?.code),
      field('Provider', provider && [provider.name, ...provider.credentials].join(', '))
    ),
    section(
      'History and assessment',
      field('Occupation', history.occupation),
      field('Psychosocial history', history.psychosocialHistory),
      list(history.treatmentHistory.map((t) => li(concept(t.treatment), t.start, t.end, t.provider, t.outcome))),
      field('Assessments', history.assessmentIds.length > 0 ? `${history.assessmentIds.length} recorded` : undefined)
    ),
    section(
      'Presenting concerns',
      list(plan.presentingConcerns.map((c) => li(concept(c.concern), c.status, c.onset?.date, c.onset?.text, c.note)))
    ),
    section(
      'Diagnoses',
      list(
        plan.diagnoses.map((d) =>
          li(concept(d.condition), d.clinicalStatus, d.role, d.onset?.date, d.onset?.text, d.abatement, d.note)
        )
      )
    ),
    section(
      'Treatment contract',
      list(contract.goalsForChange.map((g) => li('Goal for change', g))),
      list(contract.responsibilities.map((r) => li(r.party, person(r.person), r.description))),
      contract.consent &&
        field(
          'Consent to treatment',
          [
            contract.consent.status,
            contract.consent.decision,
            contract.consent.dateTime,
            person(contract.consent.grantor),
            ...contract.consent.modalities.map((m) => m.text),
          ]
            .filter(Boolean)
            .join(', ')
        )
    ),
    section('Strengths', list(plan.strengths.map((s) => li(s.description, s.use)))),
    section(
      'Modality and frequency',
      field('Modality', concept(schedule.modality)),
      field('Format', concept(schedule.format)),
      field(
        'Frequency',
        schedule.sessionFrequency &&
          `${schedule.sessionFrequency.count} per ${schedule.sessionFrequency.per} ${schedule.sessionFrequency.unit}`
      ),
      field('Session length', schedule.sessionMinutes === undefined ? undefined : `${schedule.sessionMinutes} min`),
      field('Dates', [schedule.startDate, schedule.targetEndDate].filter(Boolean).join(' to '))
    ),
    section(
      'Goals',
      el(
        'ul',
        plan.goals.map((g) =>
          goalItem(
            g,
            el(
              'ul',
              g.objectives.map((o) => goalItem(o, ''))
            )
          )
        )
      )
    ),
    section(
      'Interventions',
      list(plan.interventions.map((i) => li(concept(i.technique), i.application, i.performer, i.status)))
    ),
    section(
      'Progress and outcomes',
      list(progress.measurements.map((m) => li(m.measure.text, `${m.value.value} ${m.value.unit}`, m.date, m.note))),
      list(progress.notes.map((n) => li(n.date, person(n.author), n.text))),
      field('Outcome summary', progress.outcomeSummary)
    ),
    section(
      'Signatures',
      list(
        plan.signatures.map((s) =>
          li(
            s.role,
            s.signer.name,
            s.typedName,
            s.signedAt,
            s.incompleteReason === undefined ? undefined : `signed incomplete because: ${s.incompleteReason}`
          )
        )
      )
    ),
    section(
      'Review',
      field('Plan period', [review.periodStart, review.nextReviewDate].filter(Boolean).join(' to ')),
      field('Next review', review.nextReviewDate),
      field('Replaces', review.replaces)
    ),
    section(
      'Considerations',
      list(considerations.clientPreferences.map((p) => li('Preference', p))),
      list(considerations.culturalConsiderations.map((c) => li('Cultural consideration', c))),
      list(considerations.participants.map((p) => li(p.person.name, p.relationship)))
    ),
  ];
  const inner = flat(body);
  return `<div xmlns="http://www.w3.org/1999/xhtml">${inner === '' ? el('p', text('Treatment plan')) : inner}</div>`;
}
