/** The page's uncaught errors and unhandled promise rejections, recorded from `watch()` to `stop()`. */
export class UncaughtErrors {
  /** What was thrown or rejected, in order. */
  readonly errors: unknown[] = [];

  readonly #onError = (event: ErrorEvent): void => void this.errors.push(event.error ?? event.message);
  readonly #onRejection = (event: PromiseRejectionEvent): void => void this.errors.push(event.reason);

  /** Forgets what was recorded and starts recording: call in `beforeEach`. */
  watch(): void {
    this.errors.length = 0;
    window.addEventListener('error', this.#onError);
    window.addEventListener('unhandledrejection', this.#onRejection);
  }

  /** Stops recording: call in `afterEach`, before checking `errors`. */
  stop(): void {
    window.removeEventListener('error', this.#onError);
    window.removeEventListener('unhandledrejection', this.#onRejection);
  }
}
