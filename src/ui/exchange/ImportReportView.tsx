import type { ReactElement } from 'react';
import type { ImportReport, PlannedActionKind } from '../../exchange/index.ts';

const ACTION_WORDS: Readonly<Record<PlannedActionKind, string>> = {
  create: 'New: will be created',
  update: 'Changed: will replace the server’s copy',
  match: 'Already on the server: kept as it is',
};

function patientWords(report: ImportReport): string {
  const match = report.patient;
  switch (match.kind) {
    case 'matched':
      return `${match.name} (${match.reference}), matched by ${match.by}.`;
    case 'ambiguous':
      return `Several patients match: ${match.candidates.map((c) => `${c.name} (${c.reference})`).join('; ')}.`;
    case 'absent':
      return match.message;
  }
}

/**
 * What an import will do, before anything is written: the patient it attaches to, validation issues with their
 * severity and FHIRPath location, the planned creates, updates and matches, and what the plan model cannot
 * represent. Every text from the file is shown as text.
 */
export function ImportReportView({
  report,
  from,
}: {
  readonly report: ImportReport;
  readonly from: string;
}): ReactElement {
  const counts = (['create', 'update', 'match'] as const).map(
    (kind) => [kind, report.actions.filter((a) => a.action === kind).length] as const
  );
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = report.issues.filter((i) => i.severity === 'warning').length;
  return (
    <div className="exchange-report">
      <h4>Import report for {from}</h4>
      <p>
        <strong>Client:</strong> {patientWords(report)}
      </p>
      {report.plan === undefined ? null : (
        <p>
          <strong>Plan:</strong> {report.plan.title || 'Untitled plan'}
        </p>
      )}
      <p>
        {report.validation === 'profiles'
          ? 'Checked against FHIR R4 and the treatment-plan profiles.'
          : 'Checked for the structure the plan reader needs; the full check against FHIR R4 and our profiles is in the command-line tool (validate).'}
      </p>
      <section aria-label="Validation issues">
        <h5>
          Validation: {errors} error{errors === 1 ? '' : 's'}, {warnings} warning{warnings === 1 ? '' : 's'}
        </h5>
        {report.issues.length === 0 ? (
          <p className="muted">No issues.</p>
        ) : (
          <table className="exchange-table">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Where (FHIRPath)</th>
                <th scope="col">Issue</th>
              </tr>
            </thead>
            <tbody>
              {report.issues.map((issue, index) => (
                <tr key={index} className={`exchange-issue-${issue.severity}`}>
                  <td>{issue.severity}</td>
                  <td>
                    <code>{issue.location}</code>
                  </td>
                  <td>{issue.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Planned actions">
        <h5>What the import will do</h5>
        <p className="exchange-counts">
          {counts
            .map(
              ([kind, n]) =>
                `${String(n)} ${kind === 'create' ? 'new' : kind === 'update' ? 'changed' : 'already on the server'}`
            )
            .join(', ')}
        </p>
        {report.actions.length === 0 ? null : (
          <table className="exchange-table exchange-report-actions">
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Record</th>
                <th scope="col">On the server</th>
              </tr>
            </thead>
            <tbody>
              {report.actions.map((action, index) => (
                <tr key={index}>
                  <td>{ACTION_WORDS[action.action]}</td>
                  <td>
                    {action.resourceType}: {action.description}
                  </td>
                  <td>{action.existing ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Not understood">
        <h5>Not understood by the plan model ({report.notUnderstoodItems.length})</h5>
        {report.notUnderstoodItems.length === 0 ? (
          <p className="muted">Everything in the file has a place in the plan.</p>
        ) : (
          <ul>
            {report.notUnderstoodItems.map((item, index) => (
              <li key={index}>
                {item.resource} <code>{item.path}</code> {item.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
