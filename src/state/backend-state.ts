import { applyChange, type RegistrationChange } from '../core/contact-view.js';
import { CapacityError, type CapacityErrorCode } from '../core/errors.js';
import { isCapacity } from '../core/answers.js';
import type {
  CallOptions,
  Capacity,
  CapacityBackend,
  ContactQuery,
  ContactView,
  DeregisterResult,
  RegisterInput,
  RegisterResult,
  RegistrationPage,
  RegistrationQuery,
  RenewResult,
} from '../core/types.js';
import { emit, type BackendOperation } from '../events.js';
import {
  checkedCapacity,
  checkedDeregistration,
  checkedPage,
  checkedRegistration,
  checkedRenewal,
  checkedView,
} from './answer-checks.js';

/**
 * What a BackendState tells the elements on its backend: a registration or deregistration made
 * through it (with what it changed, so that nothing is read again), a capacity learned from an answer,
 * or a change made elsewhere (another tab), after which each element reads what it shows again.
 */
export type StateChange = RegistrationChange | { type: 'capacity' } | { type: 'elsewhere' };

/** Who asks for a read: failures are dispatched from it as `lead-registration-error`, once per call. */
export interface CallContext {
  reporter: EventTarget;
  signal?: AbortSignal;
  /** The locale of the element that asks (its page's language): sorting and a server's words follow it. */
  locale?: string;
}

/** Who asks for a change, and the Idempotency-Key of the user's action (the same for its retries). */
export interface MutationContext {
  reporter: EventTarget;
  idempotencyKey: string;
  /** The locale of the element that asks: a server's words follow it. */
  locale?: string;
}

type Listener = (change: StateChange) => void;

/** Refusals of a registration that name a registration made elsewhere. */
const NAMES_A_REGISTRATION = new Set<CapacityErrorCode>(['domain-already-registered', 'contact-already-registered']);

/**
 * The one shared state of a backend: every element on the page that resolves to the same backend
 * reads and changes registrations through it. It owns what every read needs: the capacity, published
 * from every answer that carries one unless a change has made that answer old; the registrations
 * changed through it, applied to reads still on their way; and one `lead-registration-error` per
 * failed call. A change made through one element updates all of them from the call's answer
 * (docs/contract.md#one-request-per-contact-view).
 */
export class BackendState {
  readonly backend: CapacityBackend;
  #capacity: Capacity | undefined;
  /** Counts the changes of registrations; a read remembers it to tell which changes came after it. */
  #revision = 0;
  /** The registrations changed since the oldest read on its way started, by revision (undefined: elsewhere). */
  readonly #recent: { revision: number; change: RegistrationChange | undefined }[] = [];
  /** The reads on their way whose answers carry the capacity, by the revision they started at. */
  readonly #reads = new Map<Promise<unknown>, number>();
  readonly #listeners = new Set<Listener>();
  #unsubscribeBackend: (() => void) | undefined;
  /** Whether it listened to the backend before: changes made elsewhere meanwhile went unheard. */
  #listenedBefore = false;
  #capacityRead: Promise<Capacity> | undefined;
  /** Counts the capacities learned (from answers and changes), to tell whether a read brought one. */
  #capacitiesLearned = 0;

  constructor(backend: CapacityBackend) {
    this.backend = backend;
  }

  /** The capacity as last learned from the backend; undefined until an answer carried it. */
  get capacity(): Capacity | undefined {
    return this.#capacity;
  }

  /** Counts the changes of registrations seen here (made through this state or elsewhere). */
  get revision(): number {
    return this.#revision;
  }

