import { css, html, isServer, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { BackendController } from '../../controllers/backend-controller.js';
import { LazyBody } from '../../controllers/lazy-body.js';
import { ModalDialogController } from '../../controllers/modal-dialog.js';
import { emit } from '../../events.js';
import { deepActiveElement } from '../../focus.js';
import { booleanAttribute } from '../../host-values.js';
import { theme } from '../../styles/theme.js';
import { BackendElement } from '../backend-element.js';
import type { CapacityManagerDialog } from './capacity-manager-dialog.js';
import { initialManagerState, nextManagerState, type ManagerEvent, type ManagerState } from './manager-state.js';

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

/**
 * The Partner Registration Capacity dashboard as a modal dialog: the partner's capacity, every
 * registered domain (searchable, sortable, paged) and deregistration of a selection. Open it from a
 * "Capacity" item in the host's navigation with `show()` or the `open` attribute; the
 * `<lead-registration-card>` opens it from its gear menu. Focus returns to the opener on close.
 *
 * Its open and close events report activity, never the host's configuration (docs/contract.md#events):
 * `show()` and `close()` (which a host's navigation button and the card's gear menu call on a user's
 * click) and the user's own ways of closing dispatch them; setting `open` does not.
 *
 * @tagname capacity-manager
 * @summary The Capacity Manager: see, renew, deregister and export the domains registered in the partner's capacity.
 *
 * @event capacity-manager-open - The dialog opened through `show()`. Not when the host sets `open`. Detail `{}`.
 * @event capacity-manager-close - The dialog closed through Escape, the close button, a backdrop click or `close()`;
 *   focus is back on the opener. Not when the host sets `open`. Detail `{}`.
 * @event capacity-deregister-request - Cancelable; the user confirmed a deregistration that is about to be sent.
 *   Detail `{ registrations }`. `preventDefault()` stops it; the selection stays.
 * @event lead-deregistered - A deregistration succeeded. Detail `{ removed, missing, capacity }` (`removed` and
 *   `missing` are registration ids; `missing` ones were already gone). Fires even when the manager was closed
 *   while the request ran.
 * @event lead-renewed - The bulk Renew was answered. Detail `{ renewed, refused, capacity }` (a `RenewResult`:
 *   each refusal with its `reason`). Fires even when the manager was closed while the request ran.
 * @event capacity-change - The capacity changed (here, through another element, or in another tab).
 *   Detail `{ capacity }`.
 * @event lead-registration-error - A backend call of the manager's failed. Once per failed call.
 *   Detail `{ error, operation }`.
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart header - The title bar with the close button.
 * @csspart table - The table of registrations.
 * @csspart footer - The bar with the page size and pagination.
 * @csspart confirmation - The deregistration confirmation dialog.
 * @csspart renewal - The renewal's confirmation dialog, and its outcome.
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
export class CapacityManagerElement extends BackendElement {
  static override properties: PropertyDeclarations = {
    open: { converter: booleanAttribute, reflect: true },
  };

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
   * and close events are for `show()`, `close()` and the user. The attribute's text `false` means closed.
   */
  declare open: boolean;

  /**
   * The backend, resolved once for the manager and everything in it (for its lazily loaded dialog).
   * @internal
   */
  readonly backendController: BackendController = new BackendController(this);
  #state: ManagerState<HTMLElement> = initialManagerState();
  // The dialog, the table, search, selection and confirmation are a chunk of their own: a page that
  // only shows the card never downloads them. The browser loads it once for every manager on the page.
  readonly #body = new LazyBody<CapacityManagerDialog>(this, () =>
    import('./capacity-manager-dialog.js').then(({ CapacityManagerDialog }) => new CapacityManagerDialog(this)),
  );
  constructor() {
    super();
    this.open = false;
    // Until the chunk is there, or when it could not be fetched (the network went away), a small dialog
    // stands in. Closing it says nothing: the manager had not opened yet.
    new ModalDialogController(this, {
      dialog: () => this.renderRoot.querySelector('dialog.pending'),
      open: () => this.phase === 'loading' || this.phase === 'load-failed',
      onRequestClose: () => this.dispatch({ type: 'close', announce: false }),
      returnFocus: () => this.#state.opener,
    });
  }

  /**
   * Where the manager is in its opening and closing (see manager-state.ts).
   * @internal
   */
  get phase(): ManagerState<HTMLElement>['phase'] {
    return this.#state.phase;
  }

  /**
   * Where focus goes back when the manager closes.
   * @internal
   */
  get opener(): HTMLElement | undefined {
    return this.#state.opener;
  }

  /**
   * Opens the manager and dispatches `capacity-manager-open`; focus returns to the element focused now when it closes.
   */
  show(): void {
    this.dispatch({ type: 'open', announce: true, opener: deepActiveElement(), ready: this.#body.body !== undefined });
  }

  /**
   * Closes the manager and dispatches `capacity-manager-close`. A deregistration already sent still
   * completes and updates the page.
   */
  close(): void {
    this.dispatch({ type: 'close', announce: true });
  }

  /**
   * Moves the state machine on, dispatches the events it says are due, and keeps `open` in step (for
   * the manager's dialog; a host calls show() and close()).
   * @internal
   */
  dispatch(event: ManagerEvent<HTMLElement>): void {
    const { state, effects } = nextManagerState(this.#state, event);
    const moved = state.phase !== this.#state.phase;
    this.#state = state;
    if (moved) {
      this.open = state.phase !== 'closed';
      if (state.phase === 'loading') void this.#load();
      this.requestUpdate();
    }
    for (const effect of effects)
      emit(this, effect === 'announce-open' ? 'capacity-manager-open' : 'capacity-manager-close', {});
  }

  protected override firstUpdated(): void {
    // Fetch the dialog while the page is idle, so that opening is instant.
    whenIdle(() => void this.#body.load());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The host set `open`: the same path as show() and close(), quietly. Not on a server that renders the page: the
    // dialog opens in the browser.
    if (!isServer && changed.has('open') && this.open !== (this.#state.phase !== 'closed')) {
      this.dispatch(
        this.open
          ? { type: 'open', announce: false, opener: deepActiveElement(), ready: this.#body.body !== undefined }
          : { type: 'close', announce: false },
      );
    }
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.#body.updateComplete(() => super.getUpdateComplete());
  }

  protected override render(): TemplateResult {
    const body = this.#body;
    if (body.body) return body.body.render(this.localizer);
    // Rendered closed too, so that it is there to close (and give focus back) when an opening is abandoned.
    const failed = this.phase === 'load-failed';
    const l = this.localizer;
    return html`
      <dialog
        class="pending"
        aria-labelledby="pending-title"
        lang=${l.mark?.lang ?? nothing}
        dir=${l.mark?.dir ?? nothing}
      >
        <h2 id="pending-title">${l.t('manager.title')}</h2>
        ${
          failed
            ? html`<p role="alert">${l.t('manager.codeFailed')}</p>`
            : html`<p role="status">${l.t('manager.codeLoading')}</p>`
        }
        <form method="dialog">
          ${
            failed
              ? html`<button
                  class="button primary"
                  type="button"
                  aria-disabled=${body.loading ? 'true' : 'false'}
                  @click=${() => void this.#load()}
                >
                  ${l.t(body.loading ? 'common.retrying' : 'common.retry')}
                </button>`
              : nothing
          }
          <button class="button">${l.t('common.close')}</button>
        </form>
      </dialog>
    `;
  }

  // After a failed load, each opening and each Retry tries again.
  async #load(): Promise<void> {
    await this.#body.load();
    this.dispatch({ type: this.#body.body ? 'loaded' : 'load-failed' });
  }
}
