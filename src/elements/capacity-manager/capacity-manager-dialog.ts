import { html, nothing, type TemplateResult } from 'lit';
import type { CapacityController } from '../../controllers/capacity-controller.js';
import type { ElementBody } from '../../controllers/lazy-body.js';
import { defineElement } from '../../define-element.js';
import { emit } from '../../events.js';
import { deepActiveElement } from '../../focus.js';
import { modalDialog } from '../../styles/modal-dialog.js';
import { capacityManagerDialogStyles } from './capacity-manager-dialog.styles.js';
import { CapacityManagerPanelElement } from './capacity-manager-panel.js';
import type { CapacityManagerElement, OpenIntent } from './capacity-manager.js';

defineElement('capacity-manager-panel', CapacityManagerPanelElement);
// The panel shows a <capacity-meter>: its body comes now, with this chunk, not when the panel first renders.
void import('../capacity-meter/capacity-meter-body.js').catch(() => undefined);

/** What asked the manager to close: every way of closing goes through one path. */
type CloseSource = 'escape' | 'close-button' | 'backdrop';

const closeIcon = html`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
  <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" stroke-width="2" stroke-linecap="round" fill="none" />
</svg>`;

/**
 * What `<capacity-manager>` is once its chunk has loaded: the modal dialog, its ways of closing, focus
 * on open and back to the opener on close, and the table (`<capacity-manager-panel>`). The chunk is
 * fetched while the page is idle after the first manager renders, or when one opens.
 */
export class CapacityManagerDialog implements ElementBody {
  readonly styles = [modalDialog, capacityManagerDialogStyles];
  readonly #host: CapacityManagerElement;
  readonly #capacity: CapacityController;
  /** Who opened it and whether to say so: set by the host's `show()` and `close()`. */
  readonly #intent: OpenIntent;
  /** Set on open: once the panel is there, focus moves to its search field. */
  #focusPanel = false;
  #pressedOnBackdrop = false;

  constructor(host: CapacityManagerElement, capacity: CapacityController, intent: OpenIntent) {
    this.#host = host;
    this.#capacity = capacity;
    this.#intent = intent;
  }

  hostConnected(): void {
    if (this.#host.hasUpdated) this.#host.requestUpdate(); // shows the dialog again if the element was moved while open
  }

  hostDisconnected(): void {
    // A removed modal dialog stays "open" but is no longer modal: close it, and show it again on
    // reconnection (`open` stays true). Its close event comes later, maybe after that: see #onClose.
    const dialog = this.#dialog;
    if (dialog?.open) dialog.close();
  }

  hostUpdated(): void {
    const host = this.#host;
    const intent = this.#intent;
    const dialog = this.#dialog;
    if (!dialog) return;
    if (host.open && !dialog.open) {
      if (!host.isConnected) return; // it opens, and says so if show() asked, once connected
      intent.opener ??= deepActiveElement();
      dialog.showModal();
      this.#focusPanel = true;
      if (intent.announce) emit(host, 'capacity-manager-open', {});
    } else if (!host.open && dialog.open) {
      dialog.close();
      this.#afterClose(intent.announce);
    }
    // show() then close() before an update (or the reverse) changed nothing: nothing to announce.
    intent.announce = false;
    if (this.#focusPanel && this.#panel) void this.#moveFocusToPanel();
  }

  render(): TemplateResult {
    /* eslint-disable lit-a11y/click-events-have-key-events -- a backdrop click's keyboard equivalent is Escape (the cancel event) */
    return html`
      <dialog
        part="dialog"
        aria-labelledby="title"
        @cancel=${this.#onCancel}
        @close=${this.#onClose}
        @pointerdown=${this.#onPointerDown}
        @click=${this.#onClick}
      >
        <div class="frame">
          <div class="header" part="header">
            <h2 id="title">Partner Registration Capacity</h2>
            <button class="close" type="button" aria-label="Close" @click=${() => this.#requestClose('close-button')}>
              ${closeIcon}
            </button>
          </div>
          ${this.#host.open ? this.#renderBody() : nothing}
        </div>
      </dialog>
    `;
    /* eslint-enable lit-a11y/click-events-have-key-events */
  }

  #renderBody(): TemplateResult {
    const controller = this.#capacity;
    if (controller.configError) return html`<p class="placeholder" role="alert">${controller.configError}</p>`;
    if (!controller.sync) return html`<p class="placeholder" role="status">Loading your registrations…</p>`;
    return html`
      <capacity-manager-panel
        exportparts="table, footer, confirmation"
        .controller=${controller}
        .sync=${controller.sync}
        .revision=${controller.revision}
      ></capacity-manager-panel>
    `;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog');
  }

  get #panel(): CapacityManagerPanelElement | null {
    return this.#host.renderRoot.querySelector('capacity-manager-panel');
  }

