import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ModalDialogController } from '../../controllers/modal-dialog.js';
import { displayDomain } from '../../core/display-domain.js';
import { CapacityError } from '../../core/errors.js';
import { lifecycleClock, NO_EXPIRY_POLICY, policyRenews, renewalOf } from '../../core/lifecycle.js';
import { MAX_DEREGISTER_IDS } from '../../core/records.js';
import type { Registration, RenewRefusal, RenewResult } from '../../core/types.js';
import { randomUuid } from '../../core/uuid.js';
import { emit } from '../../events.js';
import { errorText } from '../../i18n/error-text.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { Phrase } from '../../i18n/types.js';
import type { BulkActionOptions } from './deregister-confirmation.js';

/** The most ids one renewal takes, as for a deregistration (docs/openapi.json). */
const MAX_RENEW_IDS = MAX_DEREGISTER_IDS;

type Phase = 'closed' | 'confirming' | 'renewing' | 'done';

/**
 * The manager's bulk Renew: a confirmation that lists each selected domain with the new date the lifecycle's rule
 * gives it (or why the rule says it cannot be renewed now: the server's answer decides), the call through the
 * shared state, then each refusal per domain, in words, with the refused domains left selected.
 */
export class BulkRenew {
  readonly #host: ReactiveControllerHost;
  readonly #options: BulkActionOptions;
  #phase: Phase = 'closed';
  #error: CapacityError | undefined;
  #result: RenewResult | undefined;
  /** What the confirmation lists, taken when it opens (the selection cannot change under a modal dialog). */
  #registrations: Registration[] = [];
  /** One user action's key, reused by its retries so that the server applies it once. */
  #idempotencyKey: string | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: BulkActionOptions) {
    this.#host = host;
    this.#options = options;
    new ModalDialogController(host, {
      dialog: () => options.root().querySelector('dialog.renewal'),
      open: () => this.#phase !== 'closed',
      onRequestClose: (request) => {
        if (request !== 'backdrop') this.close();
      },
      onShown: (dialog) => dialog.querySelector<HTMLButtonElement>('.actions .button')?.focus(),
      returnFocus: () => options.root().querySelector<HTMLElement>('#renew') ?? undefined,
    });
  }

  /**
   * Whether Renew is offered: the backend renews (a 0.2 host backend does not), and the host's policy lets
   * registrations expire and be renewed (no expiry, or a renewal window of 0, is a policy without renewal).
   */
  get offered(): boolean {
    const state = this.#options.state();
    const policy = state?.capacity?.policy;
    return (state?.canRenew ?? false) && policy !== undefined && policyRenews(policy);
  }

  /** Whether a renewal is on its way (the manager does not close under it). */
  get renewing(): boolean {
    return this.#phase === 'renewing';
  }

  open(): void {
    const selected = [...this.#options.selection().values()];
    if (!this.offered || selected.length === 0 || this.#phase !== 'closed') return;
    this.#registrations = selected.sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
    this.#error = undefined;
    this.#result = undefined;
    this.#idempotencyKey = randomUuid();
    this.#set('confirming');
  }

  /** Cancel before, or Close after: nothing closes it while the request runs. */
  close(): void {
    if (this.#phase !== 'renewing') this.#set('closed');
  }

  async confirm(): Promise<void> {
    const state = this.#options.state();
    const registrations = this.#registrations;
    if (this.#phase !== 'confirming' || !state || registrations.length > MAX_RENEW_IDS) return;
    // Nothing the rule would renew (the button says so by being inert): no request that cannot succeed.
    const policy = state.capacity?.policy ?? NO_EXPIRY_POLICY;
    const now = lifecycleClock.now();
    if (!registrations.some((registration) => renewalOf(registration, policy, now).renewable)) return;
    const l = this.#options.localizer();
    const target = this.#options.eventTarget();
    const ids = registrations.map((registration) => registration.id);
    const idempotencyKey = (this.#idempotencyKey ??= randomUuid());
    this.#error = undefined;
    this.#set('renewing');
    this.#options.announce('');
    try {
      // Through the shared state: every card of these contacts shows the new date, even if the manager is gone.
      const result = await state.renew(ids, { reporter: target, idempotencyKey, locale: l.locale });
      this.#idempotencyKey = undefined;
      this.#result = result;
      this.#options.onDone(result.renewed.map((registration) => registration.id));
      this.#options.announce(renewedMessage(result, l));
      // All renewed: done. Refusals stay on show, per domain, until the partner closes them.
      this.#set(result.refused.length === 0 ? 'closed' : 'done');
      emit(target, 'lead-renewed', result);
    } catch (error) {
      // Nothing is lost: the confirmation shows why, with Retry, over the same domains.
      this.#error = CapacityError.from(error);
      this.#set('confirming');
    }
  }

  #set(phase: Phase): void {
    this.#phase = phase;
    this.#host.requestUpdate();
  }

  /**
   * The confirmation, each domain with its new date or why the rule says it cannot be renewed now; after a renewal
   * with refusals, the same dialog lists each refused domain and why, with Close.
   */
  render(l: Localizer): TemplateResult {
    const busy = this.#phase === 'renewing';
    const count = this.#registrations.length;
    const tooMany = count > MAX_RENEW_IDS;
    const result = this.#phase === 'done' ? this.#result : undefined;
    const policy = this.#options.state()?.capacity?.policy ?? NO_EXPIRY_POLICY;
    const now = lifecycleClock.now();
    const byId = new Map(this.#registrations.map((registration) => [registration.id, registration.domain]));
    // Confirm acts only if the rule renews one of them at least (the server's answer then decides).
    let renewable = false;
    // Each line: a domain and its new date, or a refusal in words (which names the domain).
    const lines: TemplateResult[] = result
      ? result.refused.map((refusal) => refusalLine(refusal, refusal.domain ?? byId.get(refusal.id) ?? refusal.id, l))
      : this.#registrations.map((registration) => {
          const { domain } = registration;
          const check = renewalOf(registration, policy, now);
          renewable ||= check.renewable;
          return check.renewable
            ? html`<li>
                <span class="domain" dir="auto" title=${displayDomain(domain)}>${displayDomain(domain)}</span>
                <span>${l.t('renewal.newDate', { date: l.date(check.expiresAt) })}</span>
              </li>`
            : refusalLine(check, domain, l);
        });
    return html`
      <dialog
        class="confirmation renewal"
        part="renewal"
        aria-labelledby="renew-title"
        aria-describedby="renew-explanation"
        closedby=${busy ? 'none' : nothing}
      >
        <h3 id="renew-title">
          ${result ? l.t('renewal.notRenewed', { count: result.refused.length }) : l.t('renewal.title', { count })}
        </h3>
        <p class="explanation" id="renew-explanation">
          ${
            result
              ? l.t('renewal.renewed', { count: result.renewed.length })
              : policy.termDays === null
                ? nothing
                : l.t('renewal.explanation', { days: policy.termDays })
          }
        </p>
        <ul class="domains renewals" tabindex="0" aria-labelledby="renew-title">
          ${lines}
        </ul>
        ${
          !result && tooMany
            ? html`<p class="error" role="alert">${l.t('renewal.tooMany', { max: MAX_RENEW_IDS })}</p>`
            : nothing
        }
        ${!result && this.#error ? html`<p class="error" role="alert">${errorText(l, this.#error)}</p>` : nothing}
        <div class="actions">
          ${
            result
              ? html`<button id="renew-close" class="button primary" type="button" @click=${() => this.close()}>
                  ${l.t('common.close')}
                </button>`
              : html`<button
                    id="renew-cancel"
                    class="button"
                    type="button"
                    aria-disabled=${busy ? 'true' : 'false'}
                    @click=${() => this.close()}
                  >
                    ${l.t('confirm.cancel')}
                  </button>
                  <button
                    id="renew-confirm"
                    class="button primary"
                    type="button"
                    aria-disabled=${busy || tooMany || !renewable ? 'true' : 'false'}
                    aria-busy=${busy ? 'true' : 'false'}
                    @click=${() => void this.confirm()}
                  >
                    ${l.t(busy ? 'renewal.renewing' : this.#error ? 'common.retry' : 'manager.renew')}
                  </button>`
          }
        </div>
      </dialog>
    `;
  }
}

/**
 * Why renewing `domain` is, or was, refused, in words, the domain isolated (it may be written right to left): the
 * card's words (card-templates.ts), by the same ids. Not imported from there: the bundler would then split core
 * modules off the entry into a file of their own, one more request for a card-only page.
 */
function refusalParts(
  refusal: Pick<RenewRefusal, 'reason' | 'renewableFrom'>,
  domain: string,
  l: Localizer,
): unknown[] {
  const from = refusal.renewableFrom;
  return l.parts(`renewal.${refusal.reason}`, {
    domain: html`<bdi>${displayDomain(domain)}</bdi>`,
    date: from ? l.date(from) : '',
  });
}

/** A domain that will not be, or was not, renewed, and why. */
function refusalLine(
  refusal: Pick<RenewRefusal, 'reason' | 'renewableFrom'>,
  domain: string,
  l: Localizer,
): TemplateResult {
  return html`<li class="refusal" title=${displayDomain(domain)}>${refusalParts(refusal, domain, l)}</li>`;
}

/** What the status region says after a renewal: "2 domains renewed. 1 domain could not be renewed." */
function renewedMessage(result: RenewResult, l: Localizer): string {
  const sentences: Phrase[] = [{ id: 'renewal.renewed', values: { count: result.renewed.length } }];
  if (result.refused.length > 0) sentences.push({ id: 'renewal.notRenewed', values: { count: result.refused.length } });
  return sentences
    .map((sentence) => l.say(sentence))
    .reduce((first, second) => l.t('common.sentences', { first, second }));
}
