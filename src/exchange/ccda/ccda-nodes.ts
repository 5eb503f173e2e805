/**
 * Reading a C-CDA document as @medplum/ccda's XML parser hands it over (`convertXmlToCcda`): elements are
 * objects, attributes `@_name`, text `#text`, and an element may be one object or a list. These helpers give
 * lists, attributes, words, ids and coded concepts whatever the shape.
 */
import type { Code, Concept } from '../../plan/treatment-plan.ts';
import { OID } from './ccda-codes.ts';

export type CdaNode = Readonly<Record<string, unknown>>;

const isNode = (value: unknown): value is CdaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The children of `node` named `name`, always as a list. */
export function children(node: CdaNode | undefined, name: string): CdaNode[] {
  const value = node?.[name];
  const items = Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value];
  return items.map((item) => (isNode(item) ? item : { '#text': String(item) }));
}

export const child = (node: CdaNode | undefined, name: string): CdaNode | undefined => children(node, name)[0];

/** Follows a path of element names, first child each time. */
export const at = (node: CdaNode | undefined, ...path: readonly string[]): CdaNode | undefined =>
  path.reduce<CdaNode | undefined>((current, name) => child(current, name), node);

export function attr(node: CdaNode | undefined, name: string): string | undefined {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** All the words in an element and its descendants, spaces tidied. */
export function words(value: unknown): string {
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string' || typeof v === 'number') parts.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (isNode(v)) for (const [key, inner] of Object.entries(v)) if (!key.startsWith('@_')) walk(inner);
  };
  walk(value);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

export const templateRoots = (node: CdaNode | undefined): string[] =>
  children(node, 'templateId').flatMap((t) => attr(t, 'root') ?? []);

export const hasTemplate = (node: CdaNode | undefined, template: { readonly root: string }): boolean =>
  templateRoots(node).includes(template.root);

export interface CdaId {
  readonly root: string;
  readonly extension?: string;
  readonly assigningAuthorityName?: string;
}

export function idsOf(node: CdaNode | undefined): CdaId[] {
  return children(node, 'id').flatMap((id) => {
    const root = attr(id, 'root');
    if (root === undefined) return [];
    const extension = attr(id, 'extension');
    const authority = attr(id, 'assigningAuthorityName');
    return [
      {
        root,
        ...(extension !== undefined ? { extension } : {}),
        ...(authority !== undefined ? { assigningAuthorityName: authority } : {}),
      },
    ];
  });
}

/** The business id of an entry: ours when it has one, else its first id as `root/extension`. */
export function entryId(node: CdaNode | undefined): string | undefined {
  const ids = idsOf(node);
  const own = ids.find((id) => id.root === OID.record)?.extension;
  if (own !== undefined) return own;
  const first = ids[0];
  return first === undefined
    ? undefined
    : first.extension === undefined
      ? first.root
      : `${first.root}/${first.extension}`;
}

/** A CD (code, translations, original text) as a concept; `systemOf` turns a code system OID into a FHIR system. */
export function conceptOf(node: CdaNode | undefined, systemOf: (oid: string) => string): Concept | undefined {
  if (node === undefined) return undefined;
  const codeOf = (cd: CdaNode): Code[] => {
    const code = attr(cd, 'code');
    const oid = attr(cd, 'codeSystem');
    if (code === undefined || oid === undefined) return [];
    const system = oid === OID.namedSystem ? (attr(cd, 'codeSystemName') ?? `urn:oid:${oid}`) : systemOf(oid);
    const display = attr(cd, 'displayName');
    return [{ system, code, ...(display !== undefined ? { display } : {}) }];
  };
  const codes = [...codeOf(node), ...children(node, 'translation').flatMap(codeOf)];
  const original = child(node, 'originalText');
  const reference = original === undefined ? undefined : attr(child(original, 'reference'), 'value');
  const text =
    (original === undefined ? '' : words({ ...original, reference: undefined })) ||
    attr(node, 'displayName') ||
    (typeof node['#text'] === 'string' ? node['#text'].trim() : '') ||
    codes[0]?.display ||
    '';
  if (text === '' && codes.length === 0) return reference === undefined ? undefined : { text: reference, codes: [] };
  return { text: text || codes[0]?.code || '', codes };
}
