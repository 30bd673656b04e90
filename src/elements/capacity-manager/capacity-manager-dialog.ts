import { html, nothing, type TemplateResult } from 'lit';
import type { ElementBody } from '../../controllers/lazy-body.js';
import { ModalDialogController, type CloseRequest } from '../../controllers/modal-dialog.js';
import { defineElement } from '../../define-element.js';
import { deepActiveElement } from '../../focus.js';
import type { Localizer } from '../../i18n/localizer.js';
import { modalDialog } from '../../styles/modal-dialog.js';
import { capacityManagerDialogStyles } from './capacity-manager-dialog.styles.js';
import { CapacityManagerPanelElement } from './capacity-manager-panel.js';
import type { CapacityManagerElement } from './capacity-manager.js';

defineElement('capacity-manager-panel', CapacityManagerPanelElement);
// The panel shows a <capacity-meter>: its body comes now, with this chunk, not when the panel first renders.
void import('../capacity-meter/capacity-meter-body.js').catch(() => undefined);

const closeIcon = html`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
  <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" stroke-width="2" stroke-linecap="round" fill="none" />
</svg>`;

/**
 * What `<capacity-manager>` is once its chunk has loaded: the modal dialog, with focus on its search
 * field once the table is there and back on the opener on close, and the table
 * (`<capacity-manager-panel>`). When it opens and closes is the manager's state machine's
 * (manager-state.ts); this dialog follows it.
 */
export class CapacityManagerDialog implements ElementBody {
  readonly styles = [modalDialog, capacityManagerDialogStyles];
  readonly #host: CapacityManagerElement;
  /** Set on open: once the panel is there, focus moves to its search field. */
  #focusPanel = false;

  constructor(host: CapacityManagerElement) {
    this.#host = host;
    new ModalDialogController(host, {
      dialog: () => host.renderRoot.querySelector('dialog'),
      open: () => host.phase === 'open',
      onRequestClose: (request) => this.#requestClose(request),
      onShown: () => {
        this.#focusPanel = true;
        host.dispatch({ type: 'shown' });
      },
      onClosed: () => host.dispatch({ type: 'hidden' }),
      returnFocus: () => host.opener,
    });
  }

  hostUpdated(): void {
    if (this.#focusPanel && this.#panel) void this.#moveFocusToPanel();
  }

  render(l: Localizer): TemplateResult {
    const host = this.#host;
    return html`
      <dialog part="dialog" aria-labelledby="title" lang=${l.mark?.lang ?? nothing} dir=${l.mark?.dir ?? nothing}>
        <div class="frame">
          <div class="header" part="header">
            <h2 id="title">${l.t('manager.title')}</h2>
            <button
              class="close"
              type="button"
              aria-label=${l.t('common.close')}
              @click=${() => this.#requestClose('close-button')}
            >
              ${closeIcon}
            </button>
          </div>
          ${host.phase === 'open' ? this.#renderBody(l) : nothing}
        </div>
      </dialog>
    `;
  }

  #renderBody(l: Localizer): TemplateResult {
    const controller = this.#host.backendController;
    if (controller.configError) return html`<p class="placeholder" role="alert">${l.say(controller.configError)}</p>`;
    if (!controller.state) return html`<p class="placeholder" role="status">${l.t('manager.loading')}</p>`;
    return html`
      <capacity-manager-panel
        exportparts="table, footer, confirmation, renewal"
        .state=${controller.state}
        .manager=${this.#host}
      ></capacity-manager-panel>
    `;
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
    const dialog = this.#host.renderRoot.querySelector('dialog');
    if (dialog?.open && (!active || active === dialog || active.classList.contains('close'))) panel.focus();
  }

  /**
   * The one way the user closes the manager. A stray click on the backdrop must not throw away a
   * selection that took a while to build, so it only closes when nothing is selected. Nothing closes
   * it under a running deregistration or renewal, whose outcome (a failure, with Retry) is shown in it.
   */
  #requestClose(request: CloseRequest | 'close-button'): void {
    const panel = this.#panel;
    if (panel?.isDeregistering || panel?.isRenewing) return;
    if (request === 'backdrop' && panel?.hasSelection) return;
    this.#host.close();
  }
}
