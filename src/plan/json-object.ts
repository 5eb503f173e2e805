/**
 * JSON objects as they come from a file or a server, before anything about them is trusted: what every reader
 * of foreign FHIR (mapping, exchange, conformance, fhir) tests a value with before it looks inside.
 */

/** A JSON object, its properties not yet checked. */
export type Json = Record<string, unknown>;

/** Whether `value` is a JSON object: not null, not an array. */
export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
