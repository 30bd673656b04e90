import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { CapacityController } from '../../controllers/capacity-controller.js';
import { CapacityError } from '../../core/errors.js';
import { MAX_DEREGISTER_IDS } from '../../core/records.js';
import { DEFAULT_PAGE_SIZE, DEFAULT_SORT, PAGE_SIZES, pageCount } from '../../core/query-params.js';
import type {
  DeregisterResult,
  PageSize,
  Registration,
  RegistrationPage,
  RegistrationQuery,
  SortKey,
  SortOrder,
} from '../../core/types.js';
import { randomUuid } from '../../core/uuid.js';
import { emit } from '../../events.js';
import { domainCount, formatDate, formatNumber } from '../../format.js';
import { callBackend, type CapacitySync } from '../../state/capacity-sync.js';
import { modalDialog } from '../../styles/modal-dialog.js';
import { theme } from '../../styles/theme.js';
import { capacityManagerPanelStyles } from './capacity-manager-panel.styles.js';

const COLUMNS: readonly { key: SortKey; label: string; className: string }[] = [
  { key: 'domain', label: 'Domain', className: 'domain' },
  { key: 'company', label: 'Company', className: 'company' },
  { key: 'contactName', label: 'Contact name', className: 'contact-name' },
  { key: 'country', label: 'Country', className: 'country' },
  { key: 'registeredAt', label: 'Registered', className: 'registered-at' },
];

/** Skeleton rows on the first load: enough to fill the view, so that the rows replace them in place. */
const SKELETON_ROWS = 8;

const sortIcon = (order: SortOrder | undefined): TemplateResult =>
  html` <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
    ${order !== 'desc' ? svg`<path d="M6 1.5 9.5 5h-7z" fill="currentColor" opacity=${order ? 1 : 0.45} />` : nothing}
    ${order !== 'asc' ? svg`<path d="M6 10.5 2.5 7h7z" fill="currentColor" opacity=${order ? 1 : 0.45} />` : nothing}
  </svg>`;

