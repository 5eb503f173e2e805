/**
 * The page shown when the app cannot start: what happened in plain words, how to relaunch, and the technical
 * detail folded away. Plain DOM, so it works on the launch page (no React) and before React has rendered.
 */
import type { ProblemReport } from '../smart/describe-error.ts';
import { el, show } from './dom.ts';

/** How the user can start again: from the EHR, from the launch page, or (when unknown) either. */
export type RelaunchHint =
  | { readonly kind: 'ehr' }
  | { readonly kind: 'standalone'; readonly href: string }
  | { readonly kind: 'unknown'; readonly href: string };

export function renderErrorPage(container: Element, problem: ProblemReport, relaunch: RelaunchHint): void {
  document.title = 'Treatment plan: could not start';
  show(
    container,
    el(
      'main',
      { class: 'error-page' },
      el(
        'section',
        { role: 'alert', 'aria-labelledby': 'error-title', class: 'error-alert' },
        el('h1', { id: 'error-title' }, 'The treatment plan app could not start'),
        el('p', { class: 'error-sentence' }, problem.sentence),
        relaunchParagraph(relaunch)
      ),
      problem.detail
        ? el(
            'details',
            { class: 'error-detail' },
            el('summary', {}, 'Technical details'),
            el('pre', {}, problem.detail)
          )
        : null
    )
  );
}

function relaunchParagraph(relaunch: RelaunchHint): HTMLElement {
  switch (relaunch.kind) {
    case 'ehr':
      return el(
        'p',
        { class: 'relaunch' },
        "To try again, open the client's chart in the EHR and launch the app from there."
      );
    case 'standalone':
      return el('p', { class: 'relaunch' }, el('a', { href: relaunch.href, class: 'button' }, 'Relaunch the app'));
    case 'unknown':
      return el(
        'p',
        { class: 'relaunch' },
        'If you opened the app from your EHR, launch it again from there. Otherwise ',
        el('a', { href: relaunch.href }, 'relaunch the app'),
        '.'
      );
  }
}
