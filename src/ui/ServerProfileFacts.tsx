import type { ReactElement } from 'react';
import { sourceWords, type ServerProfile } from '../fhir/server-profile.ts';
import type { SearchParams } from '../fhir/gateway.ts';

export interface ServerProfileFactsProps {
  readonly profile: ServerProfile;
}

const RUN_WORDS: Readonly<Record<ServerProfile['transactions']['run'], string>> = {
  atomic: 'taken, all or nothing',
  'as-batch': 'taken, but run entry by entry like a batch',
  none: 'not taken',
  unknown: 'not known',
};

function searchWords(type: string, variants: readonly SearchParams[]): string {
  const values = variants.map((variant) =>
    Object.entries(variant)
      .map(([name, value]) => `${name}=${typeof value === 'string' ? value : value.join(',')}`)
      .join('&')
  );
  return `${type} (${values.join(' or ')})`;
}

/** The facts about the server that decide how the app reads and saves, each with where it came from. */
export function ServerProfileFacts({ profile }: ServerProfileFactsProps): ReactElement {
  const required = Object.entries(profile.requiredSearchParams);
  return (
    <dl className="server-profile-facts">
      <div>
        <dt>Transaction Bundles</dt>
        <dd>
          {RUN_WORDS[profile.transactions.run]} ({profile.transactions.reason.text},{' '}
          {sourceWords(profile.transactions.reason.source)})
        </dd>
      </div>
      <div>
        <dt>A record changed by someone else is answered with</dt>
        <dd>{profile.conflictStatuses.join(' or ')}</dd>
      </div>
      <div>
        <dt>A new record is answered with</dt>
        <dd>{profile.createReturnsBody ? 'the record' : 'only its address (the app reads it back)'}</dd>
      </div>
      {required.length === 0 ? null : (
        <div>
          <dt>Searches that must name a category</dt>
          <dd>{required.map(([type, variants]) => searchWords(type, variants)).join('; ')}</dd>
        </div>
      )}
    </dl>
  );
}