const chevron = (path: string): TemplateResult =>
  html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path
      d=${path}
      stroke="currentColor"
      stroke-width="1.75"
      fill="none"
      stroke-linecap="round"
      stroke-linejoin="round"
    />
  </svg>`;
const FIRST = chevron('M8 4 4 8l4 4M12 4 8 8l4 4');
const PREVIOUS = chevron('M10 4 6 8l4 4');
const NEXT = chevron('M6 4l4 4-4 4');
const LAST = chevron('M4 4l4 4-4 4M8 4l4 4-4 4');

/** What the status region says after a deregistration: "3 domains deregistered. 134 of 500 used." */
function deregisteredMessage(result: DeregisterResult, element: Element): string {
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

/**
 * The inside of `<capacity-manager>`: the status bar, the searchable, sortable, paged table of
 * registrations, the selection and the deregistration with its confirmation. Loaded lazily by the
 * manager on first open (a page with only the card never downloads it); not a public element.
 *
 * @internal
 */
export class CapacityManagerPanelElement extends LitElement {
  static override styles = [theme, modalDialog, capacityManagerPanelStyles];

  /** The manager's controller: reports failures as `lead-registration-error` from the manager. */
  @property({ attribute: false }) controller: CapacityController | undefined;
  /** The backend's shared state: lists through its backend, deregisters through it so every element updates. */
  @property({ attribute: false }) sync: CapacitySync | undefined;
  /** Bumps when registrations change anywhere: the list reloads. */
  @property({ attribute: false }) revision = 0;
  /** Milliseconds between the last keystroke in the search field and the search. */
  @property({ attribute: false }) searchDelay = 250;

  /** What is in the search field; `search` is what was last searched for. */
  @state() private searchText = '';
  @state() private search = '';
  @state() private sort: SortKey = DEFAULT_SORT;
  @state() private order: SortOrder = 'asc';
  @state() private page = 1;
  @state() private pageSize: PageSize = DEFAULT_PAGE_SIZE;
  /** The page shown, and the search it answers (which the field may have moved on from). */
  @state() private result: { page: RegistrationPage; search: string } | undefined;
  @state() private loading = false;
  @state() private loadError: CapacityError | undefined;
  /** The selected registrations by id: kept across pages, sorts and searches. */
  @state() private selection: ReadonlyMap<string, Registration> = new Map();
  @state() private deregistering = false;
  @state() private deregisterError: CapacityError | undefined;
  @state() private announcement = '';

  /** The query of the load in flight or last done, so that only a real change reloads. */
  #loadedQuery: string | undefined;
  #loadedSync: CapacitySync | undefined;
  #loadAbort: AbortController | undefined;
  /** Each load takes a ticket; only the newest one's answer is shown. */
  #loadTicket = 0;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** One user action's key, reused by its retries so that the server applies it once. */
  #idempotencyKey: string | undefined;
  /** The `<capacity-manager>` this panel is in: events still reach the page after the panel is gone. */
  #manager: Element | undefined;
  /** The confirmation was open when the panel left the page: the manager was moved, and it shows again on return. */
  #reshowConfirmation = false;

  /** Whether any registration is selected (the manager keeps a stray backdrop click from discarding it). */
  get hasSelection(): boolean {
    return this.selection.size > 0;
  }

  /** Whether a deregistration is on its way (the manager does not close under it: its outcome must be seen). */
  get isDeregistering(): boolean {
    return this.deregistering;
  }

  /** Focuses the search field. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const root = this.getRootNode();
    if (root instanceof ShadowRoot) this.#manager = root.host;
    if (this.hasUpdated) this.requestUpdate(); // loads again what disconnecting aborted
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Closing the manager abandons what it was reading; a deregistration already sent runs on (see #deregister).
    clearTimeout(this.#searchTimer);
    this.#loadTicket++;
    this.#loadAbort?.abort();
    this.#loadAbort = undefined;
    this.#loadedQuery = undefined;
    // A removed modal dialog stays "open" but is no longer modal (the manager behind it would not be inert).
    const confirmation = this.#confirmation;
    if (confirmation?.open) {
      this.#reshowConfirmation = true;
      confirmation.close();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // After the manager's own update, which has shown its dialog again: the confirmation goes above it.
    const confirmation = this.#confirmation;
    if (this.#reshowConfirmation && this.isConnected && confirmation && !confirmation.open) {
      this.#reshowConfirmation = false;
      confirmation.showModal();
      confirmation.querySelector<HTMLButtonElement>('#cancel')?.focus();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const query = this.#query();
    const key = JSON.stringify([query, this.revision]);
    if (this.isConnected && this.sync && (this.sync !== this.#loadedSync || key !== this.#loadedQuery)) {
      this.#load(this.sync, query, key);
    }
  }

  #query(): RegistrationQuery {
    return { search: this.search, sort: this.sort, order: this.order, page: this.page, pageSize: this.pageSize };
  }

  #load(sync: CapacitySync, query: RegistrationQuery, key: string): void {
    this.#loadedSync = sync;
    this.#loadedQuery = key;
    this.#loadAbort?.abort();
    const abort = new AbortController();
    this.#loadAbort = abort;
    const ticket = ++this.#loadTicket;
    this.loading = true;
    this.loadError = undefined;
    callBackend(() => sync.backend.listRegistrations(query, { signal: abort.signal })).then(
      (page) => {
        if (ticket !== this.#loadTicket) return;
        this.#loadAbort = undefined;
        sync.publishCapacity(page.capacity);
        // The page emptied (a deregistration, another tab): step back to the last page there is.
        const last = pageCount(page.total, this.pageSize);
        if (page.items.length === 0 && this.page > last) {
          this.page = last;
          return;
        }
        this.result = { page, search: query.search ?? '' };
        this.loading = false;
      },
      (error: unknown) => {
        if (ticket !== this.#loadTicket) return;
        this.#loadAbort = undefined;
        this.loadError = this.#report(error);
        this.loading = false;
      },
    );
  }

  #retryLoad(): void {
    this.#loadedQuery = undefined;
    this.requestUpdate();
  }

  #report(error: unknown): CapacityError {
    return this.controller?.report(error) ?? CapacityError.from(error);
  }

  /** Where events go: the manager, even once this panel has been closed away. */
  get #eventTarget(): EventTarget {
    return this.isConnected ? this : (this.#manager ?? this);
  }

  // --- Search ------------------------------------------------------------------------------------

  #onSearchInput(event: InputEvent): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#applySearch(), this.searchDelay);
  }

  #onSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      this.#applySearch();
    } else if (event.key === 'Escape' && this.searchText !== '') {
      // The first Escape clears the field; only an Escape in an empty field closes the manager.
      event.preventDefault();
      event.stopPropagation();
      this.#clearSearch();
    }
  }

  #applySearch(): void {
    clearTimeout(this.#searchTimer);
    const search = this.searchText.trim();
    if (search === this.search) return;
    this.search = search;
    this.page = 1;
  }

  #clearSearch(): void {
    this.searchText = '';
    this.#applySearch();
    this.focus();
  }

  // --- Sort and pages -----------------------------------------------------------------------------

  #sortBy(key: SortKey): void {
    if (key === this.sort) {
      this.order = this.order === 'asc' ? 'desc' : 'asc';
    } else {
      this.sort = key;
      // Newest first is what one wants from a date; A to Z from a name.
      this.order = key === 'registeredAt' ? 'desc' : 'asc';
    }
    this.page = 1;
  }

  #onPageSize(event: Event): void {
    this.pageSize = Number((event.target as HTMLSelectElement).value) as PageSize;
    this.page = 1;
  }

  #goTo(page: number): void {
    const last = pageCount(this.result?.page.total ?? 0, this.pageSize);
    const target = Math.min(Math.max(page, 1), last);
    if (target !== this.page) this.page = target;
  }

  // --- Selection ----------------------------------------------------------------------------------

  #toggle(registrations: readonly Registration[], selected: boolean): void {
    const next = new Map(this.selection);
    for (const registration of registrations) {
      if (selected) next.set(registration.id, registration);
      else next.delete(registration.id);
    }
    this.selection = next;
  }

  #clearSelection(): void {
    this.selection = new Map();
    // The button that had focus is gone; the Deregister button beside it stays focusable.
    void this.updateComplete.then(() => this.#deregisterButton?.focus());
  }

  get #deregisterButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('#deregister');
  }

  get #confirmation(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  // --- Deregistration -----------------------------------------------------------------------------

  async #openConfirmation(): Promise<void> {
    if (this.selection.size === 0) return;
    this.deregisterError = undefined;
    this.#idempotencyKey = randomUuid();
    await this.updateComplete;
    const dialog = this.#confirmation;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>('#cancel')?.focus();
  }

  #cancelConfirmation(): void {
    if (this.deregistering) return;
    this.#confirmation?.close();
  }

  // While the request runs, Escape must not close the confirmation: its outcome (a failure, with
  // Retry over the same selection) would have nowhere to show. `closedby="none"` keeps the close
  // watcher from acting at all; preventing cancel alone holds back one Escape only, since a close
  // watcher fires cancel once per user activation and closes on the next Escape without it.
  #onConfirmationCancel(event: Event): void {
    if (this.deregistering) event.preventDefault();
  }

  #onConfirmationClose(event: Event): void {
    const confirmation = event.currentTarget as HTMLDialogElement;
    // Closed because the manager was moved (the panel left the page): it is shown again, or will be.
    if (!this.isConnected || confirmation.open) return;
    if (this.deregistering) {
      // A browser without closedby closed it under a running request: back it comes.
      confirmation.showModal();
      confirmation.querySelector<HTMLButtonElement>('#cancel')?.focus();
      return;
    }
    const button = this.#deregisterButton;
    if (button && this.isConnected) button.focus();
  }

  async #deregister(): Promise<void> {
    const sync = this.sync;
    if (this.deregistering || !sync || this.selection.size === 0 || this.selection.size > MAX_DEREGISTER_IDS) return;
    const registrations = [...this.selection.values()];
    if (!emit(this.#eventTarget, 'capacity-deregister-request', { registrations }, { cancelable: true })) {
      this.#confirmation?.close(); // the host stopped it: nothing sent, the selection stays
      return;
    }
    const ids = registrations.map((registration) => registration.id);
    this.#idempotencyKey ??= randomUuid();
    this.deregistering = true;
    this.deregisterError = undefined;
    this.announcement = '';
    try {
      // Through the shared CapacitySync: every element on the page updates, even if this panel is gone by then.
      const result = await sync.deregister(ids, { idempotencyKey: this.#idempotencyKey });
      this.#idempotencyKey = undefined;
      const next = new Map(this.selection);
      for (const id of ids) next.delete(id);
      this.selection = next;
      this.announcement = deregisteredMessage(result, this);
      this.deregistering = false;
      this.#confirmation?.close();
      emit(this.#eventTarget, 'lead-deregistered', result);
    } catch (error) {
      this.deregistering = false;
      this.deregisterError = this.#report(error);
      // Nothing is lost: the confirmation shows why, with Retry, over the unchanged selection.
      const dialog = this.#confirmation;
      if (dialog && !dialog.open && this.isConnected) {
        await this.updateComplete;
        dialog.showModal();
        dialog.querySelector<HTMLButtonElement>('#cancel')?.focus();
      }
    }
  }

  // --- Rendering ----------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`
      <div class="status-bar">
        <capacity-meter .backend=${this.sync?.backend} @capacity-change=${this.#stopOwnEvent}></capacity-meter>
      </div>
      ${this.#renderToolbar()}
      <p class="announcement" role="status">${this.announcement}</p>
      <div class="scroller">${this.#renderTable()}</div>
      ${this.#renderFooter()} ${this.#renderConfirmation()}
    `;
  }

  // The manager itself tells the page about capacity changes; the meter inside it must not say it twice.
  #stopOwnEvent(event: Event): void {
    event.stopPropagation();
  }

  #renderToolbar(): TemplateResult {
    const count = this.selection.size;
    return html`
      <div class="toolbar">
        <label class="search">
          Search
          <input
            id="search"
            type="search"
            autocomplete="off"
            spellcheck="false"
            placeholder="Domain, company, contact name or country"
            .value=${live(this.searchText)}
            @input=${this.#onSearchInput}
            @keydown=${this.#onSearchKeydown}
          />
        </label>
        <div class="selection">
          ${
            count > 0
              ? html`
                  <span class="selection-size">${domainCount(count, this)} selected</span>
                  <button class="link" type="button" @click=${this.#clearSelection}>Clear selection</button>
                `
              : html`<span class="selection-size">Select domains to deregister them.</span>`
          }
          <button
            id="deregister"
            class="button danger"
            type="button"
            aria-disabled=${count === 0 ? 'true' : 'false'}
            @click=${this.#openConfirmation}
          >
            Deregister${count > 0 ? html` <span class="count">${formatNumber(count, this)}</span>` : nothing}
          </button>
        </div>
      </div>
    `;
  }

  #renderTable(): TemplateResult {
    const items = this.result?.page.items ?? [];
    const onPage = items.filter((registration) => this.selection.has(registration.id)).length;
    const all = items.length > 0 && onPage === items.length;
    const some = onPage > 0 && !all;
    return html`
      <table part="table" aria-busy=${this.loading ? 'true' : 'false'}>
        <caption class="visually-hidden">
          Registered domains
        </caption>
        <colgroup>
          <col class="check" />
          ${COLUMNS.map((column) => html`<col class=${column.className} />`)}
        </colgroup>
        <thead>
          <tr>
            <td class="check">
              <label>
                <input
                  type="checkbox"
                  aria-label="Select all domains on this page"
                  .checked=${live(all)}
                  .indeterminate=${live(some)}
                  ?disabled=${items.length === 0}
                  @change=${(event: Event) => this.#toggle(items, (event.target as HTMLInputElement).checked)}
                />
              </label>
            </td>
            ${COLUMNS.map((column) => this.#renderHeader(column))}
          </tr>
        </thead>
        ${this.#renderBody()}
      </table>
    `;
  }

  #renderHeader(column: (typeof COLUMNS)[number]): TemplateResult {
    const sorted = column.key === this.sort;
    const ariaSort = sorted ? (this.order === 'asc' ? 'ascending' : 'descending') : undefined;
    return html`
      <th scope="col" aria-sort=${ariaSort ?? nothing}>
        <button class="sort" type="button" @click=${() => this.#sortBy(column.key)}>
          <span>${column.label}</span>${sortIcon(sorted ? this.order : undefined)}
        </button>
      </th>
    `;
  }

  #renderBody(): TemplateResult {
    const result = this.result;
    if (this.loadError) {
      return this.#message(html`
        <p class="error" role="alert">${this.loadError.message}</p>
        <button class="button" type="button" @click=${this.#retryLoad}>Retry</button>
      `);
    }
    if (!result) {
      return html`
        <tbody>
          ${Array.from(
            { length: Math.min(this.pageSize, SKELETON_ROWS) },
            () => html`
              <tr class="skeleton" aria-hidden="true">
                <td class="check"></td>
                ${COLUMNS.map(() => html`<td><span></span></td>`)}
              </tr>
            `,
          )}
        </tbody>
      `;
    }
    if (result.page.total === 0) {
      return result.search === ''
        ? this.#message(html`
            <p>No domains are registered in your capacity yet.</p>
            <p>Domains appear here when you register prospects from their contact records.</p>
          `)
        : this.#message(html`
            <p>No registered domains match “<bdi>${result.search}</bdi>”.</p>
            <button class="button" type="button" @click=${this.#clearSearch}>Clear search</button>
          `);
    }
    return html`
      <tbody class=${this.loading ? 'stale' : ''}>
        ${result.page.items.map((registration) => this.#renderRow(registration))}
      </tbody>
    `;
  }

  #message(content: TemplateResult): TemplateResult {
    return html`
      <tbody>
        <tr class="message">
          <td colspan=${COLUMNS.length + 1}>${content}</td>
        </tr>
      </tbody>
    `;
  }

  #renderRow(registration: Registration): TemplateResult {
    const selected = this.selection.has(registration.id);
    // The cells' spans are in this one template, not a template each: a page of 100 rows is 100
    // template instances to make and update, not 600.
    return html`
      <tr class=${selected ? 'selected' : ''}>
        <td class="check">
          <label>
            <input
              type="checkbox"
              aria-label=${`Select ${registration.domain}`}
              .checked=${live(selected)}
              @change=${(event: Event) => this.#toggle([registration], (event.target as HTMLInputElement).checked)}
            />
          </label>
        </td>
        <th scope="row"><span class="truncate" title=${registration.domain}>${registration.domain}</span></th>
        <td><span class="truncate" title=${registration.company}>${registration.company}</span></td>
        <td><span class="truncate" title=${registration.contactName}>${registration.contactName}</span></td>
        <td><span class="truncate" title=${registration.country}>${registration.country}</span></td>
        <td><time datetime=${registration.registeredAt}>${formatDate(registration.registeredAt, this)}</time></td>
      </tr>
    `;
  }

  #renderFooter(): TemplateResult {
    const page = this.result?.page;
    const total = page?.total ?? 0;
    const last = pageCount(total, this.pageSize);
    const first = page && total > 0 ? (page.page - 1) * page.pageSize + 1 : 0;
    const end = page ? Math.min(page.page * page.pageSize, total) : 0;
    const range = total > 0 ? `${formatNumber(first, this)}–${formatNumber(end, this)}` : '0';
    const atStart = this.page <= 1;
    const atEnd = this.page >= last;
    // Named by its title alone: a title beside an aria-label of the same words is read twice, as name and description.
    const pageButton = (label: string, icon: TemplateResult, disabled: boolean, target: number): TemplateResult => html`
      <button
        class="button"
        type="button"
        title=${label}
        aria-disabled=${disabled ? 'true' : 'false'}
        @click=${() => this.#goTo(target)}
      >
        ${icon}
      </button>
    `;
    return html`
      <div class="footer" part="footer">
        <label class="page-size">
          Rows per page
          <select @change=${this.#onPageSize}>
            ${PAGE_SIZES.map((size) => html`<option value=${size} ?selected=${size === this.pageSize}>${size}</option>`)}
          </select>
        </label>
        <p class="range">${range} of ${formatNumber(total, this)}</p>
        <div class="pages" role="group" aria-label="Pages">
          ${pageButton('First page', FIRST, atStart, 1)}
          ${pageButton('Previous page', PREVIOUS, atStart, this.page - 1)}
          ${pageButton('Next page', NEXT, atEnd, this.page + 1)} ${pageButton('Last page', LAST, atEnd, last)}
        </div>
      </div>
    `;
  }

  #renderConfirmation(): TemplateResult {
    const registrations = [...this.selection.values()].sort((a, b) =>
      a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0,
    );
    const count = registrations.length;
    const busy = this.deregistering;
    const tooMany = count > MAX_DEREGISTER_IDS;
    const error = this.deregisterError;
    return html`
      <dialog
        class="confirmation"
        part="confirmation"
        role="alertdialog"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-explanation"
        closedby=${busy ? 'none' : nothing}
        @cancel=${this.#onConfirmationCancel}
        @close=${this.#onConfirmationClose}
      >
        <h3 id="confirm-title">Deregister ${domainCount(count, this)}?</h3>
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
                You can deregister up to ${formatNumber(MAX_DEREGISTER_IDS, this)} domains at a time. Select fewer and
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
            @click=${this.#cancelConfirmation}
          >
            Cancel
          </button>
          <button
            id="confirm"
            class="button danger"
            type="button"
            aria-disabled=${busy || tooMany ? 'true' : 'false'}
            aria-busy=${busy ? 'true' : 'false'}
            @click=${this.#deregister}
          >
            ${busy ? 'Deregistering…' : error ? 'Retry' : 'Yes, deregister'}
          </button>
        </div>
      </dialog>
    `;
  }
}
