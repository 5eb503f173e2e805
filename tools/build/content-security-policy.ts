/**
 * The Content-Security-Policy of the built pages (launch.html, index.html), added as a `<meta http-equiv>` by
 * `vite build` only: the dev server injects an inline React Refresh preamble that this policy would block.
 * - `script-src 'self' 'report-sample'`: no inline script, no `eval`, no script from anywhere else; a payload that
 *   reaches the DOM cannot run. `'report-sample'` only makes a violation report carry the refused code's first
 *   characters, so that a host collecting reports (and our hostile-content test) can tell what was refused.
 * - `connect-src 'self' http: https:`: the app talks to whatever FHIR server and authorization server it is
 *   launched against (and fetches the EHR's `smart_style_url`), which are not known when it is built.
 * - `style-src 'self'`: our own stylesheets. React style props and the SMART style's custom properties are set
 *   through the CSSOM (`element.style.setProperty`), which CSP does not restrict.
 * - `img-src 'self' data: blob:`: drawn signatures are shown as data: URLs, the signed plan's PDF as a blob.
 * - `form-action 'self'`: the launch page's server form is handled by script; nothing posts elsewhere.
 * `frame-ancestors` (which EHRs may frame the app) is ignored in a meta element: the host serving the app must
 * send it as an HTTP header.
 * @see https://www.w3.org/TR/CSP3/#meta-element
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'report-sample'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'connect-src': ["'self'", 'http:', 'https:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  'style-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'worker-src': ["'self'", 'blob:'],
};

export function policyText(policy: Readonly<Record<string, readonly string[]>> = CONTENT_SECURITY_POLICY): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** The meta element, right after the charset (or first in `<head>`), so that it governs every element after it. */
export function withPolicyMeta(html: string, policy: string = policyText()): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}" />`;
  const anchor = /<meta\s+charset[^>]*>/i.test(html) ? /<meta\s+charset[^>]*>/i : /<head[^>]*>/i;
  if (!anchor.test(html)) throw new Error('The page has no <head> to carry its Content-Security-Policy.');
  return html.replace(anchor, (before) => `${before}\n    ${meta}`);
}

/** Script elements with content of their own (inline scripts), which the policy would block; for the build check. */
export function inlineScripts(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = '', body = ''] = match;
    if (!/\bsrc\s*=/i.test(attributes) || body.trim() !== '') found.push(match[0]);
  }
  return found;
}
