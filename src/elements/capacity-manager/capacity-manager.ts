import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CapacityController } from '../../controllers/capacity-controller.js';
import type { CapacityBackend } from '../../core/types.js';
import { defineElement } from '../../define-element.js';
import { emit } from '../../events.js';
import { theme } from '../../styles/theme.js';
import { capacityManagerStyles } from './capacity-manager.styles.js';
import type { CapacityManagerPanelElement } from './capacity-manager-panel.js';

/** What asked the manager to close: every way of closing goes through one path. */
type CloseSource = 'escape' | 'close-button' | 'backdrop';

// The table, search, selection and confirmation live in a chunk of their own: a page that only
// shows the card never downloads them. One load per page, shared by every manager on it.
let panelModule: Promise<void> | undefined;
function loadPanel(): Promise<void> {
  panelModule ??= import('./capacity-manager-panel.js').then(
    ({ CapacityManagerPanelElement }) => defineElement('capacity-manager-panel', CapacityManagerPanelElement),
    (error: unknown) => {
      panelModule = undefined; // a later open tries again
      throw error;
    },
  );
  return panelModule;
}

/** The focused element, looking inside open shadow roots (the opener is often in another element's shadow). */
function deepActiveElement(): HTMLElement | undefined {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element instanceof HTMLElement && element !== document.body ? element : undefined;
}

const closeIcon = html`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="M5 5l10 10M15 5L5 15" stroke="currentColor" stroke-width="2" stroke-linecap="round" fill="none"/></svg>`;

/**
 * The Partner Registration Capacity dashboard as a modal dialog: the partner's capacity, every
 * registered domain (searchable, sortable, paged) and deregistration of a selection. Open it from a
 * "Capacity" item in the host's navigation with `show()` or the `open` attribute; the
 * `<lead-registration-card>` opens it from its gear menu. Focus returns to the opener on close.
 *
 * Its open and close events report activity, never the host's configuration (contract section 3):
 * `show()` and `close()` (which a host's navigation button and the card's gear menu call on a user's
 * click) and the user's own ways of closing dispatch them; setting `open` does not.
 *
 * @tagname capacity-manager
 * @summary The Capacity Manager: see and deregister the domains registered in the partner's capacity.
 *
 * @event capacity-manager-open - The dialog opened through `show()`. Not when the host sets `open`. Detail `{}`.
 * @event capacity-manager-close - The dialog closed through Escape, the close button, a backdrop click or `close()`;
 *   focus is back on the opener. Not when the host sets `open`. Detail `{}`.
 * @event capacity-deregister-request - Cancelable; the user confirmed a deregistration that is about to be sent.
 *   Detail `{ registrations }`. `preventDefault()` stops it; the selection stays.
 * @event lead-deregistered - A deregistration succeeded. Detail `{ removed, missing, capacity }` (`removed` and
 *   `missing` are registration ids; `missing` ones were already gone). Fires even when the manager was closed
 *   while the request ran.
 * @event capacity-change - The capacity changed (here, through another element, or in another tab). Detail `{ capacity }`.
 * @event lead-registration-error - A backend call failed. Detail `{ error }`, a `CapacityError`.
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart header - The title bar with the close button.
 * @csspart table - The table of registrations.
 * @csspart footer - The bar with the page size and pagination.
 * @csspart confirmation - The deregistration confirmation dialog.
 *
 * @cssprop [--lr-accent=light-dark(#0b63c5, #6cb2ff)] - Primary buttons, links, focus ring and sort marks.
 * @cssprop [--lr-on-accent=light-dark(#ffffff, #06203d)] - Text on the accent colour.
 * @cssprop [--lr-surface=light-dark(#ffffff, #1b1f24)] - Dialog background.
 * @cssprop [--lr-surface-alt=light-dark(#f4f6f8, #252a31)] - Table header, hovered and selected rows, skeletons.
 * @cssprop [--lr-text=light-dark(#1c2430, #e8ecf1)] - Text.
 * @cssprop [--lr-muted=light-dark(#52606d, #a9b4c0)] - Secondary text.
 * @cssprop [--lr-border=light-dark(#cbd2d9, #424a55)] - Borders and rules.
 * @cssprop [--lr-danger=light-dark(#b42318, #ff8b80)] - The deregister action and errors.
 * @cssprop [--lr-success=light-dark(#1e7b34, #7ddc94)] - Success announcements.
 * @cssprop [--lr-radius=6px] - Corner radius.
 * @cssprop [--lr-focus-ring=2px solid var(--lr-accent)] - Focus outline.
 * @cssprop [--lr-backdrop=rgb(15 20 25 / 0.55)] - The backdrop behind the dialog.
 * @cssprop [--lr-manager-width=72rem] - The dialog's widest width.
 */
export class CapacityManagerElement extends LitElement {
  static override styles = [theme, capacityManagerStyles];

  /**
   * Whether the dialog is open. Reflected; setting it opens or closes the dialog, quietly: the open
   * and close events are for `show()`, `close()` and the user.
   */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Base URL of a REST backend (contract section 5); used when no `backend` is set. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;

  /** The `CapacityBackend` to use; takes precedence over `api-base` and any `<capacity-provider>`. */
  @property({ attribute: false }) backend: CapacityBackend | undefined;

  @state() private panelStatus: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';