  // Focus starts on the close button (the first focusable while the backend resolves); once the panel
  // is there it moves to the search field, unless the user has already gone somewhere else.
  async #moveFocusToPanel(): Promise<void> {
    this.#focusPanel = false;
    const panel = this.#panel;
    if (!panel) return;
    await panel.updateComplete;
    const active = deepActiveElement();
    const dialog = this.#dialog;
    if (dialog?.open && (!active || active === dialog || active.classList.contains('close'))) panel.focus();
  }

  /**
   * The one way the user closes the manager. A stray click on the backdrop must not throw away a
   * selection that took a while to build, so it only closes when nothing is selected. Nothing
   * closes it under a running deregistration, whose outcome (a failure, with Retry) is shown in it;
   * the confirmation above it normally keeps Escape from getting here, but not in every browser.
   */
  #requestClose(source: CloseSource): void {
    const panel = this.#panel;
    if (panel?.isDeregistering) return;
    if (source === 'backdrop' && panel?.hasSelection) return;
    this.#host.close();
  }

  readonly #onCancel = (event: Event): void => {
    // Escape: handled here rather than by the browser so that it takes the same path as the rest.
    if (event.target !== event.currentTarget) return;
    event.preventDefault();
    this.#requestClose('escape');
  };

  readonly #onClose = (event: Event): void => {
    const host = this.#host;
    const dialog = event.currentTarget as HTMLDialogElement;
    if (event.target !== dialog) return;
    if (!host.open) return; // closed by hostUpdated(), which has done the rest
    // Closed by hostDisconnected: the element is away, or was moved and its dialog shown again
    // before this (queued) event arrived. Moving is neither closing nor opening.
    if (!host.isConnected || dialog.open) return;
    // The browser closed it without a cancel event (a close watcher lets a second Escape through): the user's doing.
    host.open = false;
    this.#afterClose(true);
  };

  /** Focus goes back to the opener; `announce` when the close was the user's or `close()`'s. */
  #afterClose(announce: boolean): void {
    const opener = this.#intent.opener;
    this.#intent.opener = undefined;
    if (opener?.isConnected) opener.focus();
    if (announce) emit(this.#host, 'capacity-manager-close', {});
  }

  // The dialog fills its box with content, so a press whose target is the dialog itself landed on
  // the backdrop. Both press and release must be there: a drag out of a text field is not a dismissal.
  readonly #onPointerDown = (event: PointerEvent): void => {
    this.#pressedOnBackdrop = this.#isBackdrop(event);
  };

  readonly #onClick = (event: MouseEvent): void => {
    const pressed = this.#pressedOnBackdrop;
    this.#pressedOnBackdrop = false;
    if (pressed && this.#isBackdrop(event)) this.#requestClose('backdrop');
  };

  #isBackdrop(event: MouseEvent): boolean {
    const dialog = this.#dialog;
    if (!dialog || event.target !== dialog) return false;
    const box = dialog.getBoundingClientRect();
    return (
      event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom
    );
  }
}
