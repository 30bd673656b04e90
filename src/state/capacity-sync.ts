import { CapacityError, type CapacityErrorCode } from '../core/errors.js';
import type {
  CallOptions,
  Capacity,
  CapacityBackend,
  DeregisterResult,
  RegisterInput,
  Registration,
} from '../core/types.js';

/** What a CapacitySync tells the elements that show its backend's data. */
export interface CapacitySnapshot {
  /** The capacity as last read from the backend; undefined until the first read. */
  capacity: Capacity | undefined;
  /** Bumps whenever registrations change (here, in another element, or in another tab). */
  revision: number;
}

type Listener = (snapshot: CapacitySnapshot) => void;

/**
 * The one shared view of a backend's capacity. Every element that resolves to the same backend
 * reads and changes registrations through the same CapacitySync, so a change made through one
 * element updates all of them (contract section 3).
 */
export class CapacitySync {
  readonly backend: CapacityBackend;
  #capacity: Capacity | undefined;
  #revision = 0;
  readonly #listeners = new Set<Listener>();
  #unsubscribeBackend: (() => void) | undefined;
  #refresh: Promise<Capacity> | undefined;

  constructor(backend: CapacityBackend) {
    this.backend = backend;
  }

  get snapshot(): CapacitySnapshot {
    return { capacity: this.#capacity, revision: this.#revision };
  }

  /** Listens for changes; the first listener also starts listening to the backend (other tabs). */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1 && this.backend.subscribe) {
      this.#unsubscribeBackend = this.backend.subscribe(() => void this.#afterChange());
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) {
        this.#unsubscribeBackend?.();
        this.#unsubscribeBackend = undefined;
      }
    };
  }

  /** Reads the capacity; concurrent callers share one request. */
  refreshCapacity(): Promise<Capacity> {
    const revision = this.#revision;
    this.#refresh ??= callBackend(() => this.backend.getCapacity())
      .then((capacity) => {
        // Registrations changed while the answer was on its way: it may predate the change, whose
        // own capacity is newer. Taking it would show the old count and announce it as a change.
        if (revision !== this.#revision) return this.#capacity ?? capacity;
        this.publishCapacity(capacity);
        return capacity;
      })
      .finally(() => {
        this.#refresh = undefined;
      });
    return this.#refresh;
  }

  /** Takes a capacity that a backend returned with other data (a page, a deregistration, an error). */
  publishCapacity(capacity: Capacity): void {
    if (sameCapacity(this.#capacity, capacity)) return;
    this.#capacity = capacity;
    this.#notify();
  }

  /** Registers through the backend and tells every element; resolves with the fresh capacity too. */
  async register(
    input: RegisterInput,
    options?: CallOptions,
  ): Promise<{ registration: Registration; capacity: Capacity }> {
    try {
      const previous = this.#capacity ?? (await this.refreshCapacity());
      const registration = await this.backend.register(input, options);
      // The registration stands even if the capacity cannot be re-read at once; the event then
      // carries the last capacity known plus this registration, and the next read corrects it.
      const capacity = (await this.#afterChange()) ?? { ...previous, used: previous.used + 1 };
      return { registration, capacity };
    } catch (error) {
      const failure = CapacityError.from(error);
      this.#takeCapacityFrom(failure);
      // Refused because of a registration this page had not seen (made in another tab, by another
      // user): the capacity it showed is stale too, so it is read again.
      if (!failure.capacity && CHANGED_ELSEWHERE.has(failure.code)) void this.refreshCapacity().catch(() => undefined);
      throw failure;
    }
  }

  /** Deregisters through the backend and tells every element. */
  async deregister(ids: string[], options?: CallOptions): Promise<DeregisterResult> {
    try {
      const result = await this.backend.deregister(ids, options);
      await this.#afterChange(result.capacity);
      return result;
    } catch (error) {
      this.#takeCapacityFrom(error);
      throw CapacityError.from(error);
    }
  }

  /** Registrations changed: bump the revision, take or re-read the capacity, and tell everyone once. */
  async #afterChange(known?: Capacity): Promise<Capacity | undefined> {
    const revision = ++this.#revision;
    try {
      const capacity = known ?? (await this.backend.getCapacity());
      // A later change is taking a fresher capacity: this read may predate it.
      if (revision === this.#revision) this.#capacity = capacity;
      return capacity;
    } catch {
      return undefined;
    } finally {
      this.#notify();
    }
  }

  // A capacity-exceeded answer carries the server's capacity: show that, not what we last knew.
  #takeCapacityFrom(error: unknown): void {
    if (error instanceof CapacityError && error.capacity) this.publishCapacity(error.capacity);
  }

  #notify(): void {
    const snapshot = this.snapshot;
    for (const listener of this.#listeners) listener(snapshot);
  }
}

/** Refusals of a registration that name a registration made elsewhere. */
const CHANGED_ELSEWHERE = new Set<CapacityErrorCode>(['domain-already-registered', 'contact-already-registered']);

function sameCapacity(a: Capacity | undefined, b: Capacity): boolean {
  return a !== undefined && a.used === b.used && a.limit === b.limit && a.tier === b.tier;
}

/**
 * Calls a method of a host's backend. CapacityBackend's methods return promises, but a hand-written
 * one may throw synchronously or return a plain value: that is a failed call or an answer, never an
 * exception thrown through an element's update.
 */
export function callBackend<T>(call: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(call()));
}

const syncs = new WeakMap<CapacityBackend, CapacitySync>();

/** The CapacitySync of `backend`, created on first use: one per backend object. */
export function capacitySyncFor(backend: CapacityBackend): CapacitySync {
  let sync = syncs.get(backend);
  if (!sync) {
    sync = new CapacitySync(backend);
    syncs.set(backend, sync);
  }
  return sync;
}
