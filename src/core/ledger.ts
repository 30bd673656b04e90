import { normalizeDomain } from './domain.js';
import { CapacityError } from './errors.js';
import { foldCase, pageOf, resolveQuery, searchText, sortRegistrations } from './query.js';
import type {
  Capacity,
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

export interface RegisterContext {
  /** The new registration's id. */
  id: string;
  /** When it happens; registeredAt is this as ISO 8601. */
  now: Date;
  /** Whether another partner holds `domain` (only a server knows). */
  isDomainUnavailable?: (domain: string) => boolean;
}

/**
 * One partner's registrations and the rules over them (contract sections 1 and 4), in memory, with
 * no I/O. `LocalBackend` and the mock server both keep their data in one of these, so the rules
 * exist once.
 */
export class RegistrationLedger {
  readonly tier: Tier;
  readonly limit: number;
  readonly #byId = new Map<string, Registration>();
  readonly #byContact = new Map<string, Registration>();
  readonly #byDomain = new Map<string, Registration>();
  // Sorted views, rebuilt lazily after a change: sorting 100,000 rows per keystroke would freeze a page.
  readonly #sorted = new Map<string, Registration[]>();
  // Folded once per row, not once per keystroke.
  readonly #searchTexts = new WeakMap<Registration, string>();

  constructor(tier: Tier, limit: number, registrations: Iterable<Registration> = []) {
    this.tier = tier;
    this.limit = limit;
    // Stored data may hold duplicates (two tabs without Web Locks): the first row for a contact or a
    // domain wins, so that every domain counts once against the capacity.
    for (const registration of registrations) {
      if (!this.#byId.has(registration.id) && !this.#byContact.has(registration.contactId) && !this.#byDomain.has(registration.domain)) {
        this.#add(registration);
      }
    }
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
    return registration;
  }

  /** Removes the registrations with `ids`; ids already gone are reported as `missing`, not as an error. */
  deregister(ids: readonly string[]): DeregisterResult {
    const unique = checkIds(ids);
    const removed: string[] = [];
    const missing: string[] = [];
    for (const id of unique) {
      const registration = this.#byId.get(id);
      if (registration) {
        this.#remove(registration);
        removed.push(id);
      } else {
        missing.push(id);
      }
    }
    return { removed, missing, capacity: this.capacity() };
  }

  /** One page of registrations under the query semantics of contract section 4. */
  query(query: RegistrationQuery): { items: Registration[]; total: number; page: number; pageSize: number } {
    const { search, sort, order, page, pageSize } = resolveQuery(query);
    const sorted = this.#sortedBy(sort, order);
    const folded = foldCase(search);
    const rows = folded === '' ? sorted : sorted.filter((registration) => this.#searchText(registration).includes(folded));
    return { items: pageOf(rows, page, pageSize), total: rows.length, page, pageSize };
  }

  #sortedBy(sort: SortKey, order: SortOrder): Registration[] {
    const key = `${sort}:${order}`;
    let sorted = this.#sorted.get(key);
    if (!sorted) {
      sorted = sortRegistrations([...this.#byId.values()], sort, order);
      this.#sorted.set(key, sorted);
    }
    return sorted;
  }

  #searchText(registration: Registration): string {
    let text = this.#searchTexts.get(registration);
    if (text === undefined) {
      text = searchText(registration);
      this.#searchTexts.set(registration, text);
    }
    return text;
  }

  #add(registration: Registration): void {
    this.#byId.set(registration.id, registration);
    this.#byContact.set(registration.contactId, registration);
    this.#byDomain.set(registration.domain, registration);
    this.#sorted.clear();
  }

  #remove(registration: Registration): void {
    this.#byId.delete(registration.id);
    this.#byContact.delete(registration.contactId);
    this.#byDomain.delete(registration.domain);
    this.#sorted.clear();
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
