import { checkWebsite, normalizeDomain } from './domain.js';
import { CapacityError } from './errors.js';
import { collatorFor, foldCase, searchFolding, sortsNatively } from './collation.js';
import { orderBy, pageOf, resolveQuery, searchText } from './query.js';
import type {
  Capacity,
  ContactQuery,
  ContactView,
  DeregisterResult,
  RegisterInput,
  Registration,
  RegistrationQuery,
  SortKey,
  SortOrder,
  Tier,
} from './types.js';
import { MAX_DEREGISTER_IDS } from './records.js';

// Here too for the ledger's users (servers, tests); the entry takes them from records.js, without the ledger.
export { isRegistration, MAX_DEREGISTER_IDS } from './records.js';

/** Whether another partner holds `domain` (only a server knows). */
export type OtherPartnersDomains = (domain: string) => boolean;

export interface RegisterContext {
  /** The new registration's id. */
  id: string;
  /** When it happens; registeredAt is this as ISO 8601. */
  now: Date;
  isDomainUnavailable?: OtherPartnersDomains;
}

/**
 * One partner's registrations and the rules over them (docs/contract.md#1-product and #4-the-backend-adapter), in
 * memory, with
 * no I/O. `LocalBackend` and the mock server both keep their data in one of these, so the rules
 * exist once.
 */
export class RegistrationLedger {
  readonly tier: Tier;
  readonly limit: number;
  readonly #byId = new Map<string, Registration>();
  readonly #byContact = new Map<string, Registration>();
  readonly #byDomain = new Map<string, Registration>();
  /**
   * The orders asked for so far: `domain:asc`, `company:desc:de`, … (a text order per locale), and
   * `base` (by domain), which the others are made from. Each is sorted once and kept, in order, through
   * deregistrations: sorting 100,000 rows per keystroke or per deregistration would freeze a page.
   */
  readonly #views = new Map<string, Registration[]>();
  // Folded once per row as it comes in (foldCase), not once per keystroke. A language that folds some
  // character otherwise (Spanish keeps ñ, Japanese reads katakana as hiragana) has a text of its own for
  // the rows that hold one, made on its first search there.
  readonly #searchTexts = new WeakMap<Registration, string>();
  #nonAsciiRows: Registration[] = [];
  readonly #nonAsciiChars = new Set<string>();
  /** By locale: the rows it folds otherwise, with their text; undefined where it folds every row as foldCase. */
  readonly #localSearchTexts = new Map<string, WeakMap<Registration, string> | undefined>();

  constructor(tier: Tier, limit: number, registrations: Iterable<Registration> = []) {
    this.tier = tier;
    this.limit = limit;
    this.restore(registrations);
  }

  /**
   * Adds registrations read back from storage, as the constructor does, with no rule checked. Stored
   * data may hold duplicates (two tabs without Web Locks): the first row for an id, a contact or a
   * domain wins, so that every domain counts once against the capacity. Storage can hand them over in
   * batches, a call each, so that no one task does all the work.
   */
  restore(registrations: Iterable<Registration>): void {
    for (const registration of registrations) {
      if (
        !this.#byId.has(registration.id) &&
        !this.#byContact.has(registration.contactId) &&
        !this.#byDomain.has(registration.domain)
      ) {
        this.#add(registration);
      }
    }
    this.#views.clear();
  }

  get size(): number {
    return this.#byId.size;
  }

  capacity(): Capacity {
    return { tier: this.tier, limit: this.limit, used: this.size };
  }

  all(): IterableIterator<Registration> {
    return this.#byId.values();
  }

  get(id: string): Registration | undefined {
    return this.#byId.get(id);
  }

  byContact(contactId: string): Registration | undefined {
    return this.#byContact.get(contactId);
  }

  byDomain(domain: string): Registration | undefined {
    return this.#byDomain.get(domain);
  }

