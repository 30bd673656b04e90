import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { BackendController } from '../../controllers/backend-controller.js';
import { Loader } from '../../controllers/loader.js';
import { applyChange } from '../../core/contact-view.js';
import { displayDomain } from '../../core/display-domain.js';
import { checkWebsite } from '../../core/domain.js';
import type { CapacityError } from '../../core/errors.js';
import { lifecycleClock } from '../../core/lifecycle.js';
import { ERROR_MESSAGES } from '../../core/messages.js';
import type { ContactView, RegisterInput, RenewRefusal } from '../../core/types.js';
import { randomUuid } from '../../core/uuid.js';
import { emit } from '../../events.js';
import { focusIsLost } from '../../focus.js';
import { hostText } from '../../host-values.js';
import { englishLocalizer } from '../../i18n/localizer.js';
import type { BackendState, StateChange } from '../../state/backend-state.js';
import { theme } from '../../styles/theme.js';
import { BackendElement } from '../backend-element.js';
import { prefetchCapacityManager } from '../capacity-manager/capacity-manager.js';
import { CardManager } from './card-manager.js';
import { renderCardBody, type CardActions } from './card-templates.js';
import { cardViewOf, NO_CONTACT, REGISTRATION_REFUSALS, sameInput, type CardView } from './card-view.js';
import { GearMenuController } from './gear-menu.js';
import { leadRegistrationCardStyles } from './lead-registration-card.styles.js';

/** What the card's view is read with: the backend's state, the contact, the domain its website gives. */
type ViewArgs = [state: BackendState, contactId: string, domain: string | undefined];

/** One user action of registering: a Retry of it sends the same Idempotency-Key and the same body. */
interface Attempt {
  state: BackendState;
  input: RegisterInput;
  key: string;
}

/** One user action of renewing a registration: a Retry of it sends the same Idempotency-Key. */
interface Renewal {
  state: BackendState;
  id: string;
  key: string;
}

/**
 * The Lead Registration card of a contact record: whether the contact's domain is registered in the
 * partner's capacity, and a Register button when it is not. It says in words why a contact cannot be
 * registered (no valid website, capacity full, the domain already registered through another contact
 * or by another partner) and offers the way out. Its gear menu opens the Capacity Manager on the same
 * backend. Set `contact-id` (and `website`, `company`, `contact-name`, `country`) from the CRM record;
 * changing `contact-id` loads that contact, with one read.
 *
 * @tagname lead-registration-card
 * @summary A contact's lead registration: its state, Register, and a gear menu to manage capacity.
 *
 * @event lead-registered - The user registered this contact. Detail `{ registration, capacity }`.
 * @event lead-renewed - The user renewed this contact's registration (the answer came, renewed or refused).
 *   Detail `{ renewed, refused, capacity }`.
 * @event capacity-change - The capacity changed after it was first loaded (here, in another element or
 *   another tab). Once per change, also while its Capacity Manager is there. Detail `{ capacity }`.
 * @event lead-registration-error - A backend call of the card's failed (reading the contact, registering, or
 *   in its Capacity Manager). Once per failed call. Detail `{ error, operation }`.
 * @event capacity-manager-open - The Capacity Manager opened from the gear menu or the capacity-full state.
 *   Detail `{}`.
 * @event capacity-manager-close - That Capacity Manager closed; focus is back on what opened it or, when that
 *   is gone (a deregistration ended the capacity-full state), on Register or the card's state. Detail `{}`.
 * @event capacity-deregister-request - Cancelable; sent from that Capacity Manager before a deregistration.
 *   Detail `{ registrations }`.
 * @event lead-deregistered - A deregistration in that Capacity Manager succeeded.
 *   Detail `{ removed, missing, capacity }`.
 *
 * @csspart header - The title bar with the gear button.
 * @csspart menu-button - The gear button that opens the menu.
 * @csspart menu - The gear menu.
 * @csspart body - The registration state, its details and actions.
 *
 * @cssprop [--lr-card-min-height=10.5rem] - Minimum height of the body, so that loading does not make the page jump.
 * @cssprop [--lr-card-max-width=none] - Widest width of the card.
 * @cssprop [--lr-accent=light-dark(#0b63c5, #6cb2ff)] - The Register button, focus ring, "through another contact".
 * @cssprop [--lr-on-accent=light-dark(#ffffff, #06203d)] - Text on the accent colour.
 * @cssprop [--lr-surface=light-dark(#ffffff, #1b1f24)] - Card and menu background.
 * @cssprop [--lr-surface-alt=light-dark(#f4f6f8, #252a31)] - Notes, hovered menu items, loading placeholders.
 * @cssprop [--lr-text=light-dark(#1c2430, #e8ecf1)] - Text.
 * @cssprop [--lr-muted=light-dark(#52606d, #a9b4c0)] - Labels, the gear, "Not registered".
 * @cssprop [--lr-border=light-dark(#cbd2d9, #424a55)] - Card and menu borders.
 * @cssprop [--lr-success=light-dark(#1e7b34, #7ddc94)] - "Registered".
 * @cssprop [--lr-warning=light-dark(#8a5300, #ffc46b)] - "Registered by another partner", the website note.
 * @cssprop [--lr-danger=light-dark(#b42318, #ff8b80)] - Errors.
 * @cssprop [--lr-radius=6px] - Corner radius.
 * @cssprop [--lr-focus-ring=2px solid var(--lr-accent)] - Focus outline.
 */
