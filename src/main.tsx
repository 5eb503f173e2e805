/**
 * Entry of index.html, the redirect URI: completes the SMART launch once, builds the session, applies the EHR's
 * style, and only then renders React (StrictMode runs effects twice, and a second `ready()` would spend the
 * one-time code again). Any failure shows the error page instead of a blank screen.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { searchDiagnoses } from './catalog/diagnosis-search.ts';
import type { Concept } from './plan/index.ts';
import { loadAppConfig } from './smart/app-config.ts';
import { connectCompanion, type CompanionConnection } from './smart/companion-connection.ts';
import { describeError } from './smart/describe-error.ts';
import { recallLaunch } from './smart/launch-marker.ts';
import { openSession } from './smart/open-session.ts';
import type { Session } from './smart/session.ts';
import { applyStyleProperties } from './smart/smart-style.ts';
import { renderErrorPage, type RelaunchHint } from './ui/error-page.ts';
import { renderGoalLibrary } from './ui/goals/GoalLibrary.tsx';
import { SessionScreen } from './ui/SessionScreen.tsx';
import './ui/styles.css';

const container = document.getElementById('root') ?? document.body;

/** The diagnosis list that ships with the app (ICD-10-CM + SNOMED CT), for the diagnosis picker. */
function searchDiagnosisCatalog(query: string): readonly Concept[] {
  return searchDiagnoses(query, 20).map((diagnosis) => diagnosis.condition);
}
const pageUrl = new URL(window.location.href);

function relaunchHint(): RelaunchHint {
  const href = new URL('./launch.html', pageUrl).href;
  switch (recallLaunch()?.mode) {
    case 'ehr':
      return { kind: 'ehr' };
    case 'standalone':
    case 'open':
      return { kind: 'standalone', href };
    case undefined:
      return { kind: 'unknown', href };
  }
}

/**
 * The session and, when smart-config.json names one for this server, its companion store (issue 5 §2); the
 * config is fetched while the session opens, so it adds no round trip before the first render.
 */
async function openWithCompanion(): Promise<{ session: Session; companion: CompanionConnection | undefined }> {
  const [session, config] = await Promise.all([openSession(pageUrl), loadAppConfig(pageUrl.href)]);
  return { session, companion: await connectCompanion(config, session.serverUrl) };
}

openWithCompanion().then(
  ({ session, companion }) => {
    if (session.style.status === 'loaded') {
      applyStyleProperties(document.documentElement.style, session.style.value.properties);
    }
    createRoot(container).render(
      <StrictMode>
        <SessionScreen
          session={session}
          searchDiagnoses={searchDiagnosisCatalog}
          renderGoalLibrary={renderGoalLibrary}
          {...(companion === undefined ? {} : { companion })}
        />
      </StrictMode>
    );
  },
  (error: unknown) => {
    renderErrorPage(container, describeError(error), relaunchHint());
  }
);
