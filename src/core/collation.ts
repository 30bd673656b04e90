// Search and sort in the partner's language (docs/contract.md#queries): two texts are the same where
// the locale's collation holds them equal at base strength (Intl.Collator, sensitivity "base": case and,
// where the language treats them so, accents aside), and texts sort in the locale's order. Without a
// locale (or with one Intl cannot read), foldCase and code-unit order, as before.

const NON_ASCII = /[^\0-\x7f]/;

/**
 * Text as search and sort compare it without a locale: lowercase, without diacritics, so that "émile"
 * finds "Émile" and "Élan" sorts beside "Elan" rather than after "Zoë".
 */
export function foldCase(value: string): string {
  // ASCII, most text, has nothing to decompose: lowercasing it is all, and several times cheaper.
  return (NON_ASCII.test(value) ? value.normalize('NFD').replace(/\p{M}/gu, '') : value).toLowerCase();
}

const collators = new Map<string, Intl.Collator | undefined>();

/** The base-strength collator of `locale`; undefined without one, or for a tag Intl cannot read. */
export function collatorFor(locale: string | undefined): Intl.Collator | undefined {
  if (!locale) return undefined;
  if (!collators.has(locale)) {
    let collator: Intl.Collator | undefined;
    try {
      collator = new Intl.Collator(locale, { sensitivity: 'base' });
    } catch {
      collator = undefined; // a malformed Accept-Language, say: the order without a locale
    }
    collators.set(locale, collator);
  }
  return collators.get(locale);
}

// Turkish and Azerbaijani pair I with ı and İ with i: their ASCII text does not lowercase as elsewhere.
export const SPECIAL_CASING = /^(tr|az)\b/i;
const foldings = new Map<string, (value: string) => string>();

/**
 * How search folds text in `locale`: each character to what the locale's collation holds equal to it at
 * base strength, lowercase and without the diacritics it ignores ("Müller" finds "muller" in German, but
 * "peña" is not "pena" in Spanish); Japanese katakana and half-width forms as hiragana. foldCase without a locale.
 */
export function searchFolding(locale: string | undefined): (value: string) => string {
  const collator = collatorFor(locale);
  if (!collator || !locale) return foldCase;
  let fold = foldings.get(locale);
  if (!fold) {
    const chars = new Map<string, string>();
    const foldChar = (char: string): string => {
      let to = chars.get(char);
      if (to === undefined) {
        const lower = char.toLocaleLowerCase(locale);
        const base = lower
          .normalize('NFKD')
          .replace(/\p{M}/gu, '')
          .replace(/[\u30a1-\u30f6]/g, (katakana) => String.fromCharCode(katakana.charCodeAt(0) - 0x60));
        // A lone combining mark folds to nothing where the collation ignores it, as foldCase drops it.
        to = base !== lower && collator.compare(char, base) === 0 ? base : lower;
        chars.set(char, to);
      }
      return to;
    };
    // ASCII is lowercased natively (most of any text); only the other characters go one by one.
    fold = SPECIAL_CASING.test(locale)
      ? (value) => value.replace(/./gsu, foldChar)
      : (value) =>
          NON_ASCII.test(value) ? value.toLowerCase().replace(/[^\0-\x7f]/gu, foldChar) : value.toLowerCase();
    foldings.set(locale, fold);
  }
  return fold;
}

// Lowercase ASCII letters, digits, spaces, dots and hyphens: most domains, names and countries. Where a
// locale orders these as code units do (no digraphs such as Danish aa or Czech ch), they sort natively,
// and only the other texts need the collator (sorting 100,000 texts with it takes some 200 ms).
const SIMPLE = /^[a-z0-9 .-]*$/;
const PROBE = ['', ' ', '-', '.', '0', '9', 'a', 'aa', 'ab', 'b', 'c', 'ch', 'ci', 'cs', 'd', 'dz', 'dzs', 'e'].concat(
  ['g', 'gy', 'h', 'i', 'ij', 'j', 'l', 'll', 'lm', 'ly', 'n', 'ny', 'o', 's', 'sz', 't', 'ty', 'y', 'z', 'zs', 'a b'],
  ['a-b', 'a.b'],
);
const nativeOrders = new WeakMap<Intl.Collator, boolean>();

/** Whether `collator` orders lowercase ASCII letters, digits, spaces, dots and hyphens as code units do. */
export function sortsNatively(collator: Intl.Collator): boolean {
  let native = nativeOrders.get(collator);
  if (native === undefined) {
    const sorted = [...PROBE].sort(collator.compare);
    native = [...PROBE].sort().every((text, index) => text === sorted[index]);
    nativeOrders.set(collator, native);
  }
  return native;
}

/**
 * The distinct `texts` in `collator`'s order, those it holds equal (base strength: "Acme" and "ACME")
 * together in one run.
 */
export function collate(texts: Iterable<string>, collator: Intl.Collator, locale: string): string[][] {
  const simple = new Map<string, string[]>();
  const others: string[] = [];
  const native = sortsNatively(collator);
  const lowercase = SPECIAL_CASING.test(locale)
    ? (text: string) => text.toLocaleLowerCase(locale)
    : (text: string) => text.toLowerCase();
  for (const text of texts) {
    const lower = lowercase(text);
    if (native && SIMPLE.test(lower)) {
      const run = simple.get(lower);
      if (run) run.push(text);
      else simple.set(lower, [text]);
    } else others.push(text);
  }
  const runs = [...simple.keys()].sort().map((key) => simple.get(key)!);
  if (others.length === 0) return runs;
  others.sort(collator.compare);
  // Each other text goes where a binary search with the collator puts it among the simple ones: into a
  // run it equals, else into a run of its own (or of the other text before it, if equal).
  const merged: string[][] = [];
  let next = 0;
  let previous: string[] | undefined;
  for (const text of others) {
    let low = next;
    let high = runs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (collator.compare(runs[middle][0], text) < 0) low = middle + 1;
      else high = middle;
    }
    while (next < low) merged.push(runs[next++]);
    if (low < runs.length && collator.compare(runs[low][0], text) === 0) runs[low].push(text);
    else if (previous && merged.at(-1) === previous && collator.compare(previous[0], text) === 0) previous.push(text);
    else merged.push((previous = [text]));
  }
  while (next < runs.length) merged.push(runs[next++]);
  return merged;
}