export class LeadRegistrationCardElement extends BackendElement {
  static override styles = [theme, leadRegistrationCardStyles];

  static override properties: PropertyDeclarations = {
    contactId: { attribute: 'contact-id' },
    website: {},
    company: {},
    contactName: { attribute: 'contact-name' },
    country: {},
    registering: { state: true },
    failed: { state: true },
    renewing: { state: true },
    renewFailed: { state: true },
    announcement: { state: true },
  };

  /**
   * The contact's id in the host CRM (required). Changing it loads that contact; a load under way for the previous one
   * is aborted.
   */
  declare contactId: string | undefined;

  /** The contact's current website as the CRM holds it; its domain is what Register registers. */
  declare website: string | undefined;

  /** The contact's company name, sent with the registration. */
  declare company: string | undefined;

  /** The contact's full name, sent with the registration. */
  declare contactName: string | undefined;

  /** The contact's country (name or code), sent with the registration. */
  declare country: string | undefined;

  declare private registering: Attempt | undefined;
  declare private failed: { attempt: Attempt; error: CapacityError } | undefined;
  declare private renewing: Renewal | undefined;
  /** The last renewal that did not renew: it failed (`error`) or was refused (`refusal`). */
  declare private renewFailed: { renewal: Renewal; error?: CapacityError; refusal?: RenewRefusal } | undefined;
  declare private announcement: string;

  constructor() {
    super();
    this.announcement = '';
  }

