/**
 * XML for the C-CDA writer (elements built as text, every value escaped) and a well-formedness check for what an
 * import receives, so a broken file gets an error with its line and column instead of a half-read document.
 */
import { escapeXhtml } from '../../mapping/narrative.ts';

/** An element: name, attributes (undefined ones left out) and children (text is escaped). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
  readonly children: readonly XmlNode[];
}
export type XmlNode = XmlElement | string;

const isList = (node: XmlNode | readonly XmlNode[]): node is readonly XmlNode[] => Array.isArray(node);

export function el(
  name: string,
  attributes: Readonly<Record<string, string | undefined>> = {},
  ...children: readonly (XmlNode | readonly XmlNode[] | undefined | false)[]
): XmlElement {
  const flat = children.flatMap((c): readonly XmlNode[] => (c === undefined || c === false ? [] : isList(c) ? c : [c]));
  return { name, attributes, children: flat };
}

/** The element as indented XML text. */
export function xmlText(node: XmlNode, indent = ''): string {
  if (typeof node === 'string') return `${indent}${escapeXhtml(node)}`;
  const attributes = Object.entries(node.attributes)
    .flatMap(([key, value]) => (value === undefined ? [] : [` ${key}="${escapeXhtml(value)}"`]))
    .join('');
  if (node.children.length === 0) return `${indent}<${node.name}${attributes}/>`;
  const texts = node.children.filter((c) => typeof c === 'string');
  if (texts.length === node.children.length) {
    return `${indent}<${node.name}${attributes}>${texts.map(escapeXhtml).join('')}</${node.name}>`;
  }
  const inner = node.children.map((c) => xmlText(c, `${indent}  `)).join('\n');
  return `${indent}<${node.name}${attributes}>\n${inner}\n${indent}</${node.name}>`;
}

export interface XmlProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

const NAME = /^[A-Za-z_][\w.:-]*$/;
const ATTRIBUTES = /^(\s+[A-Za-z_][\w.:-]*\s*=\s*("[^"<]*"|'[^'<]*'))*\s*$/;

/**
 * The first well-formedness error of an XML text (https://www.w3.org/TR/xml/#sec-well-formed): unclosed or
 * mismatched tags, broken attributes, markup that does not end, text after the root element. Undefined when
 * the text is well-formed as far as these checks see; with it, the name of the root element.
 */
export function xmlWellFormedness(text: string): { readonly problem?: XmlProblem; readonly root?: string } {
  const open: { name: string; at: number }[] = [];
  let root: string | undefined;
  let closedRoot = false;
  const fail = (message: string, at: number): { problem: XmlProblem } => ({
    problem: { message, ...position(text, at) },
  });
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt === -1 ? text.length : lt);
    if (chunk.trim() !== '' && (open.length === 0 || closedRoot)) {
      return fail(root === undefined ? 'text before the root element' : 'text after the root element', i);
    }
    const amp = /&(?![A-Za-z_][\w.-]*;|#\d+;|#x[0-9A-Fa-f]+;)/.exec(chunk);
    if (amp) return fail('an "&" that starts no entity (write &amp;)', i + amp.index);
    if (lt === -1) break;
    const ends = (marker: string, what: string): number | { problem: XmlProblem } => {
      const end = text.indexOf(marker, lt);
      return end === -1 ? fail(`${what} that never ends`, lt) : end + marker.length;
    };
    let next: number | { problem: XmlProblem };
    if (text.startsWith('<!--', lt)) next = ends('-->', 'a comment');
    else if (text.startsWith('<![CDATA[', lt)) next = ends(']]>', 'a CDATA section');
    else if (text.startsWith('<?', lt)) next = ends('?>', 'a processing instruction');
    else if (text.startsWith('<!', lt)) next = ends('>', 'a declaration');
    else {
      const gt = text.indexOf('>', lt);
      if (gt === -1) return fail('a tag that never ends', lt);
      const tag = text.slice(lt + 1, gt);
      if (tag.includes('<')) return fail('a tag that never ends', lt);
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        const top = open.pop();
        if (top === undefined) return fail(`</${name}> closes no element`, lt);
        if (top.name !== name) {
          return fail(
            `</${name}> where </${top.name}> was expected (opened at line ${String(position(text, top.at).line)})`,
            lt
          );
        }
        if (open.length === 0) closedRoot = true;
      } else {
        const selfClosing = tag.endsWith('/');
        const body = selfClosing ? tag.slice(0, -1) : tag;
        const name = /^[^\s/]+/.exec(body)?.[0] ?? '';
        if (!NAME.test(name)) return fail(`"<${name}" is not a valid element name`, lt);
        if (!ATTRIBUTES.test(body.slice(name.length)))
          return fail(`the attributes of <${name}> are not well-formed`, lt);
        if (closedRoot) return fail(`a second root element <${name}>`, lt);
        root ??= name;
        if (selfClosing) {
          if (open.length === 0) closedRoot = true;
        } else open.push({ name, at: lt });
      }
      next = gt + 1;
    }
    if (typeof next !== 'number') return next;
    i = next;
  }
  const unclosed = open.at(-1);
  if (unclosed) return fail(`<${unclosed.name}> is never closed`, unclosed.at);
  if (root === undefined) return fail('no element at all', 0);
  return { root };
}
