import { createStore, get, promisifyRequest, type UseStore } from 'idb-keyval';
import { CapacityError } from '../core/errors.js';
import { RegistrationLedger, type LedgerOptions } from '../core/ledger.js';
import { registrationFrom } from '../core/records.js';
import { randomUuid } from '../core/uuid.js';
import type {
  CallOptions,
  Capacity,
  ContactQuery,
  ContactView,
  DeregisterResult,
  RegisterInput,
  RegisterResult,
  Registration,
  RegistrationPage,
  RegistrationQuery,
  RenewResult,
  Tier,
} from '../core/types.js';

/** Key of the version token. A number, so it can never clash with a registration id (always text). */
const VERSION_KEY = 0;

/**
 * Registrations read or written per step. Each step is a task of its own (its answer from IndexedDB
 * is an event), so 100,000 load or are stored without one long task freezing the page; reading or
 * writing them all at once takes seconds of the main thread.
 */
const BATCH = 2500;

interface State {
  ledger: RegistrationLedger;
  /** The token last written with the data this ledger holds; another one in storage means another tab wrote. */
  version: unknown;
}

interface Change {
  put?: readonly Registration[];
  remove?: readonly string[];
  clear?: boolean;
}

const copy = (registration: Registration): Registration => ({ ...registration });

/** Any failure as a `CapacityError`; the ledger's errors point at its own records, so hand out copies. */
function failure(error: unknown): CapacityError {
  const e = CapacityError.from(error);
  if (!e.registration) return e;
  return new CapacityError(e.code, { message: e.message, registration: copy(e.registration), capacity: e.capacity });
}

/**
 * `LocalBackend`'s implementation, loaded on its first call (src/backends/local-backend.ts keeps the
 * public API, the subscribers and the cross-tab channel): one partner's registrations in IndexedDB
 * (idb-keyval), under the same rules as a server (`RegistrationLedger`). Each registration is stored
 * under its own key, so a change writes only what it touches. Mutations are serialised within the
 * tab and, with Web Locks, across tabs; `announce` tells other tabs of each change. Where IndexedDB
 * cannot open (private browsing in some browsers) it keeps the data in memory for the life of the page.
 */
export class IndexedDbStore {
  readonly tier: Tier;
  readonly limit: number;
  /** The IndexedDB database name, also the name of the Web Lock. */
  readonly name: string;
  /** Sends the version token of a committed change to other tabs. */
  readonly #announce: (version: string) => void;
  /** The policy and the clock of every ledger it makes. */
  readonly #rules: LedgerOptions;

  /** Undefined once IndexedDB has failed to open: the data then lives in memory only. */
  #store: UseStore | undefined;
  #opened = false;
  /** The loaded data; dropped when another tab changes it, reloaded on the next call. */
  #state: Promise<State> | undefined;
  /** Mutations of this instance, one after the other. */
  #queue: Promise<unknown> = Promise.resolve();

  /** `tier`, `limit` and `rules` are checked by the caller. */
  constructor(tier: Tier, limit: number, name: string, announce: (version: string) => void, rules: LedgerOptions = {}) {
    this.tier = tier;
    this.limit = limit;
    this.name = name;
    this.#announce = announce;
    this.#rules = rules;
    this.#store = createStore(name, 'registrations');
  }