  readonly #capacity = new CapacityController(this, { loadCapacity: false });
  /** Where focus was when the manager opened: it goes back there on close. */
  #opener: HTMLElement | undefined;
  /** Set on open: once the panel is there, focus moves to its search field. */
  #focusPanel = false;
  #pressedOnBackdrop = false;
  /** Set by `show()` and `close()`: the change of `open` they make is announced with an event once the dialog follows. */
  #announce = false;

  /** Opens the manager and dispatches `capacity-manager-open`; focus returns to the element focused now when it closes. */
  show(): void {
    if (this.open) return;
    this.#opener = deepActiveElement();
    this.#announce = true;
    this.open = true;
  }

  /**
   * Closes the manager and dispatches `capacity-manager-close`. A deregistration already sent still
   * completes and updates the page.
   */
  close(): void {
    if (!this.open) return;
    this.#announce = true;
    this.open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate(); // shows the dialog again if the element was moved while open
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed modal dialog stays "open" but is no longer modal: close it, and show it again on
    // reconnection (`open` stays true). Its close event comes later, maybe after that: see #onClose.
    const dialog = this.#dialog;
    if (dialog?.open) dialog.close();
  }

  protected override firstUpdated(): void {
    // Fetch the panel while the page is idle, so that opening is instant.
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void loadPanel().catch(() => undefined));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.open && changed.has('open')) this.#preparePanel(); // after a failed load, each open tries again
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.#dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      if (!this.isConnected) return; // it opens, and says so if show() asked, once connected
      this.#opener ??= deepActiveElement();
      dialog.showModal();
      this.#focusPanel = true;
      if (this.#announce) emit(this, 'capacity-manager-open', {});
    } else if (!this.open && dialog.open) {
      dialog.close();
      this.#afterClose(this.#announce);
    }
    // show() then close() before an update (or the reverse) changed nothing: nothing to announce.
    this.#announce = false;
    if (this.#focusPanel && this.panelStatus === 'ready') void this.#moveFocusToPanel();
  }

  protected override render(): TemplateResult {
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
          ${this.open ? this.#renderBody() : nothing}
        </div>
      </dialog>
    `;
    /* eslint-enable lit-a11y/click-events-have-key-events */
  }

  #renderBody(): TemplateResult {
    const controller = this.#capacity;
    if (controller.configError) return html`<p class="placeholder" role="alert">${controller.configError}</p>`;
    if (this.panelStatus === 'failed') {
      return html`
        <div class="placeholder" role="alert">
          <p>The Capacity Manager could not be loaded. Check your connection and retry.</p>
          <button class="button" type="button" @click=${() => this.#preparePanel()}>Retry</button>
        </div>
      `;
    }
    if (this.panelStatus !== 'ready' || !controller.sync) {
      return html`<p class="placeholder" role="status">Loading your registrations…</p>`;
    }
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
    return this.renderRoot.querySelector('dialog');
  }

  get #panel(): CapacityManagerPanelElement | null {
    return this.renderRoot.querySelector('capacity-manager-panel');
  }

  #preparePanel(): void {
    if (this.panelStatus === 'ready' || this.panelStatus === 'loading') return;
    this.panelStatus = 'loading';
    loadPanel().then(
      () => {
        this.panelStatus = 'ready';
      },
      (error: unknown) => {
        console.error('<capacity-manager>: the panel could not be loaded.', error);
        this.panelStatus = 'failed';
      },
    );
  }

  // Focus starts on the close button (the first focusable while the panel loads); once the panel is
  // there it moves to the search field, unless the user has already gone somewhere else.
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
    this.close();
  }

  #onCancel(event: Event): void {
    // Escape: handled here rather than by the browser so that it takes the same path as the rest.
    if (event.target !== event.currentTarget) return;
    event.preventDefault();
    this.#requestClose('escape');
  }

  #onClose(event: Event): void {
    const dialog = event.currentTarget as HTMLDialogElement;
    if (event.target !== dialog) return;
    if (!this.open) return; // closed by updated(), which has done the rest
    // Closed by disconnectedCallback: the element is away, or was moved and its dialog shown again
    // before this (queued) event arrived. Moving is neither closing nor opening.
    if (!this.isConnected || dialog.open) return;
    // The browser closed it without a cancel event (a close watcher lets a second Escape through): the user's doing.
    this.open = false;
    this.#afterClose(true);
  }

  /** Focus goes back to the opener; `announce` when the close was the user's or `close()`'s. */
  #afterClose(announce: boolean): void {
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
    if (announce) emit(this, 'capacity-manager-close', {});
  }

  // The dialog fills its box with content, so a press whose target is the dialog itself landed on
  // the backdrop. Both press and release must be there: a drag out of a text field is not a dismissal.
  #onPointerDown(event: PointerEvent): void {
    this.#pressedOnBackdrop = this.#isBackdrop(event);
  }

  #onClick(event: MouseEvent): void {
    const pressed = this.#pressedOnBackdrop;
    this.#pressedOnBackdrop = false;
    if (pressed && this.#isBackdrop(event)) this.#requestClose('backdrop');
  }

  #isBackdrop(event: MouseEvent): boolean {
    const dialog = this.#dialog;
    if (!dialog || event.target !== dialog) return false;
    const box = dialog.getBoundingClientRect();
    return event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
  }
}
