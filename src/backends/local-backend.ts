import { CapacityError } from '../core/errors.js';
import { isRegistrationPolicy } from '../core/lifecycle.js';
import { registrationFrom } from '../core/records.js';
import { isTier, limitForTier } from '../core/tiers.js';
import type {
  CallOptions,
  Capacity,
  CapacityBackend,
  ContactQuery,
  ContactView,
  DeregisterResult,
  RegisterInput,
  RegisterResult,
  Registration,
  RegistrationPage,
  RegistrationPolicy,
  RegistrationQuery,
  RenewResult,
  Tier,
} from '../core/types.js';
import type { IndexedDbStore } from './indexeddb-store.js';

export interface LocalBackendOptions {
  /** The partner's tier; defaults to `untiered`. */
  tier?: Tier;
  /** Per-tier limit overrides, for custom contracts (e.g. `{ diamond: 100000 }`). */
  limits?: Partial<Record<Tier, number>>;
  /** The IndexedDB database name, also the name of the cross-tab channel and lock. */
  name?: string;
  /** How registrations live and end (expiry, renewal, review); default: no expiry, no renewal, no review. */
  policy?: RegistrationPolicy;
  /** What "now" is for expiry and renewal (a demo moves it forward); default the system's clock. */
  clock?: () => Date;
}

/**
 * The embedded backend: one partner's registrations in IndexedDB, under the same rules as a server.
 * Each registration is stored under its own key, so a change writes only what it touches. Mutations
 * are serialised within the tab and, with Web Locks, across tabs; other tabs hear of changes through
 * a `BroadcastChannel`. Where IndexedDB cannot open (private browsing in some browsers) it keeps the
 * data in memory for the life of the page.
 *
 * This class is the part every page loads: options, subscribers and the channel. The storage and the
 * rules (`IndexedDbStore`, with idb-keyval and `RegistrationLedger`) are a chunk of their own, loaded
 * on the first call, so that a page using another backend never downloads them.
 */
export class LocalBackend implements CapacityBackend {
  readonly tier: Tier;
  readonly limit: number;
  readonly name: string;
  readonly policy: RegistrationPolicy | undefined;
  readonly #clock: (() => Date) | undefined;

  /** The implementation, once its module has loaded; until then there is no data that could be stale. */
  #store: IndexedDbStore | undefined;
  #loading: Promise<IndexedDbStore> | undefined;
  #channel: BroadcastChannel | undefined;
  readonly #listeners = new Set<() => void>();

  constructor(options: LocalBackendOptions = {}) {
    const { tier = 'untiered', limits, name = 'lead-registration-widget', policy, clock } = options;
    const limit = isTier(tier) ? limitForTier(tier, limits) : NaN;
    if (!Number.isInteger(limit) || limit < 0) {
      throw new CapacityError('validation', { message: `No valid capacity limit is known for the tier “${tier}”.` });
    }
    if (policy !== undefined && !isRegistrationPolicy(policy)) {
      throw new CapacityError('validation', { message: 'The registration policy is not valid.' });
    }
    if (clock !== undefined && typeof clock !== 'function') {
      throw new CapacityError('validation', { message: 'The clock must be a function that returns a Date.' });
    }
    this.tier = tier;
    this.limit = limit;
    this.name = name;
    this.policy = policy && { ...policy };
    this.#clock = clock;
  }

  /**
   * Opens the channel to other tabs with the first call or subscription, not in the constructor: until then there is
   * nothing to keep up to date, and a server that renders the page (where Node has a BroadcastChannel) opens nothing.
   */
  #listen(): void {
    if (this.#channel !== undefined || typeof BroadcastChannel !== 'function') return;
    this.#channel = new BroadcastChannel(this.name);
    // Listen from then on, not only while subscribed: a change elsewhere makes our copy stale either way.
    this.#channel.onmessage = () => {
      // In memory there is nothing shared to reload (and nothing loaded yet, nothing stale).
      if (this.#store && !this.#store.changedElsewhere()) return;
      this.#notify();
    };
  }

  /** Where the data lives: `indexeddb`, or `memory` when IndexedDB could not open. Resolves after the first load. */
  storage(): Promise<'indexeddb' | 'memory'> {
    return this.#call(undefined, (store) => store.storage());
  }

