/**
 * The page shown when an authorization request cannot be sent back to the app: the client or its redirect URI
 * is unknown, so redirecting would hand a code or an error to whoever forged the link (RFC 6749 §4.1.2.1).
 */
import { html, page, type Html } from './html.ts';

export interface ErrorPageContent {
  readonly title: string;
  /** What went wrong, in one or two sentences. */
  readonly problem: string;
  /** What to do about it. */
  readonly remedy: string;
  /** Request details worth showing to the integrator (name, value). */
  readonly details?: readonly (readonly [string, string])[];
}

export function errorPage({ title, problem, remedy, details = [] }: ErrorPageContent): Html {
  const rows = details.map(
    ([name, value]) =>
      html`<tr>
        <th scope="row">${name}</th>
        <td><code>${value}</code></td>
      </tr>`
  );
  return page(
    title,
    html`<section class="card error" role="alert">
      <h1>${title}</h1>
      <p>${problem}</p>
      <p class="remedy">${remedy}</p>
      ${
        rows.length > 0
          ? html`<table class="details">
              <tbody>
                ${rows}
              </tbody>
            </table>`
          : undefined
      }
      <p><a href="/">Back to the Sandbox EHR</a></p>
    </section>`
  );
}
