/**
 * `parseImportInput`: the text of a file or a paste, checked before anything else looks at it: size (before
 * parsing), JSON (errors with line and column), and that it is FHIR an import can take: a document,
 * transaction, collection, searchset or batch Bundle, one resource, an array of resources, or NDJSON (one
 * resource per line, https://hl7.org/fhir/R4/nd-json.html). Message Bundles are refused: they ask the receiver
 * to act on an event (https://hl7.org/fhir/R4/messaging.html), which an import does not do.
 */

import { isObject, type Json } from '../plan/json-object.ts';
import { jsonErrorOffset } from './json-error-offset.ts';

/** The largest input an import reads: 50 MB (the sandbox's request limit too). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportInputErrorCode = 'too-large' | 'empty' | 'invalid-json' | 'not-fhir' | 'wrong-bundle-type';

export class ImportInputError extends Error {
  override readonly name = 'ImportInputError';
  readonly code: ImportInputErrorCode;
  /** Where in the text the problem is (JSON errors), 1-based. */
  readonly line?: number;
  readonly column?: number;

  constructor(code: ImportInputErrorCode, message: string, where?: { readonly line: number; readonly column: number }) {
    super(message);
    this.code = code;
    if (where) {
      this.line = where.line;
      this.column = where.column;
    }
  }
}

export type InputShape = 'document' | 'transaction' | 'collection' | 'searchset' | 'batch' | 'resource' | 'resources';

export interface ParsedInput {
  /** The parsed JSON as given (NDJSON becomes an array of its resources). */
  readonly json: unknown;
  readonly shape: InputShape;
  /** Resources in it (Bundle entries with a resource, array items, or 1). */
  readonly resourceCount: number;
  /** Size of the text in bytes (UTF-8). */
  readonly bytes: number;
}

const BUNDLE_TYPES: ReadonlySet<string> = new Set(['document', 'transaction', 'collection', 'searchset', 'batch']);

/** Why a Bundle of another type cannot be imported. */
const REFUSED: Readonly<Record<string, string>> = {
  message:
    'This is a FHIR message Bundle: it asks the receiving system to act on an event, which an import does not do. ' +
    'Send the records as a document, transaction or collection Bundle instead.',
  history:
    'This is a history Bundle: it lists versions of records, not one set of records. Export the records as a ' +
    'collection or transaction Bundle instead.',
  'transaction-response': 'This is the answer a server gave to a transaction, not records to import.',
  'batch-response': 'This is the answer a server gave to a batch, not records to import.',
};

/**
 * The size of a text in UTF-8 bytes, as a file of it takes. With `limit`, a text with more UTF-16 units than that is
 * not encoded: every unit is at least one byte of UTF-8, so it is too large whatever its exact size.
 */
export function utf8Length(text: string, limit = Infinity): number {
  return text.length > limit ? text.length : new TextEncoder().encode(text).length;
}

/**
 * Whether a text is XML (a C-CDA document) rather than FHIR JSON: its first character that is not blank (after a
 * byte-order mark) is `<`. Here, not in ./ccda/, so telling the two apart does not load the C-CDA code.
 */
export function looksLikeXml(text: string): boolean {
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<');
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The error for a text JSON.parse refused, located (line and column) wherever the place can be found. */
export function jsonError(text: string, error: unknown, lineOffset = 0): ImportInputError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  // Where the engine does not say (V8 on an unexpected token or an early end; Safari never), the scan finds it.
  const offset = position !== undefined ? Number(position) : lineColumn === null ? jsonErrorOffset(text) : undefined;
  const at =
    offset !== undefined
      ? lineAndColumn(text, offset)
      : lineColumn === null
        ? undefined
        : { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const located = at === undefined ? undefined : { line: at.line + lineOffset, column: at.column };
  const place = located === undefined ? '' : ` at line ${String(located.line)}, column ${String(located.column)}`;
  const detail = message.replace(/^(JSON\.parse: |SyntaxError: )/, '').replace(/( in JSON)? at position \d+.*$/, '');
  return new ImportInputError('invalid-json', `The file is not valid JSON${place}: ${detail}.`, located);
}

/** NDJSON: one resource per non-empty line; undefined when the text does not look like it. */
function parseNdjson(text: string): unknown[] | undefined {
  const lines = text.split(/\r?\n/);
  const filled = lines.filter((l) => l.trim() !== '');
  if (filled.length < 2 || !filled.every((l) => l.trimStart().startsWith('{'))) return undefined;
  const first = filled[0] ?? '';
  try {
    JSON.parse(first);
  } catch {
    return undefined; // a pretty-printed JSON document that is broken, not NDJSON
  }
  return lines.flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch (error) {
      throw jsonError(line, error, i);
    }
  });
}

function resourceTypeOf(value: unknown, where: string): string {
  if (!isObject(value)) {
    throw new ImportInputError('not-fhir', `${where} is not a FHIR resource: it is not a JSON object.`);
  }
  const type = value.resourceType;
  if (typeof type !== 'string' || !/^[A-Z][A-Za-z]+$/.test(type)) {
    throw new ImportInputError('not-fhir', `${where} is not a FHIR resource: it has no resourceType.`);
  }
  return type;
}

/** The same checks for JSON already parsed (e.g. a C-CDA document converted to a Bundle). */
export function importInputFromJson(json: unknown, bytes = 0): ParsedInput {
  if (Array.isArray(json)) {
    if (json.length === 0)
      throw new ImportInputError('empty', 'The file holds an empty list: there is nothing to import.');
    json.forEach((item, i) => resourceTypeOf(item, `Item ${String(i + 1)} of the list`));
    return { json, shape: 'resources', resourceCount: json.length, bytes };
  }
  const type = resourceTypeOf(json, 'The file');
  if (type !== 'Bundle') return { json, shape: 'resource', resourceCount: 1, bytes };
  const bundle = json as Json;
  const bundleType = typeof bundle.type === 'string' ? bundle.type : '';
  if (!BUNDLE_TYPES.has(bundleType)) {
    throw new ImportInputError(
      'wrong-bundle-type',
      REFUSED[bundleType] ??
        `A Bundle of type "${bundleType || 'none'}" cannot be imported: use a document, transaction, collection, ` +
          'searchset or batch Bundle.'
    );
  }
  const entries = Array.isArray(bundle.entry) ? (bundle.entry as unknown[]) : [];
  const resources = entries.filter((e) => isObject(e) && isObject(e.resource));
  if (resources.length === 0) {
    throw new ImportInputError('empty', `The ${bundleType} Bundle holds no resources: there is nothing to import.`);
  }
  return { json, shape: bundleType as InputShape, resourceCount: resources.length, bytes };
}

/** Parses and checks the text of an import; throws ImportInputError with a sentence a user can act on. */
export function parseImportInput(text: string, options: { readonly maxBytes?: number } = {}): ParsedInput {
  const limit = options.maxBytes ?? MAX_IMPORT_BYTES;
  const bytes = utf8Length(text, limit);
  if (bytes > limit) {
    throw new ImportInputError(
      'too-large',
      `The file is ${megabytes(bytes)}; an import takes at most ${megabytes(limit)}. Split it into smaller files.`
    );
  }
  const trimmed = text.replace(/^\uFEFF/, '');
  if (trimmed.trim() === '') throw new ImportInputError('empty', 'The file is empty: there is nothing to import.');
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (error) {
    const lines = parseNdjson(trimmed);
    if (lines === undefined) throw jsonError(trimmed, error);
    json = lines;
  }
  return importInputFromJson(json, bytes);
}