  /**
   * What a contact's card shows, in one look-up by key (never a search): the contact's registration,
   * the domain of `query.website` and who holds it, and the capacity. Records are the ledger's own:
   * a caller that hands them out copies them.
   */
  contactView(query: ContactQuery, isDomainUnavailable?: OtherPartnersDomains): ContactView {
    const contactId = checkContactId(query.contactId);
    const registration = this.#byContact.get(contactId) ?? null;
    const check = checkWebsite(typeof query.website === 'string' ? query.website : '');
    let domain: ContactView['domain'] = null;
    if (check.ok) {
      const name = check.domain;
      const holder = this.#byDomain.get(name);
      if (!holder) domain = { name, heldBy: isDomainUnavailable?.(name) ? 'other-partner' : 'nobody' };
      else if (holder.contactId === contactId) domain = { name, heldBy: 'this-contact' };
      else domain = { name, heldBy: 'other-contact', registration: holder };
    }
    return { contactId, registration, domain, capacity: this.capacity() };
  }

  /** Checks `input` against every rule and returns the registration it would create, without adding it. */
  prepare(input: RegisterInput, context: RegisterContext): Registration {
    const contactId = checkContactId(input.contactId);
    const existing = this.#byContact.get(contactId);
    if (existing) throw new CapacityError('contact-already-registered', { registration: { ...existing } });

    const domain = normalizeDomain(typeof input.website === 'string' ? input.website : '');
    const holder = this.#byDomain.get(domain);
    if (holder) {
      throw new CapacityError('domain-already-registered', {
        registration: { ...holder },
        message: `${domain} is already registered in your capacity through ${holder.contactName || 'another contact'}.`,
      });
    }
    if (context.isDomainUnavailable?.(domain)) {
      throw new CapacityError('domain-unavailable', {
        message: `${domain} is registered by another partner and cannot be registered.`,
      });
    }
    if (this.size >= this.limit) throw new CapacityError('capacity-exceeded', { capacity: this.capacity() });

    return {
      id: context.id,
      domain,
      contactId,
      contactName: checkText(input.contactName, 'contactName'),
      company: checkText(input.company, 'company'),
      country: checkText(input.country, 'country'),
      registeredAt: context.now.toISOString(),
    };
  }

  /** Registers `input` under every rule; rejects with the `CapacityError` of the first rule it breaks. */
  register(input: RegisterInput, context: RegisterContext): Registration {
    const registration = this.prepare(input, context);
    this.#add(registration);
    this.#views.clear(); // made again when next asked for: the domain order, the default, from one native sort
    return registration;
  }

  /** Removes the registrations with `ids`; ids already gone are reported as `missing`, not as an error. */
  deregister(ids: readonly string[]): DeregisterResult {
    const unique = checkIds(ids);
    const removed: string[] = [];
    const missing: string[] = [];
    const gone = new Set<Registration>();
    for (const id of unique) {
      const registration = this.#byId.get(id);
      if (registration) {
        this.#byId.delete(id);
        this.#byContact.delete(registration.contactId);
        this.#byDomain.delete(registration.domain);
        gone.add(registration);
        removed.push(id);
      } else {
        missing.push(id);
      }
    }
    // One pass over each order kept, which stays in order.
    if (gone.size > 0)
      for (const [key, rows] of this.#views)
        this.#views.set(
          key,
          rows.filter((row) => !gone.has(row)),
        );
    return { removed, missing, capacity: this.capacity() };
  }

  /**
   * One page of registrations under the query semantics of docs/contract.md#queries; text is searched and
   * sorted as `locale`'s language does (docs/contract.md#queries).
   */
  query(
    query: RegistrationQuery,
    locale?: string,
  ): { items: Registration[]; total: number; page: number; pageSize: number } {
    const { search, sort, order, page, pageSize } = resolveQuery(query);
    // A locale Intl cannot read (a malformed Accept-Language) searches and sorts as with none.
    const language = collatorFor(locale) ? locale : undefined;
    const view = this.#view(sort, order, language);
    const folded = searchFolding(language)(search);
    const textOf = this.#searchTextIn(language);
    const rows = folded === '' ? view : view.filter((row) => textOf(row).includes(folded));
    return { items: pageOf(rows, page, pageSize), total: rows.length, page, pageSize };
  }

