import type { Registration } from './types.js';

/** An active registration with an expiry, and that expiry in milliseconds. */
interface Expiry {
  at: number;
  row: Registration;
}

/**
 * The active registrations that expire, by expiry (the ledger's): those at its start lapse when the clock passes
 * them, and the count of those expiring by a date is one binary search. Rows restored in bulk are sorted on the
 * next look, not one by one.
 */
export class ExpiryIndex {
  #entries: Expiry[] = [];
  #sorted = true;

  /** Adds a row restored from storage (sorted later, with the others). */
  restore(row: Registration): void {
    if (row.expiresAt === null) return;
    this.#entries.push({ at: Date.parse(row.expiresAt), row });
    this.#sorted = false;
  }

  /** Adds `rows`' expiries, kept in order: those few sorted, then merged in one pass. */
  insert(rows: readonly Registration[]): void {
    const added = rows
      .filter((row) => row.expiresAt !== null)
      .map((row) => ({ at: Date.parse(row.expiresAt!), row }))
      .sort((a, b) => a.at - b.at);
    if (added.length === 0) return;
    const old = this.#entries;
    if (!this.#sorted || old.length === 0 || old[old.length - 1].at <= added[0].at) {
      for (const expiry of added) old.push(expiry); // the usual case: later than every other
      return;
    }
    const merged: Expiry[] = [];
    let i = 0;
    for (const expiry of added) {
      while (i < old.length && old[i].at <= expiry.at) merged.push(old[i++]);
      merged.push(expiry);
    }
    while (i < old.length) merged.push(old[i++]);
    this.#entries = merged;
  }

  /** Takes `gone` rows out, in one pass. */
  drop(gone: ReadonlySet<Registration> | ReadonlyMap<Registration, unknown>): void {
    this.#entries = this.#entries.filter((expiry) => !gone.has(expiry.row));
  }

  /** The rows that expire by `end` (ms), soonest first. */
  rowsBy(end: number): Registration[] {
    return this.#entries.slice(0, this.countBy(end)).map((expiry) => expiry.row);
  }

  /** How many rows expire by `end` (ms): the index of the first that expires later. */
  countBy(end: number): number {
    this.#sort();
    const entries = this.#entries;
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (entries[middle].at <= end) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #sort(): void {
    if (this.#sorted) return;
    this.#entries.sort((a, b) => a.at - b.at);
    this.#sorted = true;
  }
}
