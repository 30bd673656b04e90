import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { CapacityController } from '../../controllers/capacity-controller.js';
import { LazyBody } from '../../controllers/lazy-body.js';
import type { CapacityBackend } from '../../core/types.js';
import { deepActiveElement, focusIsLost } from '../../focus.js';
import { theme } from '../../styles/theme.js';
import type { CapacityManagerDialog } from './capacity-manager-dialog.js';

let prefetched: Promise<unknown> | undefined;

/**
 * Fetches the Capacity Manager's chunk ahead of its opening, once: for an element that opens one
 * when the user shows the intent (the card, when its gear menu opens or it offers "Manage your
 * capacity"). A failure is left to the opening, which says so and retries.
 */
export function prefetchCapacityManager(): void {
  prefetched ??= import('./capacity-manager-dialog.js').catch(() => {
    prefetched = undefined;
  });
}

/** `run` once the page is idle (or soon, where there is no requestIdleCallback: Safari). */
function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run);
  else setTimeout(run, 200);
}

/** Set by `show()` and `close()`, read by the dialog once it follows `open`. */
export interface OpenIntent {
  /** Where focus was when the manager opened: it goes back there on close. */
  opener: HTMLElement | undefined;
  /** The change of `open` that `show()` or `close()` made is announced with an event once the dialog follows. */
  announce: boolean;
}

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
  static override styles = [
    theme,
    css`
      :host {
        display: contents;
      }

      .pending {
        width: min(30rem, calc(100vw - 2rem));
        padding: 1.25rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
      }

      .pending h2 {
        margin: 0 0 0.5rem;
        font-size: 1.125rem;
      }

      .pending p {
        margin: 0 0 1rem;
      }

      .pending [role='alert'] {
        color: var(--_danger);
      }

      .pending form {
        display: flex;
        gap: 0.5rem;
        justify-content: flex-end;
      }
    `,
  ];

  /**
   * Whether the dialog is open. Reflected; setting it opens or closes the dialog, quietly: the open
   * and close events are for `show()`, `close()` and the user.
   */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Base URL of a REST backend (contract section 5); used when no `backend` is set. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;

  /** The `CapacityBackend` to use; takes precedence over `api-base` and any `<capacity-provider>`. */
  @property({ attribute: false }) backend: CapacityBackend | undefined;

  readonly #capacity = new CapacityController(this, { loadCapacity: false });
  readonly #intent: OpenIntent = { opener: undefined, announce: false };
  // The dialog, the table, search, selection and confirmation are a chunk of their own: a page that
  // only shows the card never downloads them. The browser loads it once for every manager on the page.
  readonly #body = new LazyBody<CapacityManagerDialog>(this, () =>
    import('./capacity-manager-dialog.js').then(
      ({ CapacityManagerDialog }) => new CapacityManagerDialog(this, this.#capacity, this.#intent),
    ),
  );

  /** Opens the manager and dispatches `capacity-manager-open`; focus returns to the element focused now when it closes. */
  show(): void {
    if (this.open) return;
    this.#intent.opener = deepActiveElement();
    this.#intent.announce = true;
    this.open = true;
  }

  /**
   * Closes the manager and dispatches `capacity-manager-close`. A deregistration already sent still
   * completes and updates the page.
   */
  close(): void {
    if (!this.open) return;
    this.#intent.announce = true;
    this.open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.#body.body) this.requestUpdate(); // shows the stand-in again if it was moved while open
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed modal dialog stays open but no longer modal: close it, shown again on reconnection.
    this.#pendingDialog?.close();
  }

  protected override firstUpdated(): void {
    // Fetch the dialog while the page is idle, so that opening is instant.
    whenIdle(() => void this.#body.load());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!changed.has('open') || this.#body.body) return; // once the dialog is there, it follows `open`
    if (this.open) {
      this.#intent.opener ??= deepActiveElement();
      void this.#body.load(); // after a failed load, each open tries again
    } else {
      this.#abandonOpening();
    }
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.#body.updateComplete(() => super.getUpdateComplete());
  }

  protected override updated(): void {
    const pending = this.#pendingDialog;
    if (pending && !pending.open && this.isConnected) pending.showModal();
  }

  protected override render(): TemplateResult | typeof nothing {
    const body = this.#body;
    if (body.body) return body.body.render();
    if (!this.open) return nothing;
    // Until its chunk is there, or when it could not be fetched (the network went away), a small
    // dialog stands in. The manager has not opened yet: its events wait for the real dialog, and
    // closing this one says nothing.
    return html`
      <dialog class="pending" aria-labelledby="pending-title" @close=${this.#onPendingClose}>
        <h2 id="pending-title">Partner Registration Capacity</h2>
        ${
          body.failed
            ? html`<p role="alert">The Capacity Manager could not be loaded. Check your connection and retry.</p>`
            : html`<p role="status">Loading the Capacity Manager…</p>`
        }
        <form method="dialog">
          ${
            body.failed
              ? html`<button
                  class="button primary"
                  type="button"
                  aria-disabled=${body.loading ? 'true' : 'false'}
                  @click=${() => void body.load()}
                >
                  ${body.loading ? 'Retrying…' : 'Retry'}
                </button>`
              : nothing
          }
          <button class="button">Close</button>
        </form>
      </dialog>
    `;
  }

  get #pendingDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog.pending');
  }

  // Escape or Close on the stand-in. Not a close of its own (disconnected, or moved and shown again).
  #onPendingClose(event: Event): void {
    const dialog = event.currentTarget as HTMLDialogElement;
    if (dialog.isConnected && !dialog.open && this.isConnected) this.open = false;
  }

  // Closed before the dialog came: nothing was announced, so nothing is; focus goes back to the
  // opener if it was in the stand-in, and the next opening starts afresh.
  #abandonOpening(): void {
    const opener = this.#intent.opener;
    this.#intent.opener = undefined;
    this.#intent.announce = false;
    const focusWasHere = this.shadowRoot?.activeElement != null || focusIsLost();
    this.#pendingDialog?.close(); // the page behind it is inert until it closes: the opener could not take focus
    if (focusWasHere) opener?.focus();
  }
}
