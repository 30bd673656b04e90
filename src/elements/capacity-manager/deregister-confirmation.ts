import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ModalDialogController } from '../../controllers/modal-dialog.js';
import { displayDomain } from '../../core/display-domain.js';
import { CapacityError } from '../../core/errors.js';
import { MAX_DEREGISTER_IDS } from '../../core/records.js';
import type { DeregisterResult, Registration } from '../../core/types.js';
import { randomUuid } from '../../core/uuid.js';
import { emit } from '../../events.js';
import { errorText } from '../../i18n/error-text.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { Phrase } from '../../i18n/types.js';
import type { BackendState } from '../../state/backend-state.js';

/** What the manager's bulk actions (Deregister, Renew) act on and where they say what happened. */
export interface BulkActionOptions {
  state: () => BackendState | undefined;
  /** The selected registrations. */
  selection: () => ReadonlyMap<string, Registration>;
  /** These ids were acted on (the panel takes them out of the selection). */
  onDone: (ids: readonly string[]) => void;
  localizer: () => Localizer;
  /** Where its events go, and where a failure is reported: the manager. */
  eventTarget: () => EventTarget;
  /** The host's shadow root, where the confirmation and its button are. */
  root: () => ParentNode;
  /** Says an outcome in the panel's status region ('' empties it). */
  announce: (text: string) => void;
}

/**
 * The manager's Deregister: the confirmation over the selection, a cancelable `capacity-deregister-request`, the call
 * through the shared state (every element updates, even once the panel is gone) and its outcome. On failure nothing is
 * lost: the confirmation shows why, with Retry under the same Idempotency-Key, over the unchanged selection.
 */
export class Deregistration {
  readonly #host: ReactiveControllerHost;
  readonly #options: BulkActionOptions;
  #confirming = false;
  #deregistering = false;
  #error: CapacityError | undefined;
  /** One user action's key, reused by its retries so that the server applies it once. */
  #idempotencyKey: string | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: BulkActionOptions) {
    this.#host = host;
    this.#options = options;
    new ModalDialogController(host, {
      dialog: () => options.root().querySelector('dialog.confirmation:not(.renewal)'),
      open: () => this.#confirming,
      // An alert dialog: Escape cancels it, a click beside it does nothing; nothing closes it under a running request.
      onRequestClose: (request) => {
        if (request !== 'backdrop') this.cancel();
      },
      onShown: (dialog) => dialog.querySelector<HTMLButtonElement>('#cancel')?.focus(),
      returnFocus: () => options.root().querySelector<HTMLElement>('#deregister') ?? undefined,
    });
  }

  /** Whether a deregistration is on its way (the manager does not close under it). */
  get deregistering(): boolean {
    return this.#deregistering;
  }

  open(): void {
    if (this.#options.selection().size === 0 || this.#confirming) return;
    this.#error = undefined;
    this.#idempotencyKey = randomUuid();
    this.#set(true);
  }

  cancel(): void {
    if (!this.#deregistering) this.#set(false);
  }

  async confirm(): Promise<void> {
    const state = this.#options.state();
    const selection = this.#options.selection();
    if (this.#deregistering || !state || selection.size === 0 || selection.size > MAX_DEREGISTER_IDS) return;
    const registrations = [...selection.values()];
    const target = this.#options.eventTarget();
    if (!emit(target, 'capacity-deregister-request', { registrations }, { cancelable: true })) {
      this.#set(false); // the host stopped it: nothing sent, the selection stays
      return;
    }
    const l = this.#options.localizer();
    const ids = registrations.map((registration) => registration.id);
    const idempotencyKey = (this.#idempotencyKey ??= randomUuid());
    this.#deregistering = true;
    this.#error = undefined;
    this.#options.announce('');
    this.#host.requestUpdate();
    try {
      const result = await state.deregister(ids, { reporter: target, idempotencyKey, locale: l.locale });
      this.#idempotencyKey = undefined;
      this.#options.onDone(ids);
      this.#options.announce(deregisteredMessage(result, l));
      this.#confirming = false;
      emit(target, 'lead-deregistered', result);
    } catch (error) {
      this.#error = CapacityError.from(error);
    } finally {
      this.#deregistering = false;
      this.#host.requestUpdate();
    }
  }

  render(l: Localizer): TemplateResult {
    return renderConfirmation({
      localizer: l,
      registrations: [...this.#options.selection().values()],
      deregistering: this.#deregistering,
      error: this.#error,
      cancel: () => this.cancel(),
      confirm: () => void this.confirm(),
    });
  }

  #set(confirming: boolean): void {
    this.#confirming = confirming;
    this.#host.requestUpdate();
  }
}

interface ConfirmationModel {
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
function renderConfirmation(model: ConfirmationModel): TemplateResult {
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
function deregisteredMessage(result: DeregisterResult, l: Localizer): string {
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
