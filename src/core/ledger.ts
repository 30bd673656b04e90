import { checkWebsite, normalizeDomain } from './domain.js';
import { CapacityError } from './errors.js';
import { collatorFor, foldCase, searchFolding, sortsNatively } from './collation.js';
import { EXPIRY_WARNING_DAYS, isRegistrationPolicy, NO_EXPIRY_POLICY, renewalOf } from './lifecycle.js';
import { orderBy, pageOf, resolveQuery, searchText } from './query.js';
import type {
  Capacity,
  ContactQuery,
  ContactView,
  DeregisterResult,
  RegisterInput,
  Registration,
  RegistrationPolicy,
  RegistrationQuery,
  RenewRefusal,
  RenewRefusalReason,
  RenewResult,
  SortKey,
  SortOrder,
  Tier,
} from './types.js';
import { MAX_DEREGISTER_IDS, registrationFrom } from './records.js';

// Here too for the ledger's users (servers, tests); the entry takes them from records.js, without the ledger.
export { isRegistration, MAX_DEREGISTER_IDS } from './records.js';

const DAY_MS = 86_400_000;

/** Whether another partner holds `domain` (only a server knows). */
export type OtherPartnersDomains = (domain: string) => boolean;

export interface RegisterContext {
  /** The new registration's id. */
  id: string;
  /** When it happens; registeredAt is this as ISO 8601. Default: the ledger's clock. */
  now?: Date;
  isDomainUnavailable?: OtherPartnersDomains;
}

export interface LedgerOptions {
  /** How registrations live and end; default: no expiry, no renewal, no review. */
  policy?: RegistrationPolicy;
  /** What "now" is: every answer is as of it (a demo or a test moves it); default the system's. */
  clock?: () => Date;
}

/** An active registration with an expiry, and that expiry in milliseconds. */
interface Expiry {
  at: number;
  row: Registration;
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
  #policy: RegistrationPolicy;
  readonly #clock: () => Date;
  /**
   * The active registrations that expire, by expiry: those at its start lapse when the clock passes them, and the
   * count of those expiring soon is one binary search. Sorted on the next look after a restore.
   */
  #expiries: Expiry[] = [];
  #expiriesSorted = true;
  /** By contact: its last registration that lapsed, for the contact view ("Expired on …"). */
  readonly #lapsed = new Map<string, Registration>();

  constructor(
    tier: Tier,
    limit: number,
    registrations: Iterable<Registration> = [],
    { policy = NO_EXPIRY_POLICY, clock = () => new Date() }: LedgerOptions = {},
  ) {
    this.tier = tier;
    this.limit = limit;
    this.#policy = checkPolicy(policy);
    this.#clock = clock;
    this.restore(registrations);
  }

  get policy(): RegistrationPolicy {
    return this.#policy;
  }

  /** Changes the policy for what comes next (registrations, renewals); the expiries already set stand. */
  set policy(policy: RegistrationPolicy) {
    this.#policy = checkPolicy(policy);
  }

  /** The ledger's "now". */
  now(): Date {
    return this.#clock();
  }

  /**
   * Adds registrations read back from storage, as the constructor does, with no rule checked. Stored
   * data may hold duplicates (two tabs without Web Locks): the first row for an id, a contact or a
   * domain wins, so that every domain counts once against the capacity. Storage can hand them over in
   * batches, a call each, so that no one task does all the work.
   */
  restore(registrations: Iterable<Registration>): void {
    const now = this.#clock().getTime();
    for (const given of registrations) {
      // A record of 0.2 (from storage, or a server's seed) gets the lifecycle's defaults; one that is none is left out.
      const registration = registrationFrom(given);
      if (!registration) continue;
      if (registration.expiresAt !== null && Date.parse(registration.expiresAt) <= now) {
        this.#keepLapsed(registration);
      } else if (
        !this.#byId.has(registration.id) &&
        !this.#byContact.has(registration.contactId) &&
        !this.#byDomain.has(registration.domain)
      ) {
        this.#add(registration);
        if (registration.expiresAt !== null) {
          this.#expiries.push({ at: Date.parse(registration.expiresAt), row: registration });
          this.#expiriesSorted = false;
        }
      }
    }
    this.#views.clear();
  }

