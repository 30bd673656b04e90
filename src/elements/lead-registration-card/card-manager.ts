import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import type { CapacityBackend } from '../../core/types.js';
import { focusIsLost } from '../../focus.js';
import type { CapacityManagerElement } from '../capacity-manager/capacity-manager.js';

/**
 * The card's own Capacity Manager, on the card's backend: rendered when it is first opened (from the gear menu or the
 * capacity-full state), kept afterwards. The manager gives focus back to what opened it; when that is gone (the
 * capacity-full state's button, once a deregistration made room), focus goes to what the card offers now: Register,
 * else its state, else the gear.
 */
export class CardManager {
  readonly #host: LitElement;
  #requested = false;

  constructor(host: LitElement) {
    this.#host = host;
  }

  async open(): Promise<void> {
    if (!this.#requested) {
      this.#requested = true;
      this.#host.requestUpdate();
    }
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<CapacityManagerElement>('capacity-manager')?.show();
  }

  render(backend: CapacityBackend | undefined, apiBase: string | undefined): TemplateResult | typeof nothing {
    if (!this.#requested) return nothing;
    return html`<capacity-manager
      .backend=${backend}
      .apiBase=${apiBase}
      @capacity-manager-close=${this.#onClose}
    ></capacity-manager>`;
  }

  readonly #onClose = (): void => {
    if (!focusIsLost()) return;
    if (!this.#host.isUpdatePending) this.#focusInCard();
    else void this.#host.updateComplete.then(() => focusIsLost() && this.#focusInCard());
  };

  #focusInCard(): void {
    const root = this.#host.renderRoot;
    const register = root.querySelector<HTMLElement>('#register');
    const target =
      register?.getAttribute('aria-disabled') === 'false'
        ? register
        : (root.querySelector<HTMLElement>('.state[tabindex]') ?? root.querySelector<HTMLElement>('#gear'));
    target?.focus();
  }
}
