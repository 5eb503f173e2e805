/**
 * Turns a narrative from another system (XHTML from a server, so untrusted) into markup that is safe to show.
 * DOMPurify with a strict allow-list, narrower than FHIR's own narrative rules (txt-1):
 * - only text-level, list and table elements; no script, style, form, iframe, object, embed, svg, math or img
 *   (an image would call a third party with the reader's address; narratives rarely need one);
 * - no event handlers, no `style`, no `id`, `class` or `name` (which could clobber the page's own elements);
 * - links only to http(s) and mailto (never `javascript:` or `data:`), opened in a new tab with
 *   rel="noopener noreferrer" so that following one cannot touch the plan being edited.
 * The Content-Security-Policy of the page is the second wall: even a script that slipped through would not run.
 * @see https://hl7.org/fhir/R4/narrative.html#xhtml
 */
import DOMPurify, { type Config } from 'dompurify';

const ALLOWED_TAGS = [
  'a', 'abbr', 'acronym', 'b', 'big', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd',
  'del', 'dfn', 'div', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'ins', 'kbd', 'li', 'ol',
  'p', 'pre', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'tt', 'u', 'ul', 'var',
]; // prettier-ignore

/** Attributes whose values are words or numbers, never URLs. */
const PLAIN_ATTR = ['title', 'lang', 'dir', 'colspan', 'rowspan', 'scope', 'abbr', 'datetime'];
/** `href` is the only URL-bearing attribute kept, and only with the schemes of ALLOWED_URI_REGEXP. */
const ALLOWED_ATTR = ['href', ...PLAIN_ATTR];

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  // DOMPurify checks every kept attribute against this unless it is listed as URI-safe.
  ADD_URI_SAFE_ATTR: PLAIN_ATTR,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Drop the content of these too, not just the tags: their text is code or styling, not narrative.
  FORBID_CONTENTS: [
    'script',
    'style',
    'template',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'textarea',
    'select',
    'title',
  ],
  KEEP_CONTENT: true,
  SANITIZE_DOM: true,
  RETURN_TRUSTED_TYPE: false,
};

export interface SanitisedNarrative {
  /** Markup with only the allowed elements and attributes. */
  readonly html: string;
  /** True when something was taken out (an element or attribute outside the allow-list). */
  readonly altered: boolean;
}

type Purifier = ReturnType<typeof DOMPurify>;

let purifier: Purifier | undefined;

/** One DOMPurify instance of our own, so its link hook never affects another user of the library. */
function ownPurifier(): Purifier {
  if (purifier) return purifier;
  const created = DOMPurify(window);
  created.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    if (node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else {
      node.removeAttribute('target');
    }
  });
  purifier = created;
  return created;
}

export function sanitiseNarrative(div: string): SanitisedNarrative {
  const purify = ownPurifier();
  const html = purify.sanitize(div, CONFIG);
  // Links gain target and rel from the hook; those are ours, not removals.
  const altered = purify.removed.some((removed) => !isIncidental(removed));
  return { html, altered };
}

/**
 * Removals the reader would not miss: the XHTML namespace declaration every FHIR narrative carries, and the
 * document wrapper (`body`) DOMPurify parses the fragment into.
 */
function isIncidental(removed: unknown): boolean {
  if (typeof removed !== 'object' || removed === null) return false;
  if ('element' in removed) {
    const element = (removed as { element: Node | null }).element;
    return element?.nodeName === 'BODY' || element?.nodeName === 'HTML' || element?.nodeName === 'HEAD';
  }
  if ('attribute' in removed) {
    const attribute = (removed as { attribute: Attr | null }).attribute;
    return attribute?.name === 'xmlns';
  }
  return false;
}
