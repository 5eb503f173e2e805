import type { ReactElement } from 'react';
import { SECTIONS, type SectionId } from '../workspace/sections.ts';
import type { StrategyKind, WriteStrategy } from '../workspace/strategies/write-strategy.ts';
import './strategy-notice.css';

export interface StrategyNoticeProps {
  readonly strategy: WriteStrategy;
  /** The facts that decided the strategy, as sentences, each saying where it came from. */
  readonly because: readonly string[];
  /** Sections that cannot be changed on this server, with why. */
  readonly lockedSections?: ReadonlyMap<SectionId, string>;
}

const HEADLINE: Readonly<Record<StrategyKind, string>> = {
  transaction: 'Saves in one transaction.',
  sequential: 'Saves in ordered steps.',
  note: 'Saves as a clinical note.',
  companion: "Saves the plan in the practice's companion store and a note in the chart.",
};

/** How Save works on this server and why (issue 5 §1: the workspace says which strategy is in use and why). */
export function StrategyNotice({ strategy, because, lockedSections }: StrategyNoticeProps): ReactElement {
  const locked = SECTIONS.filter((section) => lockedSections?.has(section.id) === true);
  return (
    <section className={`strategy-notice strategy-${strategy.kind}`} aria-label="How this plan is saved">
      <p>
        <strong>{HEADLINE[strategy.kind]}</strong> {strategy.explanation}
      </p>
      {locked.length === 0 ? null : (
        <div className="strategy-locked">
          <p>These sections cannot be changed here, because the server will not save them:</p>
          <ul>
            {locked.map((section) => (
              <li key={section.id}>
                <strong>{section.title}</strong>: {lockedSections?.get(section.id)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {because.length === 0 ? null : (
        <details className="strategy-why">
          <summary>Why this server is saved to this way</summary>
          <ul>
            {because.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
