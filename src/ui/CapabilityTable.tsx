import type * as fhir from 'fhir/r4';
import type { ReactElement } from 'react';
import {
  PLAN_INTERACTIONS,
  planCapabilities,
  reasonText,
  type CapabilityCell,
  type PlanInteraction,
} from '../smart/capabilities.ts';
import type { PlanResourceType } from '../smart/scope-request.ts';
import type { SmartConfiguration } from '../smart/smart-configuration.ts';

export interface CapabilityTableProps {
  readonly serverUrl: string;
  readonly smartConfiguration: SmartConfiguration | undefined;
  readonly capabilityStatement: fhir.CapabilityStatement | undefined;
  readonly grantedScope: string | undefined;
}

/** What each plan resource holds, in the clinician's words. */
const PLAN_PART: Readonly<Record<PlanResourceType, string>> = {
  CarePlan: 'the plan itself',
  Goal: 'goals and objectives',
  Condition: 'diagnoses and concerns',
  Consent: 'treatment contract',
  ServiceRequest: 'interventions',
  Observation: 'scores and strengths',
  DocumentReference: 'plan documents and notes',
  Provenance: 'signatures',
};

const ANSWER: Readonly<Record<CapabilityCell['allowed'], string>> = { yes: 'Yes', partly: 'Partly', no: 'No' };

const COLUMN: Readonly<Record<PlanInteraction, string>> = { read: 'Read', create: 'Create', update: 'Update' };

/** Read / create / update for each plan resource: allowed or not, and why, from the server and the granted scope. */
export function CapabilityTable(props: CapabilityTableProps): ReactElement {
  const rows = planCapabilities(props);
  return (
    <table className="capability-table">
      <caption>
        What this app may do with treatment-plan records on <span className="server-url">{props.serverUrl}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Record</th>
          {PLAN_INTERACTIONS.map((interaction) => (
            <th scope="col" key={interaction}>
              {COLUMN[interaction]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.resourceType}>
            <th scope="row">
              <span className="resource-type">{row.resourceType}</span>
              <span className="resource-part">{PLAN_PART[row.resourceType]}</span>
            </th>
            {PLAN_INTERACTIONS.map((interaction) => (
              <CapabilityCellView
                key={interaction}
                resourceType={row.resourceType}
                interaction={interaction}
                cell={row[interaction]}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface CellProps {
  readonly resourceType: PlanResourceType;
  readonly interaction: PlanInteraction;
  readonly cell: CapabilityCell;
}

function CapabilityCellView({ resourceType, interaction, cell }: CellProps): ReactElement {
  const reasons = cell.reasons.map((reason) => reasonText(resourceType, interaction, reason));
  return (
    <td className={`capability capability-${cell.allowed}`}>
      <span className="capability-answer">{ANSWER[cell.allowed]}</span>
      {reasons.length > 0 ? (
        <>
          {/* Read aloud as "No, the server does not ..."; on screen the reason sits on its own line. */}
          <span className="visually-hidden">, </span>
          <span className="capability-reason">{reasons.join('; ')}</span>
        </>
      ) : null}
    </td>
  );
}
