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
  /** Sections whose records the server will not take (issue 5 §1): shown, but nothing in them can change. */
  readonly lockedSections?: ReadonlyMap<SectionId, string>;
}

/** Every section of the plan on one page, with a section navigation beside it. */
export function PlanEditor({
  editing,
  searchDiagnoses,
  renderGoalLibrary,
  issues = [],
  recorder,
  lockedSections,
}: PlanEditorProps): ReactElement {
  const of = (id: SectionId): PlanEditing =>
    lockedSections?.has(id) === true ? { ...editing, readOnly: true, canRecord: false } : editing;
  const at = (id: SectionId): readonly ShownIssue[] => issues.filter((issue) => issue.section === id);
  const flagged = new Set(issues.flatMap((issue) => (issue.section === undefined ? [] : [issue.section])));
  return (
    <div className="plan-editor">
      <SectionNav flagged={flagged} />
      <div className="plan-sections">
        <PlanSection id="session" issues={at('session')}>
          <SessionSection editing={of('session')} />
        </PlanSection>
        <PlanSection id="history" issues={at('history')}>
          <HistorySection editing={of('history')} />
        </PlanSection>
        <PlanSection id="concerns" issues={at('concerns')}>
          <ConcernsSection editing={of('concerns')} />
        </PlanSection>
        <PlanSection id="diagnoses" issues={at('diagnoses')}>
          <DiagnosesSection editing={of('diagnoses')} search={searchDiagnoses} />
        </PlanSection>
        <PlanSection id="contract" issues={at('contract')}>
          <ContractSection editing={of('contract')} />
        </PlanSection>
        <PlanSection id="strengths" issues={at('strengths')}>
          <StrengthsSection editing={of('strengths')} />
        </PlanSection>
        <PlanSection id="schedule" issues={at('schedule')}>
          <ScheduleSection editing={of('schedule')} />
        </PlanSection>
        <PlanSection id="goals" issues={at('goals')}>
          <GoalsSection editing={of('goals')} {...(renderGoalLibrary ? { renderGoalLibrary } : {})} />
        </PlanSection>
        <PlanSection id="interventions" issues={at('interventions')}>
          <InterventionsSection editing={of('interventions')} />
        </PlanSection>
        <PlanSection id="progress" issues={at('progress')}>
          <ProgressSection editing={of('progress')} {...(recorder ? { recorder } : {})} />
        </PlanSection>
        <PlanSection id="review" issues={at('review')}>
          <ReviewSection editing={of('review')} />
        </PlanSection>
        <PlanSection id="considerations" issues={at('considerations')}>
          <ConsiderationsSection editing={of('considerations')} />
        </PlanSection>
        <PlanSection id="signatures" issues={at('signatures')}>
          <SignaturesSection
            editing={of('signatures')}
            {...(recorder ? { signedIn: recorder.author, now: recorder.now } : {})}
          />
        </PlanSection>
      </div>
    </div>
  );
}