  getCapacity(options?: CallOptions): Promise<Capacity> {
    return this.#call(options, (store) => store.getCapacity(options));
  }

  getContactView(query: ContactQuery, options?: CallOptions): Promise<ContactView> {
    const snapshot = { ...query };
    return this.#call(options, (store) => store.getContactView(snapshot, options));
  }

  listRegistrations(query: RegistrationQuery, options?: CallOptions): Promise<RegistrationPage> {
    return this.#call(options, (store) => store.listRegistrations(query, options));
  }

  register(input: RegisterInput, options?: CallOptions): Promise<RegisterResult> {
    // A snapshot now, so that the caller editing `input` before the store has loaded changes nothing.
    const snapshot = { ...input };
    return this.#call(options, (store) => store.register(snapshot, options));
  }

  deregister(ids: string[], options?: CallOptions): Promise<DeregisterResult> {
    return this.#call(options, (store) => store.deregister(ids, options));
  }

  renew(ids: string[], options?: CallOptions): Promise<RenewResult> {
    return this.#call(options, (store) => store.renew(ids, options));
  }

  /**
   * The vendor's review, which is outside the widget: approves pending registrations (for a demo or a test).
   * Notifies subscribers in this and other tabs; returns those approved.
   */
  async approve(ids: readonly string[]): Promise<Registration[]> {
    const approved = await this.#call(undefined, (store) => store.approve([...ids]));
    if (approved.length > 0) this.#notify();
    return approved;
  }

  subscribe(onChange: () => void): () => void {
    // A distinct function per subscription, so that subscribing the same callback twice unsubscribes independently.
    const listener = (): void => onChange();
    this.#listen();
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Replaces every registration (demo seeding, resets). Notifies subscribers in this and other tabs. */
  async replaceAll(registrations: readonly Registration[]): Promise<void> {
    // Copies; a 0.2 record is given the lifecycle's defaults.
    const rows: Registration[] = [];
    for (const registration of Array.isArray(registrations) ? registrations : [undefined]) {
      const row = registrationFrom(registration);
      if (!row)
        throw new CapacityError('validation', { message: 'Every registration must have the shape of a Registration.' });
      rows.push({ ...row });
    }
    await this.#call(undefined, (store) => store.replaceAll(rows));
    // Other tabs hear of it through the channel; this tab's elements, which did not ask for it, from here.
    this.#notify();
  }

  /** Closes the BroadcastChannel (and the database connection); the instance must not be used afterwards. */
  dispose(): void {
    this.#channel?.close();
    this.#channel = undefined;
    this.#listeners.clear();
    // Queued after the calls already made, which may still be waiting for the store's module and will
    // open the database. With no call made, nothing was loaded and nothing is open.
    void this.#loading?.then(
      (store) => store.dispose(),
      () => {},
    );
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (error) {
        reportError(error); // one failing listener must not keep the others uninformed
      }
    }
  }

  /**
   * Runs `run` on the store once loaded. Every call waits on the same promise, so calls reach the store
   * in the order they were made, as its mutation queue expects.
   */
  #call<T>(options: CallOptions | undefined, run: (store: IndexedDbStore) => Promise<T>): Promise<T> {
    this.#listen();
    this.#loading ??= this.#load();
    return this.#loading.then(run, (error: unknown) => {
      throw options?.signal?.aborted ? new CapacityError('aborted') : error;
    });
  }

  async #load(): Promise<IndexedDbStore> {
    try {
      const { IndexedDbStore } = await import('./indexeddb-store.js');
      const rules = { ...(this.policy && { policy: this.policy }), ...(this.#clock && { clock: this.#clock }) };
      const store = new IndexedDbStore(
        this.tier,
        this.limit,
        this.name,
        (version) => this.#channel?.postMessage(version),
        rules,
      );
      this.#store = store;
      return store;
    } catch (error) {
      this.#loading = undefined; // a chunk that failed to download is fetched again by the next call
      throw new CapacityError('network', {
        message: 'The local registration store could not be loaded.',
        cause: error,
      });
    }
  }
}