  /** Listens for changes; the first listener also starts listening to the backend (other tabs). */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1 && this.backend.subscribe) {
      this.#unsubscribeBackend = this.backend.subscribe(() => this.#changed(undefined));
      // Nobody listened for a while: what was shown then may have changed elsewhere, unheard.
      if (this.#listenedBefore) this.#revision++;
      this.#listenedBefore = true;
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) {
        this.#unsubscribeBackend?.();
        this.#unsubscribeBackend = undefined;
      }
    };
  }

  /**
   * Reads the capacity. Callers meanwhile share the one request, and its failure is reported by the
   * first. The reads other elements start in the same task (the cards of a page, a list) bring it with
   * their answers: it waits a task for them to start, then for them, and asks the backend only if none
   * brought it. After a change, the next caller starts a read of its own: the one on its way is old.
   */
  readCapacity(context: CallContext): Promise<Capacity> {
    const read = (this.#capacityRead ??= (async () => {
      const learned = this.#capacitiesLearned;
      await new Promise((resolve) => setTimeout(resolve));
      // Reads that started before a change cannot bring a current capacity: only the others count.
      const current = [...this.#reads].filter(([, revision]) => revision === this.#revision).map(([read]) => read);
      await Promise.allSettled(current);
      if (this.#capacitiesLearned !== learned && this.#capacity) return this.#capacity;
      return this.#read(
        'getCapacity',
        context,
        () => this.backend.getCapacity(callOptions(context)),
        checkedCapacity,
        (capacity) => capacity,
      );
    })().finally(() => {
      if (this.#capacityRead === read) this.#capacityRead = undefined;
    }));
    return read;
  }

  /** Reads a contact's view; a registration changed through this state while it was on its way is applied to it. */
  readContactView(query: ContactQuery, context: CallContext): Promise<ContactView> {
    return this.#read(
      'getContactView',
      context,
      () => this.backend.getContactView(query, callOptions(context)),
      (answer) => checkedView(answer, query),
      (view) => view.capacity,
      (view, changes) => changes.reduce(applyChange, view),
    );
  }

  /** Reads a page of registrations. */
  listRegistrations(query: RegistrationQuery, context: CallContext): Promise<RegistrationPage> {
    return this.#read(
      'listRegistrations',
      context,
      () => this.backend.listRegistrations(query, callOptions(context)),
      (answer) => checkedPage(answer, query),
      (page) => page.capacity,
    );
  }

  /** Registers, and tells every element what the answer changed. */
  async register(input: RegisterInput, context: MutationContext): Promise<RegisterResult> {
    const { reporter } = context;
    const options = callOptions(context);
    let result: RegisterResult;
    try {
      result = await this.#call(
        'register',
        reporter,
        () => this.backend.register(input, options),
        (answer) => {
          const { registration, capacity } = (answer ?? {}) as Partial<Record<keyof RegisterResult, unknown>>;
          // A hand-written backend may answer without the capacity: the registration stands, counted on
          // top of the capacity known now, until the next answer that carries one.
          const known = this.#capacity;
          const counted = isCapacity(capacity) ? capacity : known && { ...known, used: known.used + 1 };
          if (!counted) throw new CapacityError('bad-response');
          return { registration: checkedRegistration(registration, input), capacity: counted };
        },
      );
    } catch (error) {
      this.#refused(error as CapacityError, reporter);
      throw error;
    }
    this.#changed({ type: 'registered', ...result });
    return result;
  }

  /** Deregisters, and tells every element what the answer changed. */
  async deregister(ids: string[], context: MutationContext): Promise<DeregisterResult> {
    const { reporter } = context;
    const options = callOptions(context);
    let result: DeregisterResult;
    try {
      result = await this.#call(
        'deregister',
        reporter,
        () => this.backend.deregister(ids, options),
        (answer) => checkedDeregistration(answer, ids),
      );
    } catch (error) {
      this.#takeCapacity((error as CapacityError).capacity);
      throw error;
    }
    // Ids already gone are not registered either, whoever removed them.
    this.#changed({ type: 'deregistered', ids: [...result.removed, ...result.missing], capacity: result.capacity });
    return result;
  }

  /** Whether the backend can renew (a 0.2 host backend cannot: Renew is then not offered). */
  get canRenew(): boolean {
    return typeof this.backend.renew === 'function';
  }

  /**
   * Renews, and tells every element what the answer changed: the registrations renewed. An id refused as
   * `not-found` is gone (it lapsed, or was deregistered elsewhere): every element then reads what it shows again.
   */
  async renew(ids: string[], context: MutationContext): Promise<RenewResult> {
    const { reporter } = context;
    const options = callOptions(context);
    let result: RenewResult;
    try {
      result = await this.#call(
        'renew',
        reporter,
        () => {
          if (!this.backend.renew) throw new CapacityError('not-found', { message: 'This backend cannot renew.' });
          return this.backend.renew(ids, options);
        },
        (answer) => checkedRenewal(answer, ids),
      );
    } catch (error) {
      this.#takeCapacity((error as CapacityError).capacity);
      throw error;
    }
    this.#changed({ type: 'renewed', registrations: result.renewed, capacity: result.capacity });
    if (result.refused.some((refusal) => refusal.reason === 'not-found')) this.#changed(undefined);
    return result;
  }

  /**
   * One backend call, its answer checked (answer-checks.ts): a CapacityError on failure, dispatched from
   * `reporter` unless it was an abort (the caller's own doing). A hand-written backend may throw instead
   * of rejecting, answer a plain value, or not honour `signal`: all are handled as a well-behaved one
   * would be.
   */
  async #call<T>(
    operation: BackendOperation,
    reporter: EventTarget,
    run: () => unknown,
    check: (answer: unknown) => T,
    signal?: AbortSignal,
  ): Promise<T> {
    try {
      const answer = new Promise((resolve) => resolve(run()));
      return check(await (signal ? Promise.race([answer, aborted(signal)]) : answer));
    } catch (caught) {
      const error = CapacityError.from(caught);
      if (error.code !== 'aborted') emit(reporter, 'lead-registration-error', { error, operation });
      throw error;
    }
  }

  /**
   * A read whose answer carries the capacity (`capacityOf`). Registrations may change through this state
   * while it is on its way: the answer may predate them, so their capacity stands, and `catchUp` applies
   * them to the answer.
   */
  async #read<T>(
    operation: BackendOperation,
    context: CallContext,
    run: () => unknown,
    check: (answer: unknown) => T,
    capacityOf: (answer: T) => Capacity,
    catchUp?: (answer: T, changes: RegistrationChange[]) => T,
  ): Promise<T> {
    const revision = this.#revision;
    const call = this.#call(operation, context.reporter, run, check, context.signal);
    this.#reads.set(call, revision);
    try {
      const answer = await call;
      if (revision === this.#revision) {
        this.#takeCapacity(capacityOf(answer));
        return answer;
      }
      const changes = this.#recent.filter((entry) => entry.revision > revision).map((entry) => entry.change);
      // A change made elsewhere meanwhile: its listeners read again, and this answer is as good as any.
      if (!catchUp || changes.includes(undefined)) return answer;
      return catchUp(answer, changes as RegistrationChange[]);
    } finally {
      this.#reads.delete(call);
      if (this.#reads.size === 0) this.#recent.length = 0;
    }
  }

  /**
   * A refused registration may tell of one made elsewhere (another tab, another user): every element
   * learns it, as from a registration made here; the capacity it carries is taken, or read again.
   */
  #refused(error: CapacityError, reporter: EventTarget): void {
    const { registration, capacity } = error;
    if (registration && NAMES_A_REGISTRATION.has(error.code) && this.#capacity) {
      this.#changed({ type: 'registered', registration, capacity: capacity ?? this.#capacity });
    }
    if (capacity) this.#takeCapacity(capacity);
    else if (registration || error.code === 'capacity-exceeded') {
      void this.readCapacity({ reporter }).catch(() => undefined);
    }
  }

  #takeCapacity(capacity: Capacity | undefined): void {
    if (!capacity) return;
    this.#capacitiesLearned++;
    const known = this.#capacity;
    if (known && sameCapacity(known, capacity)) return;
    this.#capacity = capacity;
    this.#notify({ type: 'capacity' });
  }

  /** Registrations changed: through this state (`change`), or elsewhere (undefined). */
  #changed(change: RegistrationChange | undefined): void {
    this.#revision++;
    if (this.#reads.size > 0) this.#recent.push({ revision: this.#revision, change });
    // A capacity read on its way may predate this change: the next caller asks anew.
    this.#capacityRead = undefined;
    if (change) {
      this.#capacity = change.capacity;
      this.#capacitiesLearned++;
    }
    this.#notify(change ?? { type: 'elsewhere' });
  }

  #notify(change: StateChange): void {
    for (const listener of [...this.#listeners]) listener(change);
  }
}

