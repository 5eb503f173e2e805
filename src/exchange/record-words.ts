/** A record in a few words for the import report: a goal's description, a person's name, a plan's title. */
import type * as fhir from 'fhir/r4';
import { isObject, type Json } from '../plan/json-object.ts';

function conceptText(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.text === 'string') return value.text;
  const coding = Array.isArray(value.coding) ? (value.coding as unknown[]).find(isObject) : undefined;
  return typeof coding?.display === 'string'
    ? coding.display
    : typeof coding?.code === 'string'
      ? coding.code
      : undefined;
}

function personName(value: unknown): string | undefined {
  const name = Array.isArray(value) ? (value as unknown[]).find(isObject) : isObject(value) ? value : undefined;
  if (!name) return typeof value === 'string' ? value : undefined;
  if (typeof name.text === 'string') return name.text;
  const given = Array.isArray(name.given) ? (name.given as unknown[]).filter((g) => typeof g === 'string') : [];
  const words = [...given, typeof name.family === 'string' ? name.family : ''].join(' ').trim();
  return words === '' ? undefined : words;
}

export function recordDescription(resource: fhir.FhirResource): string {
  const r = resource as unknown as Json;
  const words =
    (typeof r.title === 'string' ? r.title : undefined) ??
    personName(r.name) ??
    conceptText(r.description) ??
    conceptText(r.code) ??
    conceptText(r.type) ??
    (typeof r.recorded === 'string' ? `recorded ${r.recorded}` : undefined);
  return words === undefined ? resource.resourceType : `${resource.resourceType}: ${words}`;
}
