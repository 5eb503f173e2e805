import type { ReactElement } from 'react';
import {
  setDateOfService,
  setPlaceOfService,
  setServiceType,
  setSessionProvider,
  setSessionTimes,
} from '../../plan/index.ts';
import { timeOf, zonedDateTime } from '../../workspace/clock.ts';
import { codeOf, PLACES_OF_SERVICE, SERVICE_TYPES } from '../../workspace/pick-lists.ts';
import { DateField } from '../fields/DateField.tsx';
import { SelectField } from '../fields/SelectField.tsx';
import { TextField } from '../fields/TextField.tsx';
import type { PlanEditing } from '../plan-editing.ts';

/** Date of service, start and stop time, place of service, kind of session and provider (what insurers ask for). */
export function SessionSection({ editing }: { readonly editing: PlanEditing }): ReactElement {
  const { session } = editing.plan;
  const date = session.dateOfService;
  const setTime = (which: 'start' | 'end', time: string | null): void => {
    editing.edit(`session.${which}`, (plan) => {
      const on = plan.session.dateOfService ?? editing.today;
      const withDate = plan.session.dateOfService === undefined ? setDateOfService(plan, on) : plan;
      return setSessionTimes(withDate, { [which]: time === null ? null : zonedDateTime(on, time) });
    });
  };
  const provider = session.provider;
  return (
    <div className="field-grid">
      <DateField
        label="Date of service"
        path="session.dateOfService"
        value={date}
        editing={editing}
        onCommit={(value) => {
          editing.edit('session.dateOfService', (plan) => setDateOfService(plan, value));
        }}
      />
      <DateField
        kind="time"
        label="Start time"
        path="session.start"
        value={timeOf(session.start)}
        editing={editing}
        onCommit={(value) => {
          setTime('start', value);
        }}
      />
      <DateField
        kind="time"
        label="Stop time"
        path="session.end"
        value={timeOf(session.end)}
        editing={editing}
        onCommit={(value) => {
          setTime('end', value);
        }}
      />
      <SelectField
        label="Place of service"
        path="session.placeOfService"
        value={session.placeOfService?.code}
        emptyLabel="Not recorded"
        options={PLACES_OF_SERVICE.map((p) => ({ value: p.code, label: `${p.code} ${p.label}` }))}
        editing={editing}
        onCommit={(code) => {
          const place = PLACES_OF_SERVICE.find((p) => p.code === code);
          editing.edit('session.placeOfService', (plan) =>
            place === undefined
              ? setPlaceOfService(plan, null, null)
              : setPlaceOfService(plan, codeOf(place), place.mode)
          );
        }}
      />
      <SelectField
        label="Kind of session"
        path="session.serviceType"
        value={session.serviceType?.code}
        emptyLabel="Not recorded"
        options={SERVICE_TYPES.map((s) => ({ value: s.code, label: `${s.code} ${s.label}` }))}
        editing={editing}
        onCommit={(code) => {
          const type = SERVICE_TYPES.find((s) => s.code === code);
          editing.edit('session.serviceType', (plan) => setServiceType(plan, type === undefined ? null : codeOf(type)));
        }}
      />
      <TextField
        label="Provider"
        path="session.provider"
        value={provider?.name}
        editing={editing}
        onCommit={(name) => {
          editing.edit('session.provider', (plan) =>
            setSessionProvider(
              plan,
              name.trim() === '' ? null : { ...(plan.session.provider ?? { credentials: [] }), name }
            )
          );
        }}
      />
      <TextField
        label="Provider credentials"
        hint="Separated by commas, e.g. LCSW, MSW"
        path="session.provider.credentials"
        value={provider?.credentials.join(', ')}
        editing={editing}
        onCommit={(text) => {
          const credentials = text
            .split(',')
            .map((c) => c.trim())
            .filter((c) => c !== '');
          editing.edit('session.provider.credentials', (plan) =>
            setSessionProvider(plan, { ...(plan.session.provider ?? { name: '' }), credentials })
          );
        }}
      />
    </div>
  );
}