  // In this order: the backend is resolved before the view's arguments are read.
  readonly #backend = new BackendController(this, { onChange: (change) => this.#onChange(change) });
  readonly #view = new Loader<ViewArgs, ContactView>(this, {
    args: () => {
      const state = this.#backend.state;
      const contactId = this.#contactId;
      return state && contactId ? [state, contactId, this.#domain] : undefined;
    },
    run: ([state, contactId], signal) =>
      state.readContactView(
        { contactId, website: this.#website ?? '' },
        { reporter: this, signal, locale: this.localizer.locale },
      ),
    // Read again for the same contact (registrations changed elsewhere, its website moved): its last state stays.
    keepValue: ([state, contactId], [nextState, nextContactId]) => state === nextState && contactId === nextContactId,
  });
  readonly #menu = new GearMenuController(this, prefetchCapacityManager);
  readonly #manager = new CardManager(this);
  readonly #actions: Omit<CardActions, 'localizer'> = {
    register: () => void this.#register(),
    renew: () => void this.#renew(),
    retryLoad: () => {
      this.#focusState = true;
      this.#view.reload();
    },
    manageCapacity: () => void this.#manager.open(),
    prefetchManager: prefetchCapacityManager,
  };
  /** Set when a registration ends while its button has focus: if the button goes, focus goes to the new state. */
  #focusState = false;
  /** Whether the missing contact-id has been logged: once per time it goes missing, not once per render. */
  #saidNoContact = false;

  get #contactId(): string | undefined {
    return hostText(this.contactId)?.trim();
  }

  // Blank, `undefined` or `null` (a template's missing value) is no value (docs/contract.md#untidy-attribute-values).
  get #website(): string | undefined {
    return hostText(this.website);
  }

  /** The domain Register would register; undefined when the website is missing or invalid. */
  get #domain(): string | undefined {
    const check = checkWebsite(this.#website);
    return check.ok ? check.domain : undefined;
  }

  /** Whether `attempt` is about the contact shown, on the backend in use. */
  #isCurrent(attempt: Attempt | undefined): attempt is Attempt {
    return (
      attempt !== undefined && attempt.state === this.#backend.state && attempt.input.contactId === this.#contactId
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another contact: what was said about the previous one goes (a new visit starts afresh).
    if (changed.has('contactId')) {
      this.announcement = '';
      this.failed = undefined;
      this.renewFailed = undefined;
    }
  }

  protected override updated(): void {
    // The host's mistake, in the console as on the card (a configuration mistake shown instead is logged by the
    // controller).
    const noContact = !this.#contactId && !this.#backend.configError;
    if (noContact && !this.#saidNoContact)
      console.error(`<lead-registration-card>: ${englishLocalizer.say(NO_CONTACT)}`);
    this.#saidNoContact = noContact;
    // Waits for a state to show (a Retry passes through loading); takes focus only if it was lost
    // with the button that had it, never from where the user has gone meanwhile.
    const state = this.#focusState ? this.renderRoot.querySelector<HTMLElement>('.state') : null;
    if (state) {
      this.#focusState = false;
      if (!this.shadowRoot?.activeElement && focusIsLost()) state.focus();
    }
  }

  protected override render(): TemplateResult {
    const menu = this.#menu;
    const view = this.#cardView();
    // Busy while the state is being read (or its backend found); a registration in progress says so on its button.
    const busy = view.state === 'loading' || this.#view.status === 'pending';
    const l = this.localizer;
    return html`
      <div
        class="card"
        role="group"
        aria-labelledby="title"
        lang=${l.mark?.lang ?? nothing}
        dir=${l.mark?.dir ?? nothing}
      >
        <div class="header" part="header">
          <span class="title" id="title">${l.t('card.title')}</span>
          ${menu.render(
            l.t('card.options'),
            html`<button role="menuitem" type="button" tabindex="-1" @click=${this.#onManageFromMenu}>
              ${l.t('card.manageCapacity')}
            </button>`,
          )}
        </div>
        <div class="body" part="body" aria-busy=${busy ? 'true' : 'false'}>
          ${renderCardBody(view, { ...this.#actions, localizer: l })}
        </div>
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
      ${this.#manager.render(this.#backend.backend ?? this.backend, this.apiBase)}
    `;
  }

  /** What the card shows now (card-view.ts). */
  #cardView(): CardView {
    const failed = this.#isCurrent(this.failed?.attempt) ? this.failed : undefined;
    const tried = failed && checkWebsite(failed.attempt.input.website);
    const registration = this.#view.value?.registration;
    const state = this.#backend.state;
    // A renewal is about the registration shown, on the backend in use.
    const ours = (renewal: Renewal | undefined): boolean =>
      renewal !== undefined && renewal.state === state && renewal.id === registration?.id;
    const renewFailed = ours(this.renewFailed?.renewal) ? this.renewFailed : undefined;
    return cardViewOf({
      configError: this.#backend.configError,
      contactId: this.#contactId,
      website: this.#website,
      contactName: hostText(this.contactName),
      company: hostText(this.company),
      country: hostText(this.country),
      view: this.#view.value,
      loadError: this.#view.error,
      capacity: this.#backend.capacity,
      registering: this.#isCurrent(this.registering),
      // A failure is about the domain it tried: another website is another registration.
      registerError: tried?.ok && tried.domain === this.#domain ? failed?.error : undefined,
      sameAction: failed !== undefined && sameInput(failed.attempt.input, this.#input()),
      now: lifecycleClock.now(),
      canRenew: state?.canRenew ?? false,
      renewing: ours(this.renewing),
      renewError: renewFailed?.error,
      renewRefusal: renewFailed?.refusal,
    });
  }

  /** What Register sends, from the contact's properties now. */
  #input(): RegisterInput {
    return {
      contactId: this.#contactId ?? '',
      website: this.#website ?? '',
      contactName: hostText(this.contactName) ?? '',
      company: hostText(this.company) ?? '',
      country: hostText(this.country) ?? '',
    };
  }

  /** The shared state changed: the view follows what the change's answer says, or is read again. */
  #onChange(change: StateChange): void {
    const view = this.#view.value;
    if (change.type === 'elsewhere') this.#view.reload();
    else if (view && change.type !== 'capacity') this.#view.value = applyChange(view, change);
  }

  // --- Registering ---------------------------------------------------------------------------------

  async #register(): Promise<void> {
    const state = this.#backend.state;
    const view = this.#cardView();
    // The button stays focusable while it cannot act (so that its reason is read): clicks are checked here.
    if (!state || view.state !== 'not-registered' || view.blocked || view.registering) return;
    const input = this.#input();
    // A Retry after a failure whose outcome is unknown (the request may have been applied) repeats the
    // same action: the same body, with the same key. Anything else is a new action, with a new key.
    const attempt: Attempt = { state, input, key: view.retry ? this.failed!.attempt.key : randomUuid() };
    this.registering = attempt;
    this.failed = undefined;
    this.announcement = '';
    // The button may go with the update the answer makes, before this function resumes.
    const buttonHadFocus = this.shadowRoot?.activeElement?.id === 'register';
    try {
      const result = await state.register(input, {
        reporter: this,
        idempotencyKey: attempt.key,
        locale: this.localizer.locale,
      });
      emit(this, 'lead-registered', result);
      if (this.#isCurrent(attempt))
        this.announcement = this.localizer.t('card.registeredAnnouncement', {
          domain: displayDomain(result.registration.domain),
        });
    } catch (caught) {
      if (this.#isCurrent(attempt)) this.#registrationFailed(attempt, caught as CapacityError);
    } finally {
      if (this.registering === attempt) this.registering = undefined;
      this.#focusState = buttonHadFocus && (this.shadowRoot?.activeElement?.id === 'register' || focusIsLost());
    }
  }

  /**
   * A refusal that names what is in the way shows it: a registration made elsewhere reached every
   * element through the shared state; another partner's hold only this contact's view. Any other
   * failure is said, with Retry where it may pass.
   */
  #registrationFailed(attempt: Attempt, error: CapacityError): void {
    const view = this.#view.value;
    if (view?.domain && error.code === 'domain-unavailable') {
      this.#view.value = { ...view, domain: { name: view.domain.name, heldBy: 'other-partner' } };
    }
    // The card turns to "capacity full" with the capacity the answer carried, or read again.
    // Said in the catalog's words: a server's detail may name the domain in punycode, which the card shows in Unicode.
    if (REGISTRATION_REFUSALS.has(error.code))
      this.announcement = this.localizer.t(`error.${error.code}`, undefined, ERROR_MESSAGES[error.code]);
    else this.failed = { attempt, error };
  }

  // --- Renewing -----------------------------------------------------------------------------------

  async #renew(): Promise<void> {
    const state = this.#backend.state;
    const view = this.#cardView();
    if (!state || view.state !== 'registered' || !view.expiry?.renewal?.renewable || view.renewing) return;
    const { id } = view.registration;
    // A Retry after a failure whose outcome is unknown repeats the same action, with the same key.
    const key = view.renewRetry ? this.renewFailed!.renewal.key : randomUuid();
    const renewal: Renewal = { state, id, key };
    this.renewing = renewal;
    this.renewFailed = undefined;
    this.announcement = '';
    // Renew goes once it is done (as often as allowed, or refused): focus then goes to the card's state.
    const buttonHadFocus = this.shadowRoot?.activeElement?.id === 'renew';
    try {
      const result = await state.renew([id], { reporter: this, idempotencyKey: key, locale: this.localizer.locale });
      emit(this, 'lead-renewed', result);
      const refusal = result.refused.find((refused) => refused.id === id);
      const renewed = result.renewed.find((row) => row.id === id);
      if (refusal) this.renewFailed = { renewal, refusal };
      else if (renewed?.expiresAt)
        this.announcement = this.localizer.t('card.renewedAnnouncement', {
          domain: displayDomain(renewed.domain),
          date: this.localizer.date(renewed.expiresAt),
        });
    } catch (caught) {
      this.renewFailed = { renewal, error: caught as CapacityError };
    } finally {
      if (this.renewing === renewal) this.renewing = undefined;
      this.#focusState = buttonHadFocus && (this.shadowRoot?.activeElement?.id === 'renew' || focusIsLost());
    }
  }

  // --- The Capacity Manager ------------------------------------------------------------------------

  #onManageFromMenu(): void {
    // Focus on the gear first: the manager gives focus back to whatever had it when it opened.
    this.#menu.close(true);
    void this.#manager.open();
  }
}
