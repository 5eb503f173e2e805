import type { ReactElement } from 'react';
import type { LaunchKind, Loaded, Session } from '../smart/session.ts';
import type { StyleProperties } from '../smart/smart-style.ts';

const LAUNCH_TEXT: Readonly<Record<LaunchKind, string>> = {
  ehr: 'EHR launch',
  standalone: 'Standalone launch',
  open: 'Open server (no sign-in)',
};

/** The technical facts of this session, folded away for whoever supports the clinician. */
export function LaunchDetails({ session }: { readonly session: Session }): ReactElement {
  return (
    <details className="launch-details">
      <summary>Launch details</summary>
      <dl>
        <dt>Server</dt>
        <dd>{session.serverUrl}</dd>
        <dt>Launch</dt>
        <dd>{LAUNCH_TEXT[session.launch]}</dd>
        {session.launch === 'open' ? null : (
          <>
            <dt>Scopes requested</dt>
            <dd className="scope-list">{session.requestedScope}</dd>
            <dt>Scopes granted</dt>
            <dd className="scope-list">{session.grantedScope ?? 'Not reported by the server'}</dd>
          </>
        )}
        {session.context.encounterId === undefined ? null : (
          <>
            <dt>Encounter</dt>
            <dd>{session.context.encounterId}</dd>
          </>
        )}
        <dt>EHR style</dt>
        <dd>{styleText(session.style)}</dd>
      </dl>
    </details>
  );
}

function styleText(style: Loaded<StyleProperties>): string {
  switch (style.status) {
    case 'absent':
      return 'None sent';
    case 'failed':
      return `Not applied: ${style.problem}`;
    case 'loaded': {
      const applied = Object.keys(style.value.properties).length;
      const rejected = style.value.rejected.length > 0 ? `; refused values for ${style.value.rejected.join(', ')}` : '';
      return `${applied} setting${applied === 1 ? '' : 's'} applied${rejected}`;
    }
  }
}
