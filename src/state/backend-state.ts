import { applyChange, type RegistrationChange } from '../core/contact-view.js';
import { CapacityError, type CapacityErrorCode } from '../core/errors.js';
import { isCapacity } from '../core/answers.js';
import { isRegistration } from '../core/records.js';
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
} from '../core/types.js';
import { emit, type BackendOperation } from '../events.js';

/**
 * What a BackendState tells the elements on its backend: a registration or deregistration made
 * through it (with what it changed, so that nothing is read again), a capacity learned from an answer,
 * or a change made elsewhere (another tab), after which each element reads what it shows again.
 */
export type StateChange = RegistrationChange | { type: 'capacity' } | { type: 'elsewhere' };

/** Who asks for a call: failures are dispatched from it as `lead-registration-error`, once per call. */
export interface CallContext {
  reporter: EventTarget;
  signal?: AbortSignal;
  /** The locale of the element that asks (its page's language): sorting and a server's words follow it. */
  locale?: string;
}

/** A mutation's context: the Idempotency-Key of the user's action, the same for its retries. */
export interface MutationContext extends CallContext {
  idempotencyKey: string;
}

type Listener = (change: StateChange) => void;

/** Refusals of a registration that name a registration made elsewhere: the capacity shown is stale too. */
const CHANGED_ELSEWHERE = new Set<CapacityErrorCode>([
  'domain-already-registered',
  'contact-already-registered',
  'capacity-exceeded',
]);

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
  /** The registrations changed through this state, by revision, while reads that predate them are on their way. */
  readonly #recent: { revision: number; change: RegistrationChange | undefined }[] = [];
  /** The reads on their way whose answers carry the capacity. */
  readonly #reads = new Set<Promise<unknown>>();
  readonly #listeners = new Set<Listener>();
  #unsubscribeBackend: (() => void) | undefined;
  #capacityRead: Promise<Capacity> | undefined;
  /** Counts the answers that brought a current capacity. */
  #answers = 0;

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
   * first. Reads that other elements start in the same task (the cards of a page, a list) bring it
   * with their answers: it waits for those, and asks the backend only if none brought it.
   */
  readCapacity(context: CallContext): Promise<Capacity> {
    this.#capacityRead ??= (async () => {
      const answered = this.#answers;
      await new Promise((resolve) => setTimeout(resolve));
      await Promise.allSettled(this.#reads);
      if (this.#answers !== answered && this.#capacity) return this.#capacity;
      return this.#read(
        'getCapacity',
        context.reporter,
        () => this.backend.getCapacity(context.locale ? { locale: context.locale } : undefined),
        (capacity) => capacity,
      );
    })().finally(() => {
      this.#capacityRead = undefined;
    });
    return this.#capacityRead;
  }

  /** Reads a contact's view; a registration changed through this state while it was on its way is applied to it. */
  readContactView(query: ContactQuery, context: CallContext): Promise<ContactView> {
    return this.#read(
      'getContactView',
      context.reporter,
      () => this.backend.getContactView(query, callOptions(context)),
      (view) => view.capacity,
      (view, changes) => changes.reduce(applyChange, view),
    );
  }

  /** Reads a page of registrations. */
  listRegistrations(query: RegistrationQuery, context: CallContext): Promise<RegistrationPage> {
    return this.#read(
      'listRegistrations',
      context.reporter,
      () => this.backend.listRegistrations(query, callOptions(context)),
      (page) => page.capacity,
    );
  }

  /** Registers, and tells every element what the answer changed. */
  async register(input: RegisterInput, context: MutationContext): Promise<RegisterResult> {
    const previous = this.#capacity;
    const options = callOptions(context);
    let result: RegisterResult;
    try {
      result = await this.#call('register', context.reporter, () => this.backend.register(input, options));
    } catch (error) {
      this.#refused(error as CapacityError, context);
      throw error;
    }
    const registration = result?.registration;
    if (!isRegistration(registration)) {
      const error = new CapacityError('bad-response');
      emit(context.reporter, 'lead-registration-error', { error, operation: 'register' });
      throw error;
    }
    // A hand-written backend may answer without the capacity: the registration stands, counted on top
    // of the last capacity known until the next answer that carries one.
    const capacity = isCapacity(result.capacity)
      ? result.capacity
      : previous && { ...previous, used: previous.used + 1 };
    if (capacity) this.#changed({ type: 'registered', registration, capacity });
    else this.#changed(undefined);
    return { registration, capacity: capacity ?? result.capacity };
  }

  /** Deregisters, and tells every element what the answer changed. */
  async deregister(ids: string[], context: MutationContext): Promise<DeregisterResult> {
    const options = callOptions(context);
    let result: DeregisterResult;
    try {
      result = await this.#call('deregister', context.reporter, () => this.backend.deregister(ids, options));
    } catch (error) {
      this.#takeCapacity((error as CapacityError).capacity);
      throw error;
    }
    // Ids already gone are not registered either, whoever removed them.
    this.#changed({ type: 'deregistered', ids: [...result.removed, ...result.missing], capacity: result.capacity });
    return result;
  }

  /**
   * One backend call: a CapacityError on failure, dispatched from `reporter` unless it was an abort
   * (the element's own doing). A hand-written backend may throw instead of rejecting, or answer a plain
   * value: both are handled as the promise would be.
   */
  async #call<T>(operation: BackendOperation, reporter: EventTarget, run: () => Promise<T>): Promise<T> {
    try {
      return await new Promise<T>((resolve) => resolve(run()));
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
    reporter: EventTarget,
    run: () => Promise<T>,
    capacityOf: (answer: T) => Capacity,
    catchUp?: (answer: T, changes: RegistrationChange[]) => T,
  ): Promise<T> {
    const revision = this.#revision;
    const call = this.#call(operation, reporter, run);
    this.#reads.add(call);
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

  // A refused registration may say that the capacity changed elsewhere: take the capacity it carries,
  // or read it again.
  #refused(error: CapacityError, context: CallContext): void {
    if (error.capacity) this.#takeCapacity(error.capacity);
    else if (CHANGED_ELSEWHERE.has(error.code)) void this.readCapacity(context).catch(() => undefined);
  }

  #takeCapacity(capacity: Capacity | undefined): void {
    if (capacity) this.#answers++;
    const known = this.#capacity;
    if (
      !capacity ||
      (known && known.used === capacity.used && known.limit === capacity.limit && known.tier === capacity.tier)
    ) {
      return;
    }
    this.#capacity = capacity;
    this.#notify({ type: 'capacity' });
  }

  /** Registrations changed: through this state (`change`), or elsewhere (undefined). */
  #changed(change: RegistrationChange | undefined): void {
    this.#revision++;
    if (this.#reads.size > 0) this.#recent.push({ revision: this.#revision, change });
    if (change) {
      this.#capacity = change.capacity;
      this.#answers++;
    }
    this.#notify(change ?? { type: 'elsewhere' });
  }

  #notify(change: StateChange): void {
    for (const listener of [...this.#listeners]) listener(change);
  }
}

/** What a backend call is given: its signal, a mutation's idempotency key, and the locale where there is one. */
function callOptions({ signal, locale, idempotencyKey }: CallContext & { idempotencyKey?: string }): CallOptions {
  const options: CallOptions = idempotencyKey === undefined ? { signal } : { idempotencyKey, signal };
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