  /** How many registrations are active (lapsed ones have left). */
  get size(): number {
    this.#sweep();
    return this.#byId.size;
  }

  capacity(): Capacity {
    const now = this.#sweep();
    const soon = this.#expiringWithin(now + EXPIRY_WARNING_DAYS * DAY_MS);
    return {
      tier: this.tier,
      limit: this.limit,
      used: this.#byId.size,
      policy: { ...this.#policy },
      expiringSoon: soon,
    };
  }

  all(): IterableIterator<Registration> {
    this.#sweep();
    return this.#byId.values();
  }

  get(id: string): Registration | undefined {
    this.#sweep();
    return this.#byId.get(id);
  }

  byContact(contactId: string): Registration | undefined {
    this.#sweep();
    return this.#byContact.get(contactId);
  }

  byDomain(domain: string): Registration | undefined {
    this.#sweep();
    return this.#byDomain.get(domain);
  }

  /** The registrations that lapsed, the last of each contact: with `all()`, what a copy of this ledger restores. */
  lapsed(): IterableIterator<Registration> {
    this.#sweep();
    return this.#lapsed.values();
  }

  /** The contact's last registration that lapsed, while it has no active one. */
  lapsedOf(contactId: string): Registration | undefined {
    this.#sweep();
    return this.#byContact.has(contactId) ? undefined : this.#lapsed.get(contactId);
  }

  /**
   * What a contact's card shows, in one look-up by key (never a search): the contact's registration,
   * the domain of `query.website` and who holds it, and the capacity. Records are the ledger's own:
   * a caller that hands them out copies them.
   */
  contactView(query: ContactQuery, isDomainUnavailable?: OtherPartnersDomains): ContactView {
    const contactId = checkContactId(query.contactId);
    this.#sweep();
    const registration = this.#byContact.get(contactId) ?? null;
    const lapsed = registration ? null : (this.#lapsed.get(contactId) ?? null);
    const check = checkWebsite(typeof query.website === 'string' ? query.website : '');
    let domain: ContactView['domain'] = null;
    if (check.ok) {
      const name = check.domain;
      const holder = this.#byDomain.get(name);
      if (!holder) domain = { name, heldBy: isDomainUnavailable?.(name) ? 'other-partner' : 'nobody' };
      else if (holder.contactId === contactId) domain = { name, heldBy: 'this-contact' };
      else domain = { name, heldBy: 'other-contact', registration: holder };
    }
    return { contactId, registration, lapsed, domain, capacity: this.capacity() };
  }

  /** Checks `input` against every rule and returns the registration it would create, without adding it. */
  prepare(input: RegisterInput, context: RegisterContext): Registration {
    const contactId = checkContactId(input.contactId);
    const now = context.now ?? this.#clock();
    this.#sweep();
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
    if (this.#byId.size >= this.limit) throw new CapacityError('capacity-exceeded', { capacity: this.capacity() });

    return {
      id: context.id,
      domain,
      contactId,
      contactName: checkText(input.contactName, 'contactName'),
      company: checkText(input.company, 'company'),
      country: checkText(input.country, 'country'),
      registeredAt: now.toISOString(),
      status: this.#policy.review ? 'pending' : 'registered',
      expiresAt: expiryOf(this.#policy, now),
      renewals: 0,
    };
  }

  /** Registers `input` under every rule; rejects with the `CapacityError` of the first rule it breaks. */
  register(input: RegisterInput, context: RegisterContext): Registration {
    const registration = this.prepare(input, context);
    this.#add(registration);
    this.#lapsed.delete(registration.contactId); // registered anew: no longer "expired"
    this.#insertExpiries([registration]);
    this.#views.clear(); // made again when next asked for: the domain order, the default, from one native sort
    return registration;
  }

  /** Removes the registrations with `ids`; ids already gone are reported as `missing`, not as an error. */
  deregister(ids: readonly string[]): DeregisterResult {
    const unique = checkIds(ids, 'Deregister');
    this.#sweep();
    const removed: string[] = [];
    const missing: string[] = [];
    const gone = new Set<Registration>();
    for (const id of unique) {
      const registration = this.#byId.get(id);
      if (registration) {
        this.#remove(registration);
        gone.add(registration);
        removed.push(id);
      } else {
        missing.push(id);
      }
    }
    this.#dropRows(gone);
    return { removed, missing, capacity: this.capacity() };
  }

  /**
   * Renews the registrations with `ids` where the policy allows it now (renewalOf): each is extended from its
   * expiry by the policy's term. The others are refused, each with its reason, in the order given.
   */
  renew(ids: readonly string[]): RenewResult {
    const unique = checkIds(ids, 'Renew');
    const now = new Date(this.#sweep());
    const renewed: Registration[] = [];
    const refused: RenewRefusal[] = [];
    for (const id of unique) {
      const registration = this.#byId.get(id);
      const check = registration ? renewalOf(registration, this.#policy, now) : undefined;
      if (registration && check?.renewable) {
        renewed.push({ ...registration, expiresAt: check.expiresAt, renewals: registration.renewals + 1 });
      } else {
        const refusal = check && !check.renewable ? check : undefined;
        const reason = refusal?.reason ?? 'not-found';
        const domain = registration?.domain;
        const renewableFrom = refusal?.renewableFrom;
        refused.push({
          id,
          ...(domain !== undefined && { domain }),
          reason,
          message: refusalMessage(reason, domain, renewableFrom),
          ...(renewableFrom !== undefined && { renewableFrom }),
        });
      }
    }
    this.#replace(renewed);
    return { renewed, refused, capacity: this.capacity() };
  }

  /**
   * The vendor approves pending registrations (servers and the demo; not in the adapter): they become
   * `registered`. Returns those approved; other ids are left alone.
   */
  approve(ids: readonly string[]): Registration[] {
    this.#sweep();
    const approved: Registration[] = [];
    for (const id of new Set(ids)) {
      const registration = this.#byId.get(id);
      if (registration?.status === 'pending') approved.push({ ...registration, status: 'registered' });
    }
    this.#replace(approved);
    return approved;
  }

  /**
   * One page of registrations under the query semantics of docs/contract.md#queries; text is searched and
   * sorted as `locale`'s language does (docs/contract.md#queries).
   */
  query(
    query: RegistrationQuery,
    locale?: string,
  ): { items: Registration[]; total: number; page: number; pageSize: number } {
    const { search, filter, sort, order, page, pageSize } = resolveQuery(query);
    const now = this.#sweep();
    // A locale Intl cannot read (a malformed Accept-Language) searches and sorts as with none.
    const language = collatorFor(locale) ? locale : undefined;
    let rows = this.#view(sort, order, language);
    if (filter === 'pending') rows = rows.filter((row) => row.status === 'pending');
    else if (filter === 'expiring') {
      const end = this.#expiringWithin(now + EXPIRY_WARNING_DAYS * DAY_MS);
      const soon = new Set(this.#expiries.slice(0, end).map((expiry) => expiry.row));
      rows = rows.filter((row) => soon.has(row));
    }
    const folded = searchFolding(language)(search);
    const textOf = this.#searchTextIn(language);
    if (folded !== '') rows = rows.filter((row) => textOf(row).includes(folded));
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
    const language = sort === 'registeredAt' || sort === 'expiresAt' ? undefined : locale;
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

  /**
   * Lapses every registration whose expiry the clock has passed: it leaves the capacity, the lists and its domain,
   * and is kept as its contact's last lapsed one. Returns now, in milliseconds. Nothing to do costs one look.
   */
  #sweep(): number {
    const now = this.#clock().getTime();
    if (!this.#expiriesSorted) {
      this.#expiries.sort((a, b) => a.at - b.at);
      this.#expiriesSorted = true;
    }
    const expiries = this.#expiries;
    let count = 0;
    while (count < expiries.length && expiries[count].at <= now) count++;
    if (count > 0) {
      const gone = new Set<Registration>();
      for (const { row } of expiries.slice(0, count)) {
        this.#remove(row);
        this.#keepLapsed(row);
        gone.add(row);
      }
      this.#dropRows(gone);
    }
    return now;
  }

  /** How many active registrations expire by `end` (ms): the index of the first that expires later. */
  #expiringWithin(end: number): number {
    const expiries = this.#expiries;
    let low = 0;
    let high = expiries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (expiries[middle].at <= end) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Adds `rows`' expiries to the index, kept in order: those few sorted, then merged in one pass. */
  #insertExpiries(rows: readonly Registration[]): void {
    const added = rows
      .filter((row) => row.expiresAt !== null)
      .map((row) => ({ at: Date.parse(row.expiresAt!), row }))
      .sort((a, b) => a.at - b.at);
    if (added.length === 0) return;
    const old = this.#expiries;
    if (!this.#expiriesSorted || old.length === 0 || old[old.length - 1].at <= added[0].at) {
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
    this.#expiries = merged;
  }

  /** Takes `gone` (registrations removed from the maps) out of each order kept, one pass each, and of the index. */
  #dropRows(gone: ReadonlySet<Registration>): void {
    if (gone.size === 0) return;
    for (const [key, rows] of this.#views)
      this.#views.set(
        key,
        rows.filter((row) => !gone.has(row)),
      );
    this.#expiries = this.#expiries.filter((expiry) => !gone.has(expiry.row));
  }

  /** Puts `updated` records (renewed, approved) in the place of those with their ids. */
  #replace(updated: readonly Registration[]): void {
    if (updated.length === 0) return;
    const replaced = new Map<Registration, Registration>();
    let expiryMoved = false;
    for (const row of updated) {
      const old = this.#byId.get(row.id)!;
      this.#remove(old);
      this.#add(row);
      replaced.set(old, row);
      expiryMoved ||= old.expiresAt !== row.expiresAt;
    }
    for (const [key, rows] of this.#views) {
      // An order by expiry is made again when next asked for; the others keep their order.
      if (expiryMoved && key.startsWith('expiresAt:')) this.#views.delete(key);
      else
        this.#views.set(
          key,
          rows.map((row) => replaced.get(row) ?? row),
        );
    }
    this.#expiries = this.#expiries.filter((expiry) => !replaced.has(expiry.row));
    this.#insertExpiries(updated);
  }

  #remove(registration: Registration): void {
    this.#byId.delete(registration.id);
    this.#byContact.delete(registration.contactId);
    this.#byDomain.delete(registration.domain);
  }

  /** Keeps `registration` as its contact's last lapsed one, unless a later one lapsed. */
  #keepLapsed(registration: Registration): void {
    const kept = this.#lapsed.get(registration.contactId);
    if (!kept || kept.expiresAt! < registration.expiresAt!) this.#lapsed.set(registration.contactId, registration);
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

function checkPolicy(policy: unknown): RegistrationPolicy {
  if (!isRegistrationPolicy(policy)) throw new CapacityError('validation', { message: 'The policy is not valid.' });
  return { ...policy };
}

function checkIds(ids: unknown, verb: string): string[] {
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_DEREGISTER_IDS) {
    throw new CapacityError('validation', {
      message: `${verb} between 1 and ${MAX_DEREGISTER_IDS} registrations at a time.`,
    });
  }
  if (!ids.every((id): id is string => typeof id === 'string' && id !== '')) {
    throw new CapacityError('validation', { message: 'Every registration id must be non-empty text.' });
  }
  return [...new Set(ids)];
}

// The ledger's alone (not the elements'): in its chunk, not in the page's entry.

/** When a registration made at `now` under `policy` expires (ISO 8601), or null. */
function expiryOf(policy: RegistrationPolicy, now: Date): string | null {
  return policy.termDays === null ? null : new Date(now.getTime() + policy.termDays * DAY_MS).toISOString();
}

/** The English words of a refusal (a server's `message`; the elements show their own words for the reason). */
function refusalMessage(reason: RenewRefusalReason, domain?: string, renewableFrom?: string): string {
  const subject = domain ?? 'This registration';
  switch (reason) {
    case 'not-found':
      return `${subject} is no longer registered.`;
    case 'pending-review':
      return `${subject} is pending review and cannot be renewed yet.`;
    case 'no-expiry':
      return `${subject} does not expire.`;
    case 'not-yet-renewable':
      return `${subject} can be renewed from ${renewableFrom?.slice(0, 10) ?? 'later'}.`;
    case 'renewal-limit':
      return `${subject} has been renewed as often as the policy allows.`;
    case 'renewal-not-offered':
      return 'Renewal is not offered.';
  }
}
