/**
 * The EHR's look, from the `smart_style_url` of the token response, applied as CSS custom properties. Only the
 * keys the spec defines are read, and only values that are plainly a colour, a length or a font list are applied,
 * so a style document can never inject CSS.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/scopes-and-launch-context.html#styling
 */

type ValueKind = 'color' | 'length' | 'font';

/** SMART style key -> [custom property our stylesheet reads, kind of value]. */
const STYLE_KEYS: Readonly<Record<string, readonly [string, ValueKind]>> = {
  color_background: ['--color-background', 'color'],
  color_error: ['--color-error', 'color'],
  color_highlight: ['--color-highlight', 'color'],
  color_modal_backdrop: ['--color-modal-backdrop', 'color'],
  color_success: ['--color-success', 'color'],
  color_text: ['--color-text', 'color'],
  dim_border_radius: ['--radius', 'length'],
  dim_font_size: ['--font-size', 'length'],
  dim_spacing_size: ['--spacing', 'length'],
  font_family_body: ['--font-body', 'font'],
  font_family_heading: ['--font-heading', 'font'],
};

const HEX_COLOR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNCTION_COLOR = /^(?:rgba?|hsla?)\(\s*[\d.]+(?:deg|%)?(?:\s*[,/\s]\s*[\d.]+%?){2,3}\s*\)$/i;
const NAMED_COLOR = /^[a-z]{3,20}$/i;
const LENGTH = /^(?:0|\d{1,3}(?:\.\d{1,3})?(?:px|em|rem|pt|%))$/;
const FONT_LIST = /^[A-Za-z0-9 ,'"-]{1,200}$/;

export interface StyleProperties {
  /** Custom property -> value, ready to apply. */
  readonly properties: Readonly<Record<string, string>>;
  /** Known keys whose values were refused, e.g. `color_text`. */
  readonly rejected: readonly string[];
  /** Keys the spec does not define; not applied. */
  readonly ignored: readonly string[];
}

export function styleProperties(json: unknown): StyleProperties {
  const properties: Record<string, string> = {};
  const rejected: string[] = [];
  const ignored: string[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { properties, rejected, ignored };
  }
  for (const [key, value] of Object.entries(json)) {
    const known = Object.hasOwn(STYLE_KEYS, key) ? STYLE_KEYS[key] : undefined;
    if (known === undefined) {
      ignored.push(key);
      continue;
    }
    const [property, kind] = known;
    if (typeof value === 'string' && isValid(value.trim(), kind)) {
      properties[property] = value.trim();
    } else {
      rejected.push(key);
    }
  }
  return { properties, rejected, ignored };
}

function isValid(value: string, kind: ValueKind): boolean {
  switch (kind) {
    case 'color':
      return HEX_COLOR.test(value) || FUNCTION_COLOR.test(value) || NAMED_COLOR.test(value);
    case 'length':
      return LENGTH.test(value);
    case 'font':
      return FONT_LIST.test(value) && evenCount(value, '"') && evenCount(value, "'");
  }
}

function evenCount(text: string, quote: string): boolean {
  return text.split(quote).length % 2 === 1;
}

/** Sets each property on an element's style (normally `document.documentElement.style`). */
export function applyStyleProperties(
  style: Pick<CSSStyleDeclaration, 'setProperty'>,
  properties: Readonly<Record<string, string>>
): void {
  for (const [property, value] of Object.entries(properties)) {
    style.setProperty(property, value);
  }
}

/** Fetches and checks a style document. Throws when it cannot be fetched; the caller decides what that means. */
export async function loadStyleProperties(url: string, fetchImpl: typeof fetch = fetch): Promise<StyleProperties> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`smart_style_url is not an http(s) URL: ${url}`);
  }
  const response = await fetchImpl(parsed.href, { credentials: 'omit' });
  if (!response.ok) {
    throw new Error(`GET ${parsed.href} failed: ${response.status} ${response.statusText}`);
  }
  return styleProperties(await response.json());
}
