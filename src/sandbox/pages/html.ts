/**
 * Server-rendered HTML without a template engine: the `html` tag escapes every interpolated value unless it is
 * already `Html` made by this module, so a patient name can never become markup. Pages link one stylesheet and
 * carry no script, so a strict Content-Security-Policy holds.
 */
import type { SandboxResponse } from '../contracts.ts';

const HTML_BRAND = Symbol('html');

/** Markup that is safe to insert as is, because `html` built it. */
export interface Html {
  readonly [HTML_BRAND]: string;
}

export type HtmlValue = string | number | Html | readonly Html[] | null | undefined;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && HTML_BRAND in value;
}

function render(value: HtmlValue): string {
  if (typeof value === 'string' || typeof value === 'number') {
    return escapeHtml(String(value));
  }
  if (value === null || value === undefined) {
    return '';
  }
  if (isHtml(value)) {
    return value[HTML_BRAND];
  }
  return value.map((item) => item[HTML_BRAND]).join('');
}

/** Template tag: literal parts are markup, interpolations are escaped text (or nested `html`). */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return { [HTML_BRAND]: out };
}

export const STYLESHEET_PATH = '/sandbox.css';

/** A whole document with the sandbox's header. */
export function page(title: string, body: Html): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Sandbox EHR</title>
        <link rel="stylesheet" href="${STYLESHEET_PATH}" />
      </head>
      <body>
        <header class="masthead">
          <span class="brand">Sandbox EHR</span><span class="tag">synthetic data only</span>
        </header>
        <main>${body}</main>
      </body>
    </html> `;
}

/** No scripts, no remote resources; styles only from our own stylesheet. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'";

export function htmlResponse(status: number, document: Html): SandboxResponse {
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
    body: document[HTML_BRAND],
  };
}

/** The markup inside `Html`, for tests and for the few places that need a string. */
export function htmlText(value: Html): string {
  return value[HTML_BRAND];
}
