import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CapacityController } from '../../controllers/capacity-controller.js';
import { checkWebsite, websiteProblemText, type WebsiteCheck } from '../../core/domain.js';
import { CapacityError, isTransient } from '../../core/errors.js';
import type { CapacityBackend, RegisterInput, Registration } from '../../core/types.js';
import { randomUuid } from '../../core/uuid.js';
import { emit } from '../../events.js';
import { focusIsLost } from '../../focus.js';
import { capacitySummary, formatDate } from '../../format.js';
import { theme } from '../../styles/theme.js';
import { prefetchCapacityManager, type CapacityManagerElement } from '../capacity-manager/capacity-manager.js';
import { leadRegistrationCardStyles } from './lead-registration-card.styles.js';

/** Which contact, on which backend, a piece of state is about: the state of another one is never shown. */
interface Subject {
  backend: CapacityBackend;
  contactId: string;
}

interface Loaded extends Subject {
  /** The revision it was read at: an older read never replaces a newer one. */
  revision: number;
  registration: Registration | null;
  /** For a contact not registered, with a valid website: the registration of its domain through another contact, if any. */
  domain?: { name: string; holder: Registration | null };
}

/** What a load reads with: the backend, the contact id, the domain of its website, the capacity revision. */
type LoadArgs = [
  backend: CapacityBackend | undefined,
  contactId: string | undefined,
  domain: string | undefined,
  revision: number,
];

/** A domain this contact cannot register: it is in the capacity through another contact, or another partner holds it. */
interface DomainTaken extends Subject {
  domain: string;
  /** The registration through another contact; absent when another partner holds the domain. */
  holder: Registration | undefined;
  /** When it was learned; each load after registrations change looks the domain up again. */
  revision: number;
}

/** One user action of registering: a Retry of it sends the same Idempotency-Key. */
interface Attempt extends Subject {
  domain: string;
  key: string;
}

