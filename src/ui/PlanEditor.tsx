import type { ReactElement } from 'react';
import type { Concept } from '../plan/index.ts';
import type { ShownIssue } from '../workspace/save-outcome.ts';
import type { SectionId } from '../workspace/sections.ts';
import { GoalsSection, type GoalLibraryRenderer } from './goals/GoalsSection.tsx';
import type { PlanEditing } from './plan-editing.ts';
import { PlanSection } from './PlanSection.tsx';
import { ProgressSection, type ProgressRecorder } from './progress/ProgressSection.tsx';
import { ConcernsSection } from './sections/ConcernsSection.tsx';
import { ConsiderationsSection } from './sections/ConsiderationsSection.tsx';
import { ContractSection } from './sections/ContractSection.tsx';
import { DiagnosesSection } from './sections/DiagnosesSection.tsx';
import { HistorySection } from './sections/HistorySection.tsx';
import { InterventionsSection } from './sections/InterventionsSection.tsx';
import { ReviewSection } from './sections/ReviewSection.tsx';
import { ScheduleSection } from './sections/ScheduleSection.tsx';
import { SessionSection } from './sections/SessionSection.tsx';
import { StrengthsSection } from './sections/StrengthsSection.tsx';
import { SectionNav } from './SectionNav.tsx';
import { SignaturesSection } from './signatures/SignaturesSection.tsx';

export interface PlanEditorProps {
  readonly editing: PlanEditing;
  readonly searchDiagnoses: (query: string) => readonly Concept[];
  readonly renderGoalLibrary?: GoalLibraryRenderer;
  /** Issues of the last refused save, for the sections they belong to. */
  readonly issues?: readonly ShownIssue[];
  /** Who records scores and progress notes, and the clock they are dated by. */
  readonly recorder?: ProgressRecorder;
}

/** Every section of the plan on one page, with a section navigation beside it. */
export function PlanEditor({
  editing,
  searchDiagnoses,
  renderGoalLibrary,
  issues = [],
  recorder,
}: PlanEditorProps): ReactElement {
  const at = (id: SectionId): readonly ShownIssue[] => issues.filter((issue) => issue.section === id);
  const flagged = new Set(issues.flatMap((issue) => (issue.section === undefined ? [] : [issue.section])));
  return (
    <div className="plan-editor">
      <SectionNav flagged={flagged} />
      <div className="plan-sections">
        <PlanSection id="session" issues={at('session')}>
          <SessionSection editing={editing} />
        </PlanSection>
        <PlanSection id="history" issues={at('history')}>
          <HistorySection editing={editing} />
        </PlanSection>
        <PlanSection id="concerns" issues={at('concerns')}>
          <ConcernsSection editing={editing} />
        </PlanSection>
        <PlanSection id="diagnoses" issues={at('diagnoses')}>
          <DiagnosesSection editing={editing} search={searchDiagnoses} />
        </PlanSection>
        <PlanSection id="contract" issues={at('contract')}>
          <ContractSection editing={editing} />
        </PlanSection>
        <PlanSection id="strengths" issues={at('strengths')}>
          <StrengthsSection editing={editing} />
        </PlanSection>
        <PlanSection id="schedule" issues={at('schedule')}>
          <ScheduleSection editing={editing} />
        </PlanSection>
        <PlanSection id="goals" issues={at('goals')}>
          <GoalsSection editing={editing} {...(renderGoalLibrary ? { renderGoalLibrary } : {})} />
        </PlanSection>
        <PlanSection id="interventions" issues={at('interventions')}>
          <InterventionsSection editing={editing} />
        </PlanSection>
        <PlanSection id="progress" issues={at('progress')}>
          <ProgressSection editing={editing} {...(recorder ? { recorder } : {})} />
        </PlanSection>
        <PlanSection id="review" issues={at('review')}>
          <ReviewSection editing={editing} />
        </PlanSection>
        <PlanSection id="considerations" issues={at('considerations')}>
          <ConsiderationsSection editing={editing} />
        </PlanSection>
        <PlanSection id="signatures" issues={at('signatures')}>
          <SignaturesSection
            editing={editing}
            {...(recorder ? { signedIn: recorder.author, now: recorder.now } : {})}
          />
        </PlanSection>
      </div>
    </div>
  );
}