  /** The folded search text of a row in `locale`. */
  #searchTextIn(locale: string | undefined): (row: Registration) => string {
    const generic = this.#searchTexts;
    if (locale && !this.#localSearchTexts.has(locale)) this.#localSearchTexts.set(locale, this.#localTexts(locale));
    const local = locale ? this.#localSearchTexts.get(locale) : undefined;
    return local ? (row) => local.get(row) ?? generic.get(row)! : (row) => generic.get(row)!;
  }

  /** The rows whose text `locale` folds otherwise than foldCase, with that text; undefined when there are none. */
  #localTexts(locale: string): WeakMap<Registration, string> | undefined {
    const fold = searchFolding(locale);
    // Turkish and Azerbaijani fold ASCII otherwise too (I and ı): every row has a text of its own there.
    const everyRow = /^(tr|az)\b/i.test(locale);
    const special = [...this.#nonAsciiChars].filter((char) => fold(char) !== foldCase(char));
    if (special.length === 0 && !everyRow) return undefined;
    // Characters outside ASCII are never special in a regular expression's class.
    const holdsSpecial = new RegExp(`[${special.join('')}]`, 'u');
    this.#nonAsciiRows = this.#nonAsciiRows.filter((row) => this.#byId.get(row.id) === row);
    const texts = new WeakMap<Registration, string>();
    for (const row of everyRow ? this.#byId.values() : this.#nonAsciiRows) {
      if (everyRow || holdsSpecial.test(row.company + row.contactName + row.country)) {
        texts.set(row, searchText(row, locale));
      }
    }
    return texts;
  }

  #view(sort: SortKey, order: SortOrder, locale: string | undefined): Registration[] {
    // Dates sort the same in every language.
    const language = sort === 'registeredAt' ? undefined : locale;
    const key = language ? `${sort}:${order}:${language}` : `${sort}:${order}`;
    let view = this.#views.get(key);
    if (!view) {
      let base = this.#views.get('base');
      if (!base) {
        // Domains are unique here, so their text alone gives the domain-then-id order, sorted natively.
        base = [...this.#byDomain.keys()].sort().map((domain) => this.#byDomain.get(domain)!);
        this.#views.set('base', base);
      }
      // Both orders of a column at once: the second costs one more pass. Domains are stored folded
      // (lowercase, punycode: letters, digits, dots and hyphens), so that their order is the base's,
      // both ways, in any language that orders those as code units do.
      const [asc, desc] =
        sort === 'domain' &&
        base.every((row) => foldCase(row.domain) === row.domain) &&
        (!language || sortsNatively(collatorFor(language)!))
          ? [base.slice(), [...base].reverse()]
          : orderBy(base, sort, language);
      const suffix = language ? `:${language}` : '';
      this.#views.set(`${sort}:asc${suffix}`, asc).set(`${sort}:desc${suffix}`, desc);
      view = order === 'asc' ? asc : desc;
    }
    return view;
  }

  #add(registration: Registration): void {
    this.#byId.set(registration.id, registration);
    this.#byContact.set(registration.contactId, registration);
    this.#byDomain.set(registration.domain, registration);
    this.#searchTexts.set(registration, searchText(registration));
    const nonAscii = (registration.company + registration.contactName + registration.country).replace(
      /[\0-\x7f]+/g,
      '',
    );
    if (nonAscii !== '') {
      this.#nonAsciiRows.push(registration);
      for (const char of nonAscii) this.#nonAsciiChars.add(char);
      this.#localSearchTexts.clear(); // made again, with this row, on each language's next search
    }
  }
}

function checkText(value: unknown, field: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new CapacityError('validation', { message: `${field} must be text.` });
  return value.trim();
}

// A contact id is the host CRM's opaque key: kept exactly as given, so that lookups by it match.
function checkContactId(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CapacityError('validation', { message: 'contactId is required.' });
  }
  return value;
}

function checkIds(ids: unknown): string[] {
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_DEREGISTER_IDS) {
    throw new CapacityError('validation', {
      message: `Deregister between 1 and ${MAX_DEREGISTER_IDS} registrations at a time.`,
    });
  }
  if (!ids.every((id): id is string => typeof id === 'string' && id !== '')) {
    throw new CapacityError('validation', { message: 'Every registration id must be non-empty text.' });
  }
  return [...new Set(ids)];
}
