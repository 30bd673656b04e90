import { checkWebsite, normalizeDomain } from './domain.js';
import { CapacityError } from './errors.js';
import { collatorFor, searchFolding } from './collation.js';
import { ExpiryIndex } from './expiry-index.js';
import { checkContactId, checkIds, checkPolicy, checkText, expiryOf, renewals } from './ledger-checks.js';
import { sortedView } from './ledger-views.js';
import { DAY_MS, EXPIRY_WARNING_DAYS, NO_EXPIRY_POLICY } from './lifecycle.js';
import { pageOf, resolveQuery } from './query.js';
import { SearchTexts } from './search-texts.js';
import type {
  Capacity,
  ContactQuery,
  ContactView,
  DeregisterResult,
  RegisterInput,
  Registration,
  RegistrationPolicy,
  RegistrationQuery,
  RenewResult,
  Tier,
} from './types.js';
import { registrationFrom } from './records.js';

// Here too for the ledger's users (servers, tests); the entry takes them from records.js, without the ledger.
export { isRegistration, MAX_DEREGISTER_IDS } from './records.js';

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

/**
 * One partner's registrations and the rules over them (docs/contract.md#1-product and #4-the-backend-adapter), in
 * memory, with no I/O. `LocalBackend` and the mock server both keep their data in one of these, so the rules
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
  readonly #searchTexts = new SearchTexts();
  #policy: RegistrationPolicy;
  readonly #clock: () => Date;
  /** The active registrations that expire, by expiry: those at its start lapse when the clock passes them. */
  readonly #expiries = new ExpiryIndex();
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
        this.#expiries.restore(registration);
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
    const soon = this.#expiries.countBy(now + EXPIRY_WARNING_DAYS * DAY_MS);
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
    this.#expiries.insert([registration]);
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
    const { renewed, refused } = renewals(unique, (id) => this.#byId.get(id), this.#policy, now);
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
    let rows = sortedView(this.#views, this.#byDomain, sort, order, language);
    if (filter === 'pending') rows = rows.filter((row) => row.status === 'pending');
    else if (filter === 'expiring') {
      const soon = new Set(this.#expiries.rowsBy(now + EXPIRY_WARNING_DAYS * DAY_MS));
      rows = rows.filter((row) => soon.has(row));
    }
    const folded = searchFolding(language)(search);
    if (folded !== '') {
      // A language's own texts are made on its first search, not on a list without one.
      const textOf = this.#searchTexts.textIn(
        language,
        () => this.#byId.values(),
        (row) => this.#byId.get(row.id) === row,
      );
      rows = rows.filter((row) => textOf(row).includes(folded));
    }
    return { items: pageOf(rows, page, pageSize), total: rows.length, page, pageSize };
  }

  /**
   * Lapses every registration whose expiry the clock has passed: it leaves the capacity, the lists and its domain,
   * and is kept as its contact's last lapsed one. Returns now, in milliseconds. Nothing to do costs one look.
   */
  #sweep(): number {
    const now = this.#clock().getTime();
    const lapsing = this.#expiries.rowsBy(now);
    if (lapsing.length > 0) {
      for (const row of lapsing) {
        this.#remove(row);
        this.#keepLapsed(row);
      }
      this.#dropRows(new Set(lapsing));
    }
    return now;
  }

  /** Takes `gone` (registrations removed from the maps) out of each order kept, one pass each, and of the index. */
  #dropRows(gone: ReadonlySet<Registration>): void {
    if (gone.size === 0) return;
    for (const [key, rows] of this.#views)
      this.#views.set(
        key,
        rows.filter((row) => !gone.has(row)),
      );
    this.#expiries.drop(gone);
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
    this.#expiries.drop(replaced);
    this.#expiries.insert(updated);
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
    this.#searchTexts.add(registration);
  }
}