/** Whether two capacities say the same: their counts, their tier and their policy. */
export function sameCapacity(a: Capacity, b: Capacity): boolean {
  const keys = ['tier', 'limit', 'used', 'expiringSoon'] as const;
  const policies = ['termDays', 'renewalWindowDays', 'maxRenewals', 'review'] as const;
  return keys.every((key) => a[key] === b[key]) && policies.every((key) => a.policy[key] === b.policy[key]);
}

/** Rejects with `aborted` when `signal` aborts (for a backend that does not honour it). */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const abort = (): void => reject(new CapacityError('aborted', { cause: signal.reason }));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

/** What a backend call is given: its signal, a mutation's idempotency key, the locale: those there are. */
function callOptions({ signal, locale, idempotencyKey }: Partial<CallContext & MutationContext>): CallOptions {
  const options: CallOptions = {};
  if (signal) options.signal = signal;
  if (idempotencyKey !== undefined) options.idempotencyKey = idempotencyKey;
  if (locale) options.locale = locale;
  return options;
}

const states = new WeakMap<CapacityBackend, BackendState>();

/** The BackendState of `backend`, created on first use: one per backend object. */
export function backendStateFor(backend: CapacityBackend): BackendState {
  let state = states.get(backend);
  if (!state) {
    state = new BackendState(backend);
    states.set(backend, state);
  }
  return state;
}
