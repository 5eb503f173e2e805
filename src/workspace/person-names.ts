/**
 * How people in FHIR records are named in the plan and on screen: the name to show, the identifiers worth showing
 * with their type (so an MRN reads as one), and a practitioner's credentials. Pure functions over FHIR resources,
 * shared by the workspace (a new plan names its client and provider) and the UI (banner, signed-in user).
 */
import type * as fhir from 'fhir/r4';

const ABBREVIATION = /^[A-Z][A-Za-z.-]{1,11}$/;
const IDENTIFIER_TYPES = 'http://terminology.hl7.org/CodeSystem/v2-0203';

/** Short labels for the v2-0203 identifier types a clinician is likely to see. */
const IDENTIFIER_LABELS: Readonly<Record<string, string>> = {
  MR: 'MRN',
  MB: 'Member number',
  PI: 'Patient id',
  SS: 'SSN',
  DL: "Driver's licence",
  PPN: 'Passport',
};

/** The official (else usual, else first) name as "Given Family", falling back to its text. */
export function displayName(names: readonly fhir.HumanName[] | undefined): string | undefined {
  const name = pickName(names);
  if (!name) {
    return undefined;
  }
  const parts = [...(name.prefix ?? []), ...(name.given ?? []), name.family].filter(isText);
  return parts.length > 0 ? parts.join(' ') : name.text?.trim() || undefined;
}

function pickName(names: readonly fhir.HumanName[] | undefined): fhir.HumanName | undefined {
  const current = (names ?? []).filter((name) => name.use !== 'old' && name.period?.end === undefined);
  return (
    current.find((n) => n.use === 'official') ?? current.find((n) => n.use === 'usual') ?? current[0] ?? names?.[0]
  );
}

export interface IdentifierDisplay {
  readonly label: string;
  readonly value: string;
}

/**
 * Identifiers worth showing, medical record number first: each with a label from its type (text, display, or the
 * v2-0203 code), so a clinician can tell an MRN from a member number.
 */
export function identifiersToShow(identifiers: readonly fhir.Identifier[] | undefined, limit = 2): IdentifierDisplay[] {
  const usable = (identifiers ?? []).filter(
    (identifier) => isText(identifier.value) && identifier.use !== 'old' && identifier.period?.end === undefined
  );
  const isMrn = (identifier: fhir.Identifier): boolean =>
    identifier.type?.coding?.some((coding) => coding.system === IDENTIFIER_TYPES && coding.code === 'MR') ?? false;
  const ordered = [...usable.filter(isMrn), ...usable.filter((identifier) => !isMrn(identifier))];
  return ordered.slice(0, limit).map((identifier) => ({
    label: identifierLabel(identifier),
    value: identifier.value ?? '',
  }));
}

function identifierLabel(identifier: fhir.Identifier): string {
  const v2 = identifier.type?.coding?.find((coding) => coding.system === IDENTIFIER_TYPES && isText(coding.code));
  if (v2?.code !== undefined && IDENTIFIER_LABELS[v2.code] !== undefined) {
    return IDENTIFIER_LABELS[v2.code] ?? v2.code;
  }
  const text = identifier.type?.text ?? identifier.type?.coding?.find((coding) => isText(coding.display))?.display;
  return text?.trim() || v2?.code || 'Identifier';
}

/** Credentials after a practitioner's name: name suffixes (e.g. LCSW) then qualification codes, without repeats. */
export function credentials(practitioner: Pick<fhir.Practitioner, 'name' | 'qualification'>): string[] {
  const name = pickName(practitioner.name);
  const fromQualifications = (practitioner.qualification ?? []).map(({ code }) => {
    // An abbreviation such as MSW or LCSW reads best; taxonomy codes (1041C0700X) do not, so use their text.
    const short = code.coding?.map((coding) => coding.code).find((c) => c !== undefined && ABBREVIATION.test(c));
    return short ?? code.text ?? code.coding?.find((coding) => isText(coding.display))?.display;
  });
  const seen = new Set<string>();
  const out: string[] = [];
  for (const credential of [...(name?.suffix ?? []), ...fromQualifications]) {
    const text = credential?.trim();
    if (text && !seen.has(text.toUpperCase())) {
      seen.add(text.toUpperCase());
      out.push(text);
    }
  }
  return out;
}

function isText(value: string | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
