import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CapacityError } from '../core/errors.js';

export type LoadStatus = 'idle' | 'pending' | 'complete' | 'error';

export interface LoaderOptions<Args extends readonly unknown[], T> {
  /**
   * What the load reads with, taken before each update of the host: a change of any argument (by
   * identity) starts a new run. Undefined when there is nothing to read (no backend yet, no contact).
   */
  args: () => Args | undefined;
  /** The read. It must honour `signal`: a new run aborts the one before. */
  run: (args: Args, signal: AbortSignal) => Promise<T>;
  /**
   * Whether the value read with `previous` may stay on show while the run with `next` is pending
   * (the same contact read again); otherwise it goes at once. Default: never.
   */
  keepValue?: (previous: Args, next: Args) => boolean;
}

/**
 * A read that follows the host's state, as @lit/task's Task does, in the few lines this widget needs:
 * a change of its arguments aborts the run under way and starts another; only the newest run's answer
 * or failure lands; the host renders by `status`. The value of the last run stays while the next one
 * is pending, so that a reload does not flash a loading state, and may be updated in place (`value`)
 * from what the page learns without reading.
 */
export class Loader<Args extends readonly unknown[], T> implements ReactiveController {
  readonly #host: ReactiveControllerHost & { readonly isConnected: boolean };
  readonly #options: LoaderOptions<Args, T>;
  #args: Args | undefined;
  #run: AbortController | undefined;
  /** Set when the host left the page with a run under way: it is read again on return. */
  #interrupted = false;
  #value: T | undefined;
  /** Why the last run failed, until the next one starts. */
  error: CapacityError | undefined;

  constructor(host: ReactiveControllerHost & { readonly isConnected: boolean }, options: LoaderOptions<Args, T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get status(): LoadStatus {
    if (this.#run) return 'pending';
    if (this.error) return 'error';
    return this.#value === undefined ? 'idle' : 'complete';
  }

  /** The answer of the last run that completed, for the arguments it ran with; see `args`. */
  get value(): T | undefined {
    return this.#value;
  }

  /** Replaces the value with what the page learned otherwise (an answer to a change), with no read. */
  set value(value: T | undefined) {
    this.#value = value;
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    const args = this.#options.args();
    const last = this.#args;
    const changed = args === undefined ? last !== undefined : !last || args.some((arg, index) => arg !== last[index]);
    // Lit updates an element that has left the page too: it reads only once it is back.
    if (!this.#host.isConnected) this.#interrupted ||= changed;
    else if (changed || this.#interrupted) this.#start(args);
  }

  hostDisconnected(): void {
    // What was being read is abandoned; reconnected, the host reads it again.
    if (!this.#run) return;
    this.#run.abort();
    this.#run = undefined;
    this.#interrupted = true;
  }

  /** Runs again with the current arguments (a Retry, or a change made elsewhere). */
  reload(): void {
    this.#start(this.#options.args());
  }

  #start(args: Args | undefined): void {
    this.#run?.abort();
    this.#interrupted = false;
    const previous = this.#args;
    this.#args = args;
    this.error = undefined;
    if (!args || !previous || !(this.#options.keepValue?.(previous, args) ?? false)) this.#value = undefined;
    if (!args) {
      this.#run = undefined;
      return;
    }
    const run = new AbortController();
    this.#run = run;
    this.#host.requestUpdate();
    this.#options.run(args, run.signal).then(
      (value) => this.#settle(run, value, undefined),
      (error: unknown) => this.#settle(run, undefined, CapacityError.from(error)),
    );
  }

  #settle(run: AbortController, value: T | undefined, error: CapacityError | undefined): void {
    if (run !== this.#run) return; // a newer run took over: this answer or failure is stale
    this.#run = undefined;
    this.error = error;
    if (!error) this.#value = value;
    this.#host.requestUpdate();
  }
}
