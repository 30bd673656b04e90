import { foldCase, searchFolding, SPECIAL_CASING } from './collation.js';
import { searchText } from './query.js';
import type { Registration } from './types.js';

/**
 * The ledger's search texts: folded once per row as it comes in (foldCase), not once per keystroke. A language that
 * folds some character otherwise (Spanish keeps ñ, Japanese reads katakana as hiragana) has a text of its own for
 * the rows that hold one, made on its first search there.
 */
export class SearchTexts {
  readonly #generic = new WeakMap<Registration, string>();
  #nonAsciiRows: Registration[] = [];
  readonly #nonAsciiChars = new Set<string>();
  /** By locale: the rows it folds otherwise, with their text; undefined where it folds every row as foldCase. */
  readonly #local = new Map<string, WeakMap<Registration, string> | undefined>();

  add(row: Registration): void {
    this.#generic.set(row, searchText(row));
    const nonAscii = (row.company + row.contactName + row.country).replace(/[\0-\x7f]+/g, '');
    if (nonAscii !== '') {
      this.#nonAsciiRows.push(row);
      for (const char of nonAscii) this.#nonAsciiChars.add(char);
      this.#local.clear(); // made again, with this row, on each language's next search
    }
  }

  /** The folded search text of a row in `locale`; `rows` are the active ones, `isActive` says whether one is. */
  textIn(
    locale: string | undefined,
    rows: () => Iterable<Registration>,
    isActive: (row: Registration) => boolean,
  ): (row: Registration) => string {
    const generic = this.#generic;
    if (locale && !this.#local.has(locale)) this.#local.set(locale, this.#localTexts(locale, rows, isActive));
    const local = locale ? this.#local.get(locale) : undefined;
    return local ? (row) => local.get(row) ?? generic.get(row)! : (row) => generic.get(row)!;
  }

  /** The rows whose text `locale` folds otherwise than foldCase, with that text; undefined when there are none. */
  #localTexts(
    locale: string,
    rows: () => Iterable<Registration>,
    isActive: (row: Registration) => boolean,
  ): WeakMap<Registration, string> | undefined {
    const fold = searchFolding(locale);
    // Turkish and Azerbaijani fold ASCII otherwise too (I and ı): every row has a text of its own there.
    const everyRow = SPECIAL_CASING.test(locale);
    const special = [...this.#nonAsciiChars].filter((char) => fold(char) !== foldCase(char));
    if (special.length === 0 && !everyRow) return undefined;
    // Characters outside ASCII are never special in a regular expression's class.
    const holdsSpecial = new RegExp(`[${special.join('')}]`, 'u');
    this.#nonAsciiRows = this.#nonAsciiRows.filter(isActive);
    const texts = new WeakMap<Registration, string>();
    for (const row of everyRow ? rows() : this.#nonAsciiRows) {
      if (everyRow || holdsSpecial.test(row.company + row.contactName + row.country)) {
        texts.set(row, searchText(row, locale));
      }
    }
    return texts;
  }
}
