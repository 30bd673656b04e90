import { html, nothing, type TemplateResult } from 'lit';
import { displayDomain } from '../../core/display-domain.js';
import type { CapacityError } from '../../core/errors.js';
import { MAX_DEREGISTER_IDS } from '../../core/records.js';
import type { DeregisterResult, Registration } from '../../core/types.js';
import { errorText } from '../../i18n/error-text.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { Phrase } from '../../i18n/types.js';

export interface ConfirmationModel {
  localizer: Localizer;
  registrations: readonly Registration[];
  deregistering: boolean;
  error: CapacityError | undefined;
  cancel: () => void;
  confirm: () => void;
}

/**
 * The confirmation of a deregistration: an alert dialog that says what deregistering costs and lists
 * every domain, with the initial focus on Cancel (the panel's ModalDialogController shows it). While
 * the request runs nothing closes it (`closedby="none"`), so that its outcome has somewhere to show.
 */
export function renderConfirmation(model: ConfirmationModel): TemplateResult {
  const { localizer: l, deregistering: busy, error } = model;
  const registrations = [...model.registrations].sort((a, b) =>
    a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0,
  );
  const count = registrations.length;
  const tooMany = count > MAX_DEREGISTER_IDS;
  return html`
    <dialog
      class="confirmation"
      part="confirmation"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-explanation"
      closedby=${busy ? 'none' : nothing}
    >
      <h3 id="confirm-title">${l.t('confirm.title', { count })}</h3>
      <p class="explanation" id="confirm-explanation">${l.t('confirm.explanation', { count })}</p>
      <ul class="domains" tabindex="0" aria-label=${l.t('confirm.domains')}>
        ${registrations.map(
          (registration) =>
            html`<li dir="auto" title=${displayDomain(registration.domain)}>${displayDomain(registration.domain)}</li>`,
        )}
      </ul>
      ${
        tooMany
          ? html`<p class="error" role="alert">${l.t('confirm.tooMany', { max: MAX_DEREGISTER_IDS })}</p>`
          : nothing
      }
      ${error ? html`<p class="error" role="alert">${errorText(l, error)}</p>` : nothing}
      <div class="actions">
        <button
          id="cancel"
          class="button"
          type="button"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${model.cancel}
        >
          ${l.t('confirm.cancel')}
        </button>
        <button
          id="confirm"
          class="button danger"
          type="button"
          aria-disabled=${busy || tooMany ? 'true' : 'false'}
          aria-busy=${busy ? 'true' : 'false'}
          @click=${model.confirm}
        >
          ${l.t(busy ? 'confirm.deregistering' : error ? 'common.retry' : 'confirm.confirm')}
        </button>
      </div>
    </dialog>
  `;
}

/** What the status region says after a deregistration: "3 domains deregistered. 134 of 500 used." */
export function deregisteredMessage(result: DeregisterResult, l: Localizer): string {
  const removed = result.removed.length;
  const missing = result.missing.length;
  const sentences: Phrase[] = [];
  if (removed > 0 || missing === 0) sentences.push({ id: 'manager.deregistered', values: { count: removed } });
  if (missing > 0) {
    const id = removed > 0 ? 'manager.alsoAlreadyDeregistered' : 'manager.alreadyDeregistered';
    sentences.push({ id, values: { count: missing } });
  }
  const { used, limit } = result.capacity;
  sentences.push({ id: 'manager.used', values: { used, limit } });
  return sentences
    .map((sentence) => l.say(sentence))
    .reduce((first, second) => l.t('common.sentences', { first, second }));
}
