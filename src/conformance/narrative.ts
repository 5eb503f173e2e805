/**
 * Hand-coded txt-1 and txt-2 (Narrative.div), whose FHIRPath is `htmlChecks()`, a function that
 * `@medplum/core` evaluates as always true. https://hl7.org/fhir/R4/narrative.html#xhtml:
 * - the narrative is one XHTML `div` in the XHTML namespace, well-formed XML (only XML's five named
 *   entities; `&nbsp;` is not XML);
 * - txt-1: only the basic formatting elements and attributes of HTML 4.0 chapters 7-11 (not 9.4, ins/del)
 *   and 15, `<a>` (name or href), images and style attributes: no head, body, scripts, forms, frames,
 *   objects, event attributes (`onclick`), `target`, or deprecated elements;
 * - txt-2: some non-whitespace content.
 */
const ALLOWED_ELEMENTS = new Set(
  [
    'div span h1 h2 h3 h4 h5 h6 address bdo p br pre blockquote q',
    'em strong dfn code samp kbd var cite abbr acronym sub sup tt i b big small hr',
    'ul ol li dl dt dd table caption thead tfoot tbody colgroup col tr th td a img',
  ]
    .join(' ')
    .split(' ')
);

const COMMON_ATTRIBUTES = ['id', 'class', 'style', 'title', 'lang', 'xml:lang', 'dir'];
const CELL_ATTRIBUTES = [
  'abbr',
  'axis',
  'headers',
  'scope',
  'rowspan',
  'colspan',
  'align',
  'valign',
  'char',
  'charoff',
];
const ELEMENT_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['name', 'href'],
  img: ['src', 'alt', 'width', 'height', 'longdesc'],
  table: ['summary', 'width', 'border', 'frame', 'rules', 'cellspacing', 'cellpadding'],
  col: ['span', 'width', 'align', 'valign', 'char', 'charoff'],
  colgroup: ['span', 'width', 'align', 'valign', 'char', 'charoff'],
  thead: ['align', 'valign', 'char', 'charoff'],
  tbody: ['align', 'valign', 'char', 'charoff'],
  tfoot: ['align', 'valign', 'char', 'charoff'],
  tr: ['align', 'valign', 'char', 'charoff'],
  th: CELL_ATTRIBUTES,
  td: CELL_ATTRIBUTES,
  blockquote: ['cite'],
  q: ['cite'],
};

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const NAME = /^[A-Za-z_][\w.:-]*/;
const ATTRIBUTE = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/y;

const UNDEFINED_ENTITY = 'Narrative uses an entity that XML does not define (write the character itself)';

function hasUndefinedEntity(text: string): boolean {
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', amp + 1)) {
    ENTITY.lastIndex = amp;
    if (!ENTITY.test(text)) return true;
  }
  return false;
}

export interface NarrativeProblem {
  /** txt-1 (content not allowed or not well-formed) or txt-2 (no content). */
  rule: 'txt-1' | 'txt-2';
  message: string;
}

/** Problems with a Narrative.div (empty when it conforms); stops at the first structural problem. */
export function checkNarrativeDiv(div: string): NarrativeProblem[] {
  const fail = (message: string): NarrativeProblem[] => [{ rule: 'txt-1', message }];
  const open: string[] = [];
  let hasContent = false;
  let seenRoot = false;
  let i = 0;
  while (i < div.length) {
    const lt = div.indexOf('<', i);
    const text = div.slice(i, lt === -1 ? div.length : lt);
    if (text.trim() !== '') {
      if (open.length === 0) return fail('Narrative has text outside its div');
      if (hasUndefinedEntity(text)) return fail(UNDEFINED_ENTITY);
      hasContent = true;
    }
    if (lt === -1) break;
    if (div.startsWith('<!--', lt)) {
      const end = div.indexOf('-->', lt + 4);
      if (end === -1) return fail('Narrative has an unterminated comment');
      i = end + 3;
      continue;
    }
    if (div.startsWith('<!', lt) || div.startsWith('<?', lt)) {
      return fail('Narrative may not hold declarations, CDATA sections or processing instructions');
    }
    if (div.startsWith('</', lt)) {
      const name = NAME.exec(div.slice(lt + 2))?.[0];
      const end = div.indexOf('>', lt);
      if (name === undefined || end === -1 || div.slice(lt + 2 + name.length, end).trim() !== '') {
        return fail('Narrative is not well-formed XML');
      }
      if (open.pop() !== name) return fail(`Narrative closes <${name}> where it is not open`);
      i = end + 1;
      continue;
    }
    const name = NAME.exec(div.slice(lt + 1))?.[0];
    if (name === undefined) return fail('Narrative is not well-formed XML (a stray "<"; write &lt;)');
    if (seenRoot && open.length === 0) return fail('Narrative must be a single div element');
    if (!seenRoot && name !== 'div') return fail('Narrative must be a div element');
    if (!ALLOWED_ELEMENTS.has(name)) return fail(`Narrative may not contain <${name}>`);
    let rest = div.slice(lt + 1 + name.length);
    let consumed = lt + 1 + name.length;
    const attributes = new Map<string, string>();
    for (let match = ATTRIBUTE.exec(rest); match; match = ATTRIBUTE.exec(rest)) {
      const [whole, attribute = '', doubleQuoted, singleQuoted] = match;
      if (attributes.has(attribute)) return fail(`Narrative repeats the attribute ${attribute} on <${name}>`);
      attributes.set(attribute, doubleQuoted ?? singleQuoted ?? '');
      rest = rest.slice(whole.length);
      consumed += whole.length;
    }
    const close = /^\s*(\/?)>/.exec(rest);
    if (!close) return fail(`Narrative is not well-formed XML at <${name}>`);
    if ([...attributes.values()].some(hasUndefinedEntity)) return fail(UNDEFINED_ENTITY);
    const problem = attributeProblem(name, attributes, !seenRoot);
    if (problem) return fail(problem);
    if (name === 'img') hasContent = true;
    seenRoot = true;
    if (close[1] !== '/') open.push(name);
    i = consumed + close[0].length;
  }
  if (!seenRoot) return fail('Narrative must be a div element');
  if (open.length > 0) return fail(`Narrative leaves <${open.at(-1) ?? ''}> open`);
  return hasContent ? [] : [{ rule: 'txt-2', message: 'Narrative has no content other than whitespace' }];
}

function attributeProblem(element: string, attributes: Map<string, string>, isRoot: boolean): string | undefined {
  const namespace = attributes.get('xmlns');
  if (isRoot && namespace !== XHTML_NAMESPACE) return `Narrative div must declare xmlns="${XHTML_NAMESPACE}"`;
  for (const [attribute, value] of attributes) {
    if (attribute === 'xmlns') {
      if (value !== XHTML_NAMESPACE) return `Narrative may only use the XHTML namespace`;
      continue;
    }
    if (!COMMON_ATTRIBUTES.includes(attribute) && !(ELEMENT_ATTRIBUTES[element] ?? []).includes(attribute)) {
      return `Narrative may not use the attribute ${attribute} on <${element}>`;
    }
    if ((attribute === 'href' || attribute === 'src') && /^\s*(javascript|vbscript|data:text\/html)/i.test(value)) {
      return `Narrative may not link to active content (${attribute} on <${element}>)`;
    }
  }
  return undefined;
}