  /**
   * Another tab changed the data: drops this copy, so that the next call reloads it. False when the data
   * lives in memory, where there is nothing shared to reload.
   */
  changedElsewhere(): boolean {
    if (!this.#store) return false;
    this.#state = undefined;
    return true;
  }

  /** Where the data lives: `indexeddb`, or `memory` when IndexedDB could not open. Resolves after the first load. */
  async storage(): Promise<'indexeddb' | 'memory'> {
    await this.#ready();
    return this.#store ? 'indexeddb' : 'memory';
  }

  getCapacity(options?: CallOptions): Promise<Capacity> {
    return this.#read(options, (ledger) => ledger.capacity());
  }

  getContactView(query: ContactQuery, options?: CallOptions): Promise<ContactView> {
    return this.#read(options, (ledger) => {
      const view = ledger.contactView(query);
      const { registration, domain } = view;
      return {
        ...view,
        registration: registration && copy(registration),
        domain: domain?.registration ? { ...domain, registration: copy(domain.registration) } : domain,
      };
    });
  }

  listRegistrations(query: RegistrationQuery, options?: CallOptions): Promise<RegistrationPage> {
    return this.#read(options, (ledger) => {
      const page = ledger.query(query, options?.locale);
      return { ...page, items: page.items.map(copy), capacity: ledger.capacity() };
    });
  }

  register(input: RegisterInput, options?: CallOptions): Promise<RegisterResult> {
    // A snapshot, so that the stored record and the ledger's cannot differ if the caller edits `input` meanwhile.
    const snapshot = { ...input };
    return this.#mutate(options, async (state) => {
      const context = { id: randomUuid(), now: state.ledger.now() };
      // Check every rule first, add to the ledger only once stored: readers never see an unsaved row.
      const registration = state.ledger.prepare(snapshot, context);
      await this.#commit(state, { put: [registration] });
      state.ledger.register(snapshot, context);
      return { registration, capacity: state.ledger.capacity() };
    });
  }

  deregister(ids: string[], options?: CallOptions): Promise<DeregisterResult> {
    return this.#mutate(options, async (state) => {
      const result = state.ledger.deregister(ids);
      if (result.removed.length > 0) await this.#commit(state, { remove: result.removed });
      return result;
    });
  }

  renew(ids: string[], options?: CallOptions): Promise<RenewResult> {
    return this.#mutate(options, async (state) => {
      // Applied, then stored: a failed write drops this copy of the data (#commit), as with a deregistration.
      const result = state.ledger.renew(ids);
      if (result.renewed.length > 0) await this.#commit(state, { put: result.renewed });
      return { ...result, renewed: result.renewed.map(copy) };
    });
  }

  /** The vendor approves pending registrations (the demo's); returns those approved. */
  approve(ids: readonly string[]): Promise<Registration[]> {
    return this.#mutate(undefined, async (state) => {
      const approved = state.ledger.approve(ids);
      if (approved.length > 0) await this.#commit(state, { put: approved });
      return approved.map(copy);
    });
  }

  /** Replaces every registration; `rows` are checked and copied by the caller, which also tells this tab. */
  async replaceAll(rows: Registration[]): Promise<void> {
    await this.#mutate(undefined, async (state) => {
      await this.#commit(state, { clear: true, put: rows });
      // Indexed a batch per task too; until then readers see what was there before.
      const ledger = new RegistrationLedger(this.tier, this.limit, [], this.#rules);
      for (let start = 0; start < rows.length; start += BATCH * 4) {
        ledger.restore(rows.slice(start, start + BATCH * 4));
        await new Promise((resolve) => setTimeout(resolve)); // the page renders and handles input meanwhile
      }
      state.ledger = ledger;
    });
  }

  /** Closes the database connection, if one was opened; the instance must not be used afterwards. */
  dispose(): void {
    // An open connection would block deleting or upgrading the database from elsewhere.
    if (this.#opened || this.#state) this.#store?.('readonly', (store) => store.transaction.db.close()).catch(() => {});
  }

  #ready(): Promise<State> {
    if (!this.#state) {
      const loading = this.#load();
      this.#state = loading;
      // A failed reload is retried by the next call.
      loading.catch(() => {
        if (this.#state === loading) this.#state = undefined;
      });
    }
    return this.#state;
  }

  async #load(): Promise<State> {
    const store = this.#store;
    if (store) {
      try {
        const ledger = new RegistrationLedger(this.tier, this.limit, [], this.#rules);
        let version: unknown;
        // One transaction, so one consistent state, read a batch per request: each answer is a task.
        await store('readonly', (objects) => {
          const done = promisifyRequest(objects.transaction);
          // Keys after `after`: numbers (the version) sort before text (the registrations).
          const read = (after: IDBValidKey): void => {
            const range = IDBKeyRange.lowerBound(after, true);
            const keys = objects.getAllKeys(range, BATCH);
            const values = objects.getAll(range, BATCH);
            // Requests answer in order: the keys are there when the values are.
            values.onsuccess = () => {
              const registrations: Registration[] = [];
              keys.result.forEach((key, index) => {
                const value: unknown = values.result[index];
                // A registration stored by 0.2 is given the lifecycle's defaults (registrationFrom).
                const registration = key === VERSION_KEY ? undefined : registrationFrom(value);
                if (key === VERSION_KEY) version = value;
                else if (registration?.id === key) registrations.push(registration);
              });
              ledger.restore(registrations);
              if (keys.result.length === BATCH) read(keys.result[BATCH - 1]);
            };
          };
          read(-Infinity);
          return done;
        });
        this.#opened = true;
        return { ledger, version };
      } catch (error) {
        if (this.#opened) throw error; // it worked before: a passing fault, not a browser without IndexedDB
        this.#store = undefined;
        console.warn(
          `lead-registration-widget: IndexedDB could not be opened (${String(error)}). ` +
            'Registrations are kept in memory and will not survive a reload.',
        );
      }
    }
    return { ledger: new RegistrationLedger(this.tier, this.limit, [], this.#rules), version: undefined };
  }

  #read<T>(options: CallOptions | undefined, pick: (ledger: RegistrationLedger) => T): Promise<T> {
    return guard(options?.signal, async () => pick((await this.#ready()).ledger));
  }

  /**
   * Runs `change` after every earlier mutation of this instance and, where Web Locks exist, holding the
   * database's lock, on data that is current: another tab's registrations count against the limit too.
   */
  #mutate<T>(options: CallOptions | undefined, change: (state: State) => Promise<T>): Promise<T> {
    const signal = options?.signal;
    return guard(signal, (start) => {
      const job = this.#queue.then(async () => {
        let loaded = this.#ready();
        await loaded;
        const store = this.#store;
        const locks = store && typeof navigator !== 'undefined' ? navigator.locks : undefined;
        const work = async (): Promise<T> => {
          let state = await loaded;
          // The channel's message about another tab's change may not have arrived yet; storage knows.
          if (store && (await get<unknown>(VERSION_KEY, store)) !== state.version) {
            this.#state = undefined;
            loaded = this.#ready();
            state = await loaded;
          }
          start();
          const value = await change(state);
          // A reload that began meanwhile may have read storage before this write.
          if (this.#state !== loaded) this.#state = undefined;
          return value;
        };
        return locks ? locks.request(this.name, signal ? { signal } : {}, work) : work();
      });
      this.#queue = job.catch(() => {});
      return job;
    });
  }

  /** Writes `change` and a new version token in one transaction: all of it or nothing. */
  async #commit(state: State, change: Change): Promise<void> {
    const store = this.#store;
    if (!store) return;
    const version = randomUuid();
    try {
      await store('readwrite', (objects) => {
        const transaction = objects.transaction;
        let failure: unknown;
        const done = promisifyRequest(transaction).catch((error: unknown) => {
          throw failure ?? error;
        });
        const rows = change.put ?? [];
        let next = 0;
        // A batch of rows per task, all in one transaction: the next batch goes once the first row of
        // this one is stored, keeping IndexedDB busy while the page stays responsive.
        const write = (): void => {
          try {
            if (next === 0) {
              if (change.clear) objects.clear();
              for (const id of change.remove ?? []) objects.delete(id);
            }
            const end = Math.min(next + BATCH, rows.length);
            let first: IDBRequest | undefined;
            for (; next < end; next++) {
              const request = objects.put(rows[next], rows[next].id);
              first ??= request;
            }
            if (next < rows.length) first!.onsuccess = write;
            else objects.put(version, VERSION_KEY);
          } catch (error) {
            failure = error;
            transaction.abort(); // the requests already made must not commit on their own
          }
        };
        write();
        return done;
      });
    } catch (error) {
      this.#state = undefined; // the ledger may be ahead of storage now
      throw error;
    }
    state.version = version;
    this.#announce(version);
  }
}

/**
 * Runs `work`, rejecting with `aborted` as soon as `signal` aborts — until `work` calls `start()`, its point
 * of no return: from then on it finishes and its outcome stands, so that no caller is told "aborted" about a
 * change that was made. `start()` throws `aborted` if the signal has aborted by then.
 */
function guard<T>(signal: AbortSignal | undefined, work: (start: () => void) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let started = false;
    const abort = (): void => {
      if (!started) reject(new CapacityError('aborted'));
    };
    if (signal?.aborted) {
      abort();
      return;
    }
    signal?.addEventListener('abort', abort);
    const start = (): void => {
      if (signal?.aborted) throw new CapacityError('aborted');
      started = true;
    };
    work(start)
      .then(resolve, (error: unknown) =>
        reject(signal?.aborted && !started ? new CapacityError('aborted') : failure(error)),
      )
      .finally(() => signal?.removeEventListener('abort', abort));
  });
}
