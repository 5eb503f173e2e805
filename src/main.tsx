/**
 * Entry of index.html, the redirect URI: completes the SMART launch once, builds the session, applies the EHR's
 * style, and only then renders React (StrictMode runs effects twice, and a second `ready()` would spend the
 * one-time code again). Any failure shows the error page instead of a blank screen.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { searchDiagnoses } from './catalog/diagnosis-search.ts';
import type { Concept } from './plan/index.ts';
import { describeError } from './smart/describe-error.ts';
import { recallLaunch } from './smart/launch-marker.ts';
import { openSession } from './smart/open-session.ts';
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

openSession(pageUrl).then(
  (session) => {
    if (session.style.status === 'loaded') {
      applyStyleProperties(document.documentElement.style, session.style.value.properties);
    }
    createRoot(container).render(
      <StrictMode>
        <SessionScreen
          session={session}
          searchDiagnoses={searchDiagnosisCatalog}
          renderGoalLibrary={renderGoalLibrary}
        />
      </StrictMode>
    );
  },
  (error: unknown) => {
    renderErrorPage(container, describeError(error), relaunchHint());
  }
);
