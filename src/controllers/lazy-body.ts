import {
  adoptStyles,
  type CSSResultOrNative,
  type ReactiveController,
  type ReactiveElement,
  type TemplateResult,
} from 'lit';
import type { Localizer } from '../i18n/localizer.js';

/**
 * The part of an element that its lazily loaded chunk provides: its styles, its template and its
 * behaviour (as a controller of the host, so that it has the host's lifecycle from then on).
 */
export interface ElementBody extends ReactiveController {
  readonly styles: readonly CSSResultOrNative[];
  /** Renders in the host's language (`localizer`, as of the host's update). */
  render(localizer: Localizer): TemplateResult;
}

/**
 * Loads an element's body (see ElementBody) from a chunk of its own, so that a page that never
 * shows the element never downloads it, while the element itself (its tag, attributes, properties
 * and methods) is defined by the entry file from the start. The host renders `body?.render(localizer)` and
 * returns `updateComplete()` from its `getUpdateComplete()`: once the body is there, the element is
 * as if it had always been. A failed load (the network went away) sets `failed`; `load()` tries again.
 */
export class LazyBody<Body extends ElementBody> {
  readonly #host: ReactiveElement;
  readonly #load: () => Promise<Body>;
  #body: Body | undefined;
  #loading: Promise<void> | undefined;
  /**
   * The last load failed: the host says so, and offers `load()` again. It stays set while a retry
   * runs (see `loading`), so that the Retry button that has focus stays where it is.
   */
  failed = false;

  /** `load` imports the chunk and makes this host's body; it is called until it succeeds once. */
  constructor(host: ReactiveElement, load: () => Promise<Body>) {
    this.#host = host;
    this.#load = load;
  }

  get body(): Body | undefined {
    return this.#body;
  }

  get loading(): boolean {
    return this.#loading !== undefined;
  }

  /**
   * The host's `updateComplete`: `hostUpdateComplete` (its super's), resolved only once a load that
   * the update started has ended and the update that follows has run.
   */
  async updateComplete(hostUpdateComplete: () => Promise<boolean>): Promise<boolean> {
    let complete = await hostUpdateComplete();
    while (this.#loading) {
      await this.#loading;
      complete = await hostUpdateComplete();
    }
    return complete;
  }

  load(): Promise<void> {
    if (this.#body) return Promise.resolve();
    if (this.#loading) return this.#loading;
    const host = this.#host;
    this.#loading = this.#load()
      .then(
        (body) => {
          const { elementStyles } = host.constructor as typeof ReactiveElement;
          adoptStyles(host.renderRoot as ShadowRoot, [...elementStyles, ...body.styles]);
          this.#body = body;
          this.failed = false;
          host.addController(body);
        },
        (error: unknown) => {
          console.error(`<${host.localName}>: its code could not be loaded.`, error);
          this.failed = true;
        },
      )
      .finally(() => {
        this.#loading = undefined;
        host.requestUpdate();
      });
    host.requestUpdate();
    return this.#loading;
  }
}
