import { html, nothing, type TemplateResult } from 'lit';
import type { CapacityError } from '../../core/errors.js';
import { MAX_DEREGISTER_IDS } from '../../core/records.js';
import type { DeregisterResult, Registration } from '../../core/types.js';
import { domainCount, formatNumber } from '../../format.js';

export interface ConfirmationModel {
  element: Element;
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
  const { element, deregistering: busy, error } = model;
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
      <h3 id="confirm-title">Deregister ${domainCount(count, element)}?</h3>
      <p class="explanation" id="confirm-explanation">
        Deregistering releases ${count === 1 ? 'this domain' : 'these domains'} from your capacity. You will no longer
        be eligible for commission or Sold MRR benefits if
        ${count === 1 ? 'this prospect buys' : 'these prospects buy'}.
      </p>
      <ul class="domains" tabindex="0" aria-label="Domains to deregister">
        ${registrations.map((registration) => html`<li title=${registration.domain}>${registration.domain}</li>`)}
      </ul>
      ${
        tooMany
          ? html`<p class="error" role="alert">
              You can deregister up to ${formatNumber(MAX_DEREGISTER_IDS, element)} domains at a time. Select fewer and
              try again.
            </p>`
          : nothing
      }
      ${error ? html`<p class="error" role="alert">${error.message}</p>` : nothing}
      <div class="actions">
        <button
          id="cancel"
          class="button"
          type="button"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${model.cancel}
        >
          Cancel
        </button>
        <button
          id="confirm"
          class="button danger"
          type="button"
          aria-disabled=${busy || tooMany ? 'true' : 'false'}
          aria-busy=${busy ? 'true' : 'false'}
          @click=${model.confirm}
        >
          ${busy ? 'Deregistering…' : error ? 'Retry' : 'Yes, deregister'}
        </button>
      </div>
    </dialog>
  `;
}

/** What the status region says after a deregistration: "3 domains deregistered. 134 of 500 used." */
export function deregisteredMessage(result: DeregisterResult, element: Element): string {
  const removed = result.removed.length;
  const missing = result.missing.length;
  const sentences: string[] = [];
  if (removed > 0 || missing === 0) sentences.push(`${domainCount(removed, element)} deregistered.`);
  if (missing > 0) {
    const subject = removed > 0 ? formatNumber(missing, element) : domainCount(missing, element);
    sentences.push(`${subject} ${missing === 1 ? 'was' : 'were'} already deregistered.`);
  }
  const { used, limit } = result.capacity;
  sentences.push(`${formatNumber(used, element)} of ${formatNumber(limit, element)} used.`);
  return sentences.join(' ');
}
