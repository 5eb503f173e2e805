import type { ReactElement } from 'react';
import type { SignedInUser as User, UserResource } from '../smart/session.ts';
import { credentials, displayName } from './patient-display.ts';

export interface SignedInUserProps {
  readonly user: User | undefined;
}

/** The clinician using the app, from the token's `fhirUser`: name and credentials (e.g. "Dana Rivera, LCSW"). */
export function SignedInUser({ user }: SignedInUserProps): ReactElement {
  return (
    <section className="signed-in-user" aria-label="Signed-in user">
      <span className="signed-in-label">Signed in as</span> <UserName user={user} />
    </section>
  );
}

function UserName({ user }: SignedInUserProps): ReactElement {
  if (user === undefined) {
    return <span className="muted">not identified (the server did not say who signed in)</span>;
  }
  const { resource } = user;
  switch (resource.status) {
    case 'loaded':
      return <strong>{userLine(resource.value)}</strong>;
    case 'failed':
      return (
        <span className="muted" title={resource.problem}>
          {user.reference} (details could not be loaded)
        </span>
      );
    case 'absent':
      return <span>{user.reference}</span>;
  }
}

function userLine(resource: UserResource): string {
  if (resource.resourceType === 'PractitionerRole') {
    return resource.practitioner?.display ?? 'Practitioner role';
  }
  const name = displayName(resource.name) ?? resource.resourceType;
  const creds = resource.resourceType === 'Practitioner' ? credentials(resource) : [];
  return [name, ...creds].join(', ');
}