const icon = (path: TemplateResult): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">${path}</svg>`;
const icons = {
  gear: svg`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M11.3 1.7l.4 2.1a6.5 6.5 0 0 1 1.6.9l2-.8 1.3 2.2-1.6 1.4a6.6 6.6 0 0 1 0 1.9l1.6 1.3-1.3 2.3-2-.8a6.5 6.5 0 0 1-1.6.9l-.4 2.1H8.7l-.4-2.1a6.5 6.5 0 0 1-1.6-.9l-2 .8-1.3-2.3 1.6-1.3a6.6 6.6 0 0 1 0-1.9L3.4 6.1l1.3-2.2 2 .8a6.5 6.5 0 0 1 1.6-.9l.4-2.1zM10 7.2a2.8 2.8 0 1 0 0 5.6 2.8 2.8 0 0 0 0-5.6z"/></svg>`,
  registered: icon(
    svg`<circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M6.2 10.3l2.6 2.6 5-5.4" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`,
  ),
  notRegistered: icon(
    svg`<circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.8" stroke-dasharray="3 2.3"/>`,
  ),
  info: icon(
    svg`<circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M10 9v5M10 6v.5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  ),
  warning: icon(
    svg`<path d="M10 2.5 18 17H2z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><path d="M10 8v4M10 14.5v.5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  ),
  error: icon(
    svg`<circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M7 7l6 6M13 7l-6 6" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  ),
};

const NO_CONTACT = 'This card has no contact to show: set its contact-id attribute to the contact’s id in your CRM.';

function fact(
  term: string,
  value: string | TemplateResult | undefined | null,
  full?: string,
): TemplateResult | typeof nothing {
  if (value === undefined || value === null || value === '') return nothing;
  // A long value is cut to a few lines (see the styles); the tooltip holds all of it.
  const title = full ?? (typeof value === 'string' ? value : undefined);
  return html`<div>
    <dt>${term}</dt>
    <dd title=${title ?? nothing}>${value}</dd>
  </div>`;
}

/**
 * The registration of `domain` in the capacity, or null. The search matches any part of any column;
 * sorted by domain, the exact one is on the first page unless more than 100 matches sort before it
 * (then it is taken as free, and a registration would be refused with a 409 that names the holder).
 */
async function registrationOfDomain(
  backend: CapacityBackend,
  domain: string,
  signal: AbortSignal,
): Promise<Registration | null> {
  const { items } = await backend.listRegistrations({ search: domain, sort: 'domain', pageSize: 100 }, { signal });
  return items.find((item) => item.domain === domain) ?? null;
}

/**
 * The Lead Registration card of a contact record: whether the contact's domain is registered in the
 * partner's capacity, and a Register button when it is not. It says in words why a contact cannot be
 * registered (no valid website, capacity full, the domain already registered through another contact
 * or by another partner) and offers the way out. Its gear menu opens the Capacity Manager on the same
 * backend. Set `contact-id` (and `website`, `company`, `contact-name`, `country`) from the CRM record;
 * changing `contact-id` loads that contact.
 *
 * @tagname lead-registration-card
 * @summary A contact's lead registration: its state, Register, and a gear menu to manage capacity.
 *
 * @event lead-registered - The user registered this contact. Detail `{ registration, capacity }`.
 * @event capacity-change - The capacity changed after it was first loaded (here, in another element or
 *   another tab). Once per change, also while its Capacity Manager is there. Detail `{ capacity }`.
 * @event lead-registration-error - A backend call failed (loading, registering, or in its Capacity Manager).
 *   Detail `{ error }`, a `CapacityError`.
 * @event capacity-manager-open - The Capacity Manager opened from the gear menu or the capacity-full state. Detail `{}`.
 * @event capacity-manager-close - That Capacity Manager closed; focus is back on what opened it or, when that
 *   is gone (a deregistration ended the capacity-full state), on Register or the card's state. Detail `{}`.
 * @event capacity-deregister-request - Cancelable; sent from that Capacity Manager before a deregistration.
 *   Detail `{ registrations }`.
 * @event lead-deregistered - A deregistration in that Capacity Manager succeeded. Detail `{ removed, missing, capacity }`.
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
export class LeadRegistrationCardElement extends LitElement {
  static override styles = [theme, leadRegistrationCardStyles];

  /** The contact's id in the host CRM (required). Changing it loads that contact; a load under way for the previous one is aborted. */
  @property({ attribute: 'contact-id' }) contactId: string | undefined;

  /** The contact's current website as the CRM holds it; its domain is what Register registers. */
  @property() website: string | undefined;

  /** The contact's company name, sent with the registration. */
  @property() company: string | undefined;

  /** The contact's full name, sent with the registration. */
  @property({ attribute: 'contact-name' }) contactName: string | undefined;

  /** The contact's country (name or code), sent with the registration. */
  @property() country: string | undefined;

  /** Base URL of a REST backend (contract section 5); used when no `backend` is set. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;

  /** The `CapacityBackend` to use; takes precedence over `api-base` and any `<capacity-provider>`. */
  @property({ attribute: false }) backend: CapacityBackend | undefined;

  /** The registration data last read (or learned by registering), for the contact it is about. */
  @state() private shown: Loaded | undefined;
  @state() private taken: DomainTaken | undefined;
  @state() private registering: Attempt | undefined;
  @state() private failed: { attempt: Attempt; error: CapacityError } | undefined;
  @state() private menuOpen = false;
  @state() private managerRequested = false;
  @state() private announcement = '';

  readonly #capacity = new CapacityController(this);
  // The load, in place of a @lit/task Task: pending while #loading is set, failed while #loadError is.
  /** The arguments of the last run, compared by identity to start the next. */
  #loadArgs: LoadArgs | undefined;
  /** The run under way: the next one aborts it, and it lands only if it is still this one. */
  #loading: AbortController | undefined;
  #loadError: CapacityError | undefined;
  /** Set when a registration ends while its button has focus: if the button goes, focus goes to the new state. */
  #focusState = false;
  /** Whether the missing contact-id has been logged: once per time it goes missing, not once per render. */
  #saidNoContact = false;

  get #contactId(): string | undefined {
    return this.contactId?.trim() || undefined;
  }

  /** The domain Register would register; undefined when the website is missing or invalid. */
  get #domain(): string | undefined {
    const check = checkWebsite(this.website);
    return check.ok ? check.domain : undefined;
  }

  get #loadArgsNow(): LoadArgs {
    return [this.#capacity.backend, this.#contactId, this.#domain, this.#capacity.revision];
  }

  #isCurrent<T extends Subject>(subject: T | undefined): subject is T {
    return subject !== undefined && subject.backend === this.#capacity.backend && subject.contactId === this.#contactId;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#closeMenu(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another contact: what was said or learned about the previous one goes (a new visit starts afresh).
    if (changed.has('contactId')) {
      this.announcement = '';
      this.failed = undefined;
      this.taken = undefined;
    }
  }

  // After the controllers' hostUpdate (the capacity controller resolves the backend there) and before
  // render, as Task did: the render of the update that starts a load already shows it pending.
  protected override update(changed: PropertyValues<this>): void {
    const args = this.#loadArgsNow;
    const last = this.#loadArgs;
    if (!last || args.some((arg, index) => arg !== last[index])) void this.#load(args);
    super.update(changed);
  }

  protected override updated(): void {
    // The host's mistake, in the console as on the card (a configuration mistake shown instead is logged by the controller).
    const noContact = !this.#contactId && !this.#capacity.configError;
    if (noContact && !this.#saidNoContact) console.error(`<lead-registration-card>: ${NO_CONTACT}`);
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
    // Busy while the state is being read; a registration in progress says so on its button instead.
    const busy = !!this.#loading;
    return html`
      <div class="card" role="group" aria-labelledby="title">
        <div class="header" part="header">
          <span class="title" id="title">Lead registration</span>
          <button
            id="gear"
            class="gear"
            part="menu-button"
            type="button"
            aria-label="Lead registration options"
            aria-haspopup="menu"
            aria-expanded=${this.menuOpen ? 'true' : 'false'}
            aria-controls="menu"
            @click=${this.#onGearClick}
            @keydown=${this.#onGearKeydown}
          >
            ${icons.gear}
          </button>
          <div
            id="menu"
            class="menu"
            part="menu"
            role="menu"
            aria-labelledby="gear"
            ?hidden=${!this.menuOpen}
            @keydown=${this.#onMenuKeydown}
            @focusout=${this.#onMenuFocusout}
          >
            <button role="menuitem" type="button" tabindex="-1" @click=${this.#onManageFromMenu}>
              Manage your capacity
            </button>
          </div>
        </div>
        <div class="body" part="body" aria-busy=${busy ? 'true' : 'false'}>${this.#renderBody()}</div>
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
      ${
        this.managerRequested
          ? html`<capacity-manager
              .backend=${this.#capacity.backend ?? this.backend}
              .apiBase=${this.apiBase}
              @capacity-change=${this.#stopManagerEvent}
              @capacity-manager-close=${this.#onManagerClose}
            ></capacity-manager>`
          : nothing
      }
    `;
  }

  // --- States --------------------------------------------------------------------------------------

  #renderBody(): TemplateResult {
    const controller = this.#capacity;
    if (controller.configError) return this.#renderProblem(controller.configError);
    if (!this.#contactId) {
      return this.#renderProblem(NO_CONTACT);
    }
    if (this.#loadError) return this.#renderLoadError(this.#loadError);
    const shown = this.#isCurrent(this.shown) ? this.shown : undefined;
    // While a reload of the same contact runs (registrations changed), its last state stays: no flash.
    if (!shown) return this.#renderLoading();
    if (shown.registration) return this.#renderRegistered(shown.registration);
    const check = checkWebsite(this.website);
    const taken =
      this.#isCurrent(this.taken) && check.ok && this.taken.domain === check.domain ? this.taken : undefined;
    if (taken) return this.#renderTaken(taken);
    // Whether Register can be offered depends on the capacity: wait for it rather than change the card under the pointer.
    if (!controller.capacity)
      return controller.capacityError ? this.#renderCapacityError(controller.capacityError) : this.#renderLoading();
    return this.#renderNotRegistered(check);
  }

  // Register cannot work until the capacity is read (registering reads it first): say so, with Retry.
  #renderCapacityError(error: CapacityError): TemplateResult {
    return html`
      <p class="state not-registered" tabindex="-1">${icons.notRegistered} Not registered</p>
      <p class="alert" role="alert">${icons.error}<span>Your capacity could not be loaded. ${error.message}</span></p>
      <div class="actions">
        <button class="button" type="button" @click=${this.#onRetryCapacity}>Retry</button>
      </div>
    `;
  }

  #renderLoading(): TemplateResult {
    return html`
      <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span><span></span></div>
      <p class="visually-hidden">Loading the registration…</p>
    `;
  }

  #renderProblem(message: string): TemplateResult {
    return html`
      <p class="state problem">${icons.error} Not available</p>
      <p>${message}</p>
    `;
  }

  #renderLoadError(error: CapacityError): TemplateResult {
    return html`
      <p class="state problem" tabindex="-1">${icons.error} Registration not loaded</p>
      <p class="alert" role="alert">
        ${icons.error}<span>The registration could not be loaded. ${error.message}</span>
      </p>
      <div class="actions">
        <button class="button" type="button" @click=${this.#onRetryLoad}>Retry</button>
      </div>
    `;
  }

  #renderNotRegistered(check: WebsiteCheck): TemplateResult {
    const capacity = this.#capacity.capacity;
    const full = capacity !== undefined && capacity.used >= capacity.limit;
    const busy = this.#isCurrent(this.registering);
    const failed =
      this.#isCurrent(this.failed?.attempt) && check.ok && this.failed.attempt.domain === check.domain
        ? this.failed
        : undefined;
    let reason: string | undefined;
    if (!check.ok) reason = websiteProblemText(check.problem);
    else if (full) {
      reason = `Your capacity is full (${capacitySummary(capacity, this)}). Deregister prospects you no longer work with to register this one.`;
    }
    const website = this.website?.trim();
    const about = [this.contactName, this.company, this.country].map((part) => part?.trim()).filter((part) => !!part);
    return html`
      <p class="state not-registered" tabindex="-1">${icons.notRegistered} Not registered</p>
      <div class="details">
        ${
          check.ok
            ? html`<p>Registering adds <span class="domain">${check.domain}</span> to your capacity.</p>`
            : website
              ? html`<p title=${website}>Website: <span class="website">${website}</span></p>`
              : nothing
        }
        ${
          about.length > 0
            ? // Each part in a <bdi>: a right-to-left name or a stray bidi control must not reorder the others.
              html`<p class="about" title=${about.join(' · ')}>
                ${about.map((part, index) => html`${index > 0 ? ' · ' : nothing}<bdi>${part}</bdi>`)}
              </p>`
            : nothing
        }
      </div>
      ${reason ? html`<p class="reason" id="reason">${icons.info}<span>${reason}</span></p>` : nothing}
      ${failed ? html`<p class="alert" role="alert">${icons.error}<span>${failed.error.message}</span></p>` : nothing}
      <div class="actions">
        <button
          id="register"
          class="button primary"
          type="button"
          aria-disabled=${reason || busy ? 'true' : 'false'}
          aria-describedby=${reason ? 'reason' : nothing}
          @click=${this.#onRegister}
        >
          ${
            busy
              ? html`<span class="spinner" aria-hidden="true"></span>Registering…`
              : failed && isTransient(failed.error.code)
                ? 'Retry'
                : 'Register'
          }
        </button>
        ${
          full
            ? html`<button
                class="button"
                type="button"
                @pointerenter=${prefetchCapacityManager}
                @focus=${prefetchCapacityManager}
                @click=${this.#onManageFromCard}
              >
                Manage your capacity
              </button>`
            : nothing
        }
      </div>
    `;
  }

  #renderRegistered(registration: Registration): TemplateResult {
    const check = checkWebsite(this.website);
    const moved = check.ok && check.domain !== registration.domain;
    return html`
      <p class="state registered" tabindex="-1">${icons.registered} Registered</p>
      <dl class="facts">
        ${fact('Domain', html`<span class="domain">${registration.domain}</span>`, registration.domain)}
        ${fact('Registered', html`<time datetime=${registration.registeredAt}>${formatDate(registration.registeredAt, this)}</time>`)}
      </dl>
      ${
        moved
          ? html`<p class="note">
              ${icons.info}<span
                >The contact’s website is now <span class="domain">${check.domain}</span>. The registered domain stays
                <span class="domain">${registration.domain}</span>: a registration does not follow the website.</span
              >
            </p>`
          : nothing
      }
    `;
  }

  #renderTaken(taken: DomainTaken): TemplateResult {
    const holder = taken.holder;
    if (!holder) {
      return html`
        <p class="state other-partner" tabindex="-1">${icons.warning} Registered by another partner</p>
        <p><span class="domain">${taken.domain}</span> is registered by another partner and cannot be registered.</p>
      `;
    }
    return html`
      <p class="state other-contact" tabindex="-1">${icons.info} Registered through another contact</p>
      <p>
        <span class="domain">${taken.domain}</span> is already in your capacity, registered through another contact. A
        domain counts once, so this contact needs no registration of its own.
      </p>
      <dl class="facts">
        ${fact('Contact', holder.contactName || holder.contactId)} ${fact('Company', holder.company)}
        ${fact('Registered', html`<time datetime=${holder.registeredAt}>${formatDate(holder.registeredAt, this)}</time>`)}
      </dl>
    `;
  }

  // --- Loading -------------------------------------------------------------------------------------

  async #load(args: LoadArgs): Promise<void> {
    this.#loadArgs = args;
    this.#loading?.abort();
    const run = (this.#loading = new AbortController());
    this.#loadError = undefined;
    this.requestUpdate();
    try {
      const loaded = await this.#read(...args, run.signal);
      // A newer run took over: this result (or this abort) is stale.
      if (run !== this.#loading) return;
      if (loaded) this.#show(loaded);
    } catch (error) {
      if (run !== this.#loading) return;
      this.#loadError = this.#capacity.report(error);
    }
    this.#loading = undefined;
    this.requestUpdate();
  }

  /** Undefined when there is nothing to read (no backend yet, no contact): the card shows neither an error nor a result. */
  async #read(
    backend: CapacityBackend | undefined,
    contactId: string | undefined,
    domain: string | undefined,
    revision: number,
    signal: AbortSignal,
  ): Promise<Loaded | undefined> {
    if (!backend || !contactId) return undefined;
    const registration = await backend.getRegistration(contactId, { signal });
    const loaded: Loaded = { backend, contactId, revision, registration };
    // Not registered: whether another contact already holds the domain is known before Register is
    // offered, not from its 409. One request more per such view, none without a valid website; each
    // load after registrations change asks again, so a released domain becomes registrable. Until it
    // is known the state is not: a failed look-up is a failed load, with Retry.
    if (!registration && domain) {
      loaded.domain = { name: domain, holder: await registrationOfDomain(backend, domain, signal) };
    }
    return loaded;
  }

  #show(loaded: Loaded): void {
    const shown = this.shown;
    if (shown?.backend === loaded.backend && shown.contactId === loaded.contactId && shown.revision > loaded.revision)
      return;
    this.shown = loaded;
    const { backend, contactId, revision, domain } = loaded;
    if (!domain) return;
    const taken = this.taken;
    const known =
      taken?.backend === backend && taken.contactId === contactId && taken.domain === domain.name ? taken : undefined;
    // What a refused registration taught stands against a look-up of the same revision, which may have started before it.
    if (domain.holder && !(known && known.revision > revision)) {
      this.taken = { backend, contactId, domain: domain.name, holder: domain.holder, revision };
    } else if (!domain.holder && known?.holder && known.revision < revision) {
      this.taken = undefined;
    }
  }

  #onRetryLoad(): void {
    this.#focusState = true;
    void this.#load(this.#loadArgsNow);
  }

  #onRetryCapacity(): void {
    this.#focusState = true;
    this.#capacity.refresh();
  }

  // --- Registering ---------------------------------------------------------------------------------

  #onRegister(): void {
    void this.#register();
  }

  async #register(): Promise<void> {
    const controller = this.#capacity;
    const sync = controller.sync;
    const contactId = this.#contactId;
    const check = checkWebsite(this.website);
    // The button stays focusable while it cannot act (so that its reason is read), so clicks are checked here.
    if (!sync || !contactId || !check.ok || this.#isCurrent(this.registering)) return;
    const capacity = controller.capacity;
    if (capacity && capacity.used >= capacity.limit) return;

    const subject = { backend: sync.backend, contactId };
    const failed = this.#isCurrent(this.failed?.attempt) ? this.failed : undefined;
    // A Retry after a failure whose outcome is unknown (the request may have been applied) repeats the
    // same action, so it carries the same key; anything else is a new action.
    const retry = failed && failed.attempt.domain === check.domain && isTransient(failed.error.code);
    const attempt: Attempt = { ...subject, domain: check.domain, key: retry ? failed.attempt.key : randomUuid() };
    const input: RegisterInput = {
      contactId,
      website: this.website ?? '',
      contactName: this.contactName ?? '',
      company: this.company ?? '',
      country: this.country ?? '',
    };
    this.registering = attempt;
    this.failed = undefined;
    this.announcement = '';
    try {
      const result = await sync.register(input, { idempotencyKey: attempt.key });
      emit(this, 'lead-registered', result);
      if (this.#isCurrent(attempt)) {
        this.shown = { ...subject, revision: controller.revision, registration: result.registration };
        this.announcement = `Registered: ${result.registration.domain} is now in your capacity.`;
      }
    } catch (caught) {
      const error = controller.report(caught);
      if (this.#isCurrent(attempt)) this.#registrationFailed(attempt, error);
    } finally {
      if (this.registering === attempt) this.registering = undefined;
      this.#focusState = this.shadowRoot?.activeElement?.id === 'register';
    }
  }

  #registrationFailed(attempt: Attempt, error: CapacityError): void {
    const revision = this.#capacity.revision;
    switch (error.code) {
      case 'domain-already-registered':
      case 'domain-unavailable': {
        const holder = error.code === 'domain-already-registered' ? error.registration : undefined;
        if (error.code === 'domain-unavailable' || holder) {
          this.taken = {
            backend: attempt.backend,
            contactId: attempt.contactId,
            domain: attempt.domain,
            holder,
            revision,
          };
          this.announcement = error.message;
          return;
        }
        break;
      }
      case 'contact-already-registered':
        // Registered meanwhile (another tab, another user): show it as it is.
        if (error.registration) {
          this.shown = {
            backend: attempt.backend,
            contactId: attempt.contactId,
            revision,
            registration: error.registration,
          };
          this.announcement = error.message;
          return;
        }
        break;
      case 'capacity-exceeded':
        // The card turns to "capacity full" with the capacity the answer carried, or reads it again.
        if (!error.capacity) this.#capacity.refresh();
        this.announcement = error.message;
        return;
      default:
    }
    this.failed = { attempt, error };
  }

  // --- Gear menu (WAI-ARIA APG menu button) --------------------------------------------------------

  get #gear(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('#gear');
  }

  get #menu(): HTMLElement | null {
    return this.renderRoot.querySelector('#menu');
  }

  get #menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  #onGearClick(): void {
    if (this.menuOpen) this.#closeMenu(true);
    else void this.#openMenu('first');
  }

  #onGearKeydown(event: KeyboardEvent): void {
    // Enter and Space arrive as a click.
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    void this.#openMenu(event.key === 'ArrowUp' ? 'last' : 'first');
  }

  async #openMenu(focus: 'first' | 'last'): Promise<void> {
    prefetchCapacityManager(); // its one item opens it
    if (!this.menuOpen) {
      this.menuOpen = true;
      document.addEventListener('click', this.#onDocumentClick, true);
    }
    await this.updateComplete;
    const items = this.#menuItems;
    items[focus === 'first' ? 0 : items.length - 1]?.focus();
  }

  #closeMenu(returnFocus: boolean): void {
    if (!this.menuOpen) return;
    this.menuOpen = false;
    document.removeEventListener('click', this.#onDocumentClick, true);
    if (returnFocus) this.#gear?.focus();
  }

  #onMenuKeydown(event: KeyboardEvent): void {
    const items = this.#menuItems;
    const index = items.indexOf(event.target as HTMLElement);
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = (index + 1) % items.length;
        break;
      case 'ArrowUp':
        next = (index - 1 + items.length) % items.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.#closeMenu(true);
        return;
      case 'Tab':
        // Focus moves on to the next element as usual; the menu just closes.
        this.#closeMenu(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    items[next]?.focus();
  }

  // Focus leaving the menu closes it. A click on nothing focusable takes focus nowhere: it goes back to the gear.
  #onMenuFocusout(event: FocusEvent): void {
    const next = event.relatedTarget;
    if (next instanceof Node && (this.#menu?.contains(next) || next === this.#gear)) return;
    this.#closeMenu(next === null);
  }

  // A click outside that did not take focus out of the menu (the host stopped it) still closes it.
  readonly #onDocumentClick = (event: MouseEvent): void => {
    if (event.composedPath().includes(this)) return;
    const active = this.shadowRoot?.activeElement;
    this.#closeMenu(active instanceof Node && (this.#menu?.contains(active) ?? false));
  };

  #onManageFromMenu(): void {
    // Focus on the gear first: the manager gives focus back to whatever had it when it opened.
    this.#closeMenu(true);
    void this.#openManager();
  }

  #onManageFromCard(): void {
    void this.#openManager();
  }

  // The manager's capacity-change would leave the card's shadow root looking as if the card sent it,
  // after the card sent its own for the same change. Its other events are its alone and go on: the
  // cancelable capacity-deregister-request, lead-deregistered, its failures, open and close.
  #stopManagerEvent(event: Event): void {
    event.stopPropagation();
  }

  // The manager gives focus back to what opened it. The capacity-full state's Manage your capacity
  // goes once a deregistration makes room, and focus would fall to the page: it goes to what the
  // card offers now instead (Register, or else the state).
  #onManagerClose(): void {
    if (!focusIsLost()) return;
    if (!this.isUpdatePending) this.#focusInCard();
    else void this.updateComplete.then(() => focusIsLost() && this.#focusInCard());
  }

  #focusInCard(): void {
    const register = this.renderRoot.querySelector<HTMLElement>('#register');
    const target =
      register?.getAttribute('aria-disabled') === 'false'
        ? register
        : (this.renderRoot.querySelector<HTMLElement>('.state[tabindex]') ?? this.#gear);
    target?.focus();
  }

  async #openManager(): Promise<void> {
    this.managerRequested = true;
    await this.updateComplete;
    this.renderRoot.querySelector<CapacityManagerElement>('capacity-manager')?.show();
  }
}
