import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localizer.js';

export interface SelectionModel {
  localizer: Localizer;
  /** How many registrations are selected. */
  count: number;
  /** Whether Renew is offered (the backend renews). */
  renewable: boolean;
  clearSelection: () => void;
  renew: () => void;
  deregister: () => void;
}

/**
 * What the selection is and what can be done with it: "3 selected" with Clear, Renew and Deregister. With nothing
 * selected the buttons stay focusable but cannot act, and the note beside them, which they point to, says why.
 */
export function renderSelectionActions(model: SelectionModel): TemplateResult {
  const { localizer: l, count } = model;
  const size = count > 0 ? html` <span class="count">${l.number(count)}</span>` : '';
  const inert = count === 0 ? 'true' : 'false';
  const reason = count === 0 ? 'selection-hint' : nothing;
  const clear = l.t('manager.clearSelection');
  const hint = l.t(model.renewable ? 'manager.selectToRenewOrDeregister' : 'manager.selectToDeregister');
  return html`
    <div class="selection">
      ${
        count > 0
          ? html`
              <span class="selection-size">${l.t('manager.selected', { count })}</span>
              <button class="link" type="button" @click=${model.clearSelection}>${clear}</button>
            `
          : html`<span class="selection-size" id="selection-hint">${hint}</span>`
      }
      ${
        model.renewable
          ? html`<button
              id="renew"
              class="button"
              type="button"
              aria-disabled=${inert}
              aria-describedby=${reason}
              @click=${model.renew}
            >
              ${l.t('manager.renew')}${size}
            </button>`
          : nothing
      }
      <button
        id="deregister"
        class="button danger"
        type="button"
        aria-disabled=${inert}
        aria-describedby=${reason}
        @click=${model.deregister}
      >
        ${l.t('manager.deregister')}${size}
      </button>
    </div>
  `;
}
