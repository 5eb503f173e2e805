/**
 * Searching the diagnosis list as the clinician types: case- and accent-insensitive, words in any order, ICD-10-CM
 * codes with or without the dot, and keywords ("drinking", "MDD"). The index is built once when the module loads,
 * so a keystroke costs one pass over a hundred small entries.
 */
import { DIAGNOSES, type CatalogDiagnosis } from './diagnoses/index.ts';

/** How well one query word matches an entry; lower is better. */
const TIER = { exactCode: 0, codePrefix: 1, wordStart: 2, substring: 3 } as const;
type MatchTier = (typeof TIER)[keyof typeof TIER];

interface IndexedDiagnosis {
  readonly entry: CatalogDiagnosis;
  readonly order: number;
  /** Codes as typed: `f33.1`, `f331`, and the SNOMED CT id. */
  readonly codes: readonly string[];
  readonly words: readonly string[];
  /** Every word and phrase joined, for substring matches. */
  readonly text: string;
}

/** Lower case, accents removed, punctuation other than the code dot turned into spaces. */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/(^|\s)\.+|\.+(\s|$)/g, ' ')
    .trim();
}

function indexed(entry: CatalogDiagnosis, order: number): IndexedDiagnosis {
  const icd = entry.icd10cm.toLowerCase();
  const phrases = [entry.condition.text, ...entry.condition.codes.map((c) => c.display ?? ''), ...entry.keywords];
  const text = normaliseForSearch(phrases.join(' '));
  return {
    entry,
    order,
    codes: [icd, icd.replace('.', ''), ...(entry.snomed === undefined ? [] : [entry.snomed])],
    words: text.split(' ').flatMap((word) => [word, ...word.split('.')].filter((w) => w !== '')),
    text,
  };
}

const INDEX: readonly IndexedDiagnosis[] = DIAGNOSES.map(indexed);

function tierOf(item: IndexedDiagnosis, term: string): MatchTier | undefined {
  if (item.codes.includes(term)) return TIER.exactCode;
  if (/^[a-z]\d/.test(term) && item.codes.some((code) => code.startsWith(term))) return TIER.codePrefix;
  if (item.words.some((word) => word.startsWith(term))) return TIER.wordStart;
  if (item.text.includes(term)) return TIER.substring;
  return undefined;
}

interface Hit {
  readonly item: IndexedDiagnosis;
  readonly worst: MatchTier;
  readonly total: number;
}

function byRank(a: Hit, b: Hit): number {
  if (a.worst !== b.worst) return a.worst - b.worst;
  if (a.total !== b.total) return a.total - b.total;
  // Code matches read best in code order (F41.0, F41.1, F41.9); word matches in the list's own order (common first).
  if (a.worst <= TIER.codePrefix) return a.item.entry.icd10cm.localeCompare(b.item.entry.icd10cm);
  return a.item.order - b.item.order;
}

/**
 * Diagnoses matching every word of the query, best first: an exact code, then a code prefix (`F41` before words),
 * then a word that starts with the query word, then one that contains it. An empty query finds nothing: the list is
 * for looking up, and the plan's own diagnoses are shown elsewhere.
 */
export function searchDiagnoses(query: string, limit = 20): CatalogDiagnosis[] {
  const terms = normaliseForSearch(query)
    .split(' ')
    .filter((term) => term !== '');
  if (terms.length === 0 || limit <= 0) return [];
  const hits: Hit[] = [];
  for (const item of INDEX) {
    let worst: MatchTier = TIER.exactCode;
    let total = 0;
    let matched = true;
    for (const term of terms) {
      const tier = tierOf(item, term);
      if (tier === undefined) {
        matched = false;
        break;
      }
      worst = Math.max(worst, tier) as MatchTier;
      total += tier;
    }
    if (matched) hits.push({ item, worst, total });
  }
  return hits
    .sort(byRank)
    .slice(0, limit)
    .map((hit) => hit.item.entry);
}
