import type { ReactElement } from 'react';
import { editPlanHeader, setPlanStatus, setReviewPeriod, type OpenPlanStatus } from '../../plan/index.ts';
import { DateField } from '../fields/DateField.tsx';
import { SelectField } from '../fields/SelectField.tsx';
import { TextField } from '../fields/TextField.tsx';
import type { PlanEditing } from '../plan-editing.ts';

const STATUSES: readonly { readonly value: OpenPlanStatus; readonly label: string }[] = [
  { value: 'draft', label: 'Draft' },
  { value: 'active', label: 'In force' },
  { value: 'on-hold', label: 'On hold' },
];

/** The plan's title and status, the period it covers and its next review (every 1 to 6 months). */
export function ReviewSection({ editing }: { readonly editing: PlanEditing }): ReactElement {
  const { review } = editing.plan;
  return (
    <div className="field-grid">
      <TextField
        label="Plan title"
        path="title"
        value={editing.plan.title}
        editing={editing}
        onCommit={(title) => {
          editing.edit('title', (plan) => editPlanHeader(plan, { title }));
        }}
      />
      <SelectField
        label="Plan status"
        path="status"
        value={editing.plan.status}
        options={STATUSES}
        editing={editing}
        onCommit={(value) => {
          const status = STATUSES.find((s) => s.value === value)?.value ?? 'draft';
          editing.edit('status', (plan) => setPlanStatus(plan, status));
        }}
      />
      <DateField
        label="Plan period starts"
        path="review.periodStart"
        value={review.periodStart}
        editing={editing}
        onCommit={(periodStart) => {
          editing.edit('review.periodStart', (plan) => setReviewPeriod(plan, { periodStart }));
        }}
      />
      <DateField
        label="Next review"
        path="review.nextReviewDate"
        value={review.nextReviewDate}
        editing={editing}
        onCommit={(nextReviewDate) => {
          editing.edit('review.nextReviewDate', (plan) => setReviewPeriod(plan, { nextReviewDate }));
        }}
      />
      {review.replaces === undefined ? null : <p className="muted">This plan revises plan {review.replaces}.</p>}
    </div>
  );
}
