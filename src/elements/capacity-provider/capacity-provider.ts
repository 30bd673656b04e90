import { ContextProvider } from '@lit/context';
import { css, html, isServer, type PropertyValues, type TemplateResult } from 'lit';
import { backendContext } from '../../context.js';
import type { CapacityBackend } from '../../core/types.js';
import { ConfigurationError, configuredBackend, providerMistake } from '../../state/resolve-backend.js';
import { BackendElement } from '../backend-element.js';

/**
 * Wraps part of a host page and gives every widget element inside it one backend, so that they are
 * configured once: a `backend` object, or a REST backend at `api-base`. Elements with a `backend` or
 * `api-base` of their own keep theirs. It renders nothing itself (`display: contents`) and works
 * whether it upgrades before or after the elements inside it.
 *
 * @tagname capacity-provider
 * @summary Provides one backend to every widget element inside it.
 *
 * @slot - The part of the page whose elements use this backend.
 */
export class CapacityProviderElement extends BackendElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Hands the elements inside a backend, or the mistake in this element's configuration. */
  readonly #provider = new ContextProvider(this, { context: backendContext });

  // It shows no words of its own: its slot, the host's content, must not wait for a language's messages.
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- Lit's own signature
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.performUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // On a server that renders the page nothing is handed down (the elements render their loading state), and a
    // relative api-base has no page to be resolved against.
    if (!isServer && (changed.has('backend') || changed.has('apiBase'))) this.#provider.setValue(this.#resolve());
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }

  #resolve(): CapacityBackend | ConfigurationError | undefined {
    try {
      return configuredBackend(this.backend, this.apiBase, { id: 'config.ownerProvider' });
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      // Said once in the console, here; handed down rather than thrown, so that each element inside
      // shows it where the partner looks (and they do not log it again).
      console.error(`<capacity-provider>: ${error.message}`);
      return providerMistake(error);
    }
  }
}
