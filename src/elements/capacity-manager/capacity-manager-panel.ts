import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Loader } from '../../controllers/loader.js';
import { DEFAULT_PAGE_SIZE, DEFAULT_SORT, pageCount } from '../../core/query-params.js';
import { lifecycleClock } from '../../core/lifecycle.js';
import type {
  PageSize,
  Registration,
  RegistrationFilter,
  RegistrationPage,
  RegistrationQuery,
  SortKey,
  SortOrder,
} from '../../core/types.js';
import { addEnglish, type Localizer } from '../../i18n/localizer.js';
import { managerMessages } from '../../i18n/manager-messages.js';
import type { BackendState } from '../../state/backend-state.js';
import { modalDialog } from '../../styles/modal-dialog.js';
import { theme } from '../../styles/theme.js';
import { LocalizedElement } from '../localized-element.js';
import { capacityManagerPanelStyles } from './capacity-manager-panel.styles.js';
import { Deregistration, type BulkActionOptions } from './deregister-confirmation.js';
import { deregisterConfirmationStyles } from './deregister-confirmation.styles.js';
import { BulkRenew } from './bulk-renew.js';
import { CsvExport } from './csv-export.js';
import { csvExportStyles } from './csv-export.styles.js';
import { lifecycleStyles } from './lifecycle.styles.js';
import { renderFilter, renderSearch } from './registration-filter.js';
import { renderSelectionActions } from './selection-actions.js';
import {
  changeAnnouncement,
  renderFooter,
  renderTable,
  TableScrollController,
  type TableChange,
  type TableModel,
} from './registration-table.js';

// The manager's English messages come with its chunk.
addEnglish(managerMessages);

// The locale too, as text sorts in its language's order.
type ListArgs = [state: BackendState, query: RegistrationQuery, revision: number, locale: string];
const QUERY_FIELDS = ['search', 'filter', 'sort', 'order', 'page', 'pageSize'] as const;

interface Listed {
  page: RegistrationPage;
  /** The search and filter the page answers. */
  search: string;
  /** The query it answers (the panel's own object): whether it answers the query now shown. */
  query: RegistrationQuery;
  filter: RegistrationFilter | undefined;
}

/**
 * The inside of `<capacity-manager>`: the status bar, the searchable, sortable, paged table of
 * registrations, the selection and the deregistration with its confirmation. Loaded lazily by the
 * manager on first open (a page with only the card never downloads it); not a public element.
 *
 * @internal
 */
export class CapacityManagerPanelElement extends LocalizedElement {
  static override styles = [
    theme,
    modalDialog,
    capacityManagerPanelStyles,
    deregisterConfirmationStyles,
    csvExportStyles,
    lifecycleStyles,
  ];

  static override properties: PropertyDeclarations = {
    state: { attribute: false },
    manager: { attribute: false },
    searchDelay: { attribute: false },
    searchText: { state: true },
    search: { state: true },
    filter: { state: true },
    sort: { state: true },
    order: { state: true },
    page: { state: true },
    pageSize: { state: true },
    selection: { state: true },
    announcement: { state: true },
    announcementHidden: { state: true },
  };

  /** The backend's shared state: lists through it, and deregisters through it so that every element updates. */
  declare state: BackendState | undefined;
  /**
   * The `<capacity-manager>` this panel is in: its events and failures are the manager's, even once the panel is gone.
   */
  declare manager: HTMLElement | undefined;
  /** Milliseconds between the last keystroke in the search field and the search. */
  declare searchDelay: number;

  /** What is in the search field; `search` is what was last searched for. */
  declare private searchText: string;
  declare private search: string;
  /** Which registrations the list shows: all (undefined), those pending review, or those expiring soon. */
  declare private filter: RegistrationFilter | undefined;
  declare private sort: SortKey;
  declare private order: SortOrder;
  declare private page: number;
  declare private pageSize: PageSize;
  /** The selected registrations by id: kept across pages, sorts and searches. */
  declare private selection: ReadonlyMap<string, Registration>;
  declare private announcement: string;
  /**
   * Whether the announcement is for screen readers only: what a search, sort or page change did is on show already
   * (the rows, the sort mark, the range); a deregistration's outcome is shown too.
   */
  declare private announcementHidden: boolean;

  readonly #list = new Loader<ListArgs, Listed>(this, {
    // The revision, so that a change of registrations reloads the page shown.
    args: () => (this.state ? [this.state, this.#query, this.state.revision, this.localizer.locale] : undefined),
    run: async ([state, query, , locale], signal) => {
      const page = await state.listRegistrations(query, { reporter: this.#eventTarget, signal, locale });
      return { page, search: query.search ?? '', filter: query.filter, query };
    },
    // Rows stay (shown as stale) while the next page or search loads.
    keepValue: ([state], [next]) => state === next,
  });
  readonly #export = new CsvExport(this, {
    state: () => this.state,
    query: () => ({ search: this.search, filter: this.filter, sort: this.sort, order: this.order }),
    localizer: () => this.localizer,
    reporter: () => this.#eventTarget,
    linkParent: () => this.renderRoot,
    announce: (text) => this.#announce(text),
  });
  /** What Renew and Deregister act on, and how they say what they did. */
  readonly #bulkAction: BulkActionOptions = {
    state: () => this.state,
    selection: () => this.selection,
    // The refused stay selected, to act on again; those done are done.
    onDone: (ids) => {
      const next = new Map(this.selection);
      for (const id of ids) next.delete(id);
      this.selection = next;
    },
    localizer: () => this.localizer,
    eventTarget: () => this.#eventTarget,
    root: () => this.renderRoot,
    announce: (text) => this.#announce(text),
  };
  readonly #renew = new BulkRenew(this, this.#bulkAction);
  readonly #deregistration = new Deregistration(this, this.#bulkAction);
  constructor() {
    super();
    this.searchDelay = 250;
    this.searchText = '';
    this.search = '';
    this.page = 1;
    this.sort = DEFAULT_SORT;
    this.order = 'asc';
    this.pageSize = DEFAULT_PAGE_SIZE;
    this.selection = new Map();
    this.announcement = '';
    this.announcementHidden = false;
  }
  #query: RegistrationQuery = {};
  #unsubscribe: (() => void) | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** The user's last change of the query, until its answer is shown: then announced, the rows scrolled to the top. */
  #pendingChange: TableChange | undefined;
  readonly #tableScroll = new TableScrollController(this);

  /** Whether any registration is selected (the manager keeps a stray backdrop click from discarding it). */
  get hasSelection(): boolean {
    return this.selection.size > 0;
  }

  /** Whether a deregistration is on its way (the manager does not close under it: its outcome must be seen). */
  get isDeregistering(): boolean {
    return this.#deregistration.deregistering;
  }

  /** Whether a renewal is on its way (the manager does not close under it either). */
  get isRenewing(): boolean {
    return this.#renew.renewing;
  }

  /** Focuses the search field. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Closing the manager abandons what it was reading; a deregistration or renewal already sent runs on.
    clearTimeout(this.#searchTimer);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('state')) this.#subscribe();
    // The page emptied (a deregistration, another tab): step back to the last page there is.
    const listed = this.#list.value?.page;
    if (
      listed &&
      listed.items.length === 0 &&
      listed.page === this.page &&
      this.page > pageCount(listed.total, this.pageSize)
    ) {
      this.page = pageCount(listed.total, this.pageSize);
    }
    // A new object only when the query changes: the list reads when its arguments change.
    if (QUERY_FIELDS.some((field) => (changed as Map<PropertyKey, unknown>).has(field))) {
      const { search, filter, sort, order, page, pageSize } = this;
      this.#query = { search, sort, order, page, pageSize };
      if (filter) this.#query.filter = filter;
    }
    if (this.#pendingChange && this.#list.status === 'complete' && this.#list.value?.query === this.#query) {
      this.announcement = changeAnnouncement(this.#pendingChange, this.#tableModel());
      this.announcementHidden = true;
      this.#pendingChange = undefined;
      this.#tableScroll.toTop();
    }
  }

  /** Asks for a change of the query; the status region is emptied so that its answer is read out, even if alike. */
  #changeQuery(change: TableChange): void {
    this.#pendingChange = change;
    this.announcement = '';
  }

  // Registrations changed (here, elsewhere on the page, in another tab): the list's revision moved, it reloads. The
  // capacity changed: its policy says whether Renew is offered.
  #subscribe(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.isConnected ? this.state?.subscribe(() => this.requestUpdate()) : undefined;
  }

  /** Where events go: the manager, even once this panel has been closed away. */
  get #eventTarget(): EventTarget {
    return this.manager ?? this;
  }

  // --- Search, sort and pages ----------------------------------------------------------------------

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
    this.#changeQuery('search');
  }

  #clearSearch(): void {
    this.searchText = '';
    this.#applySearch();
    this.focus();
  }

  #setFilter(filter: RegistrationFilter | undefined): void {
    this.filter = filter;
    this.page = 1;
    this.#changeQuery('page');
  }

  #sortBy(key: SortKey): void {
    if (key === this.sort) {
      this.order = this.order === 'asc' ? 'desc' : 'asc';
    } else {
      this.sort = key;
      // Newest first is what one wants from a date; A to Z from a name.
      this.order = key === 'registeredAt' ? 'desc' : 'asc';
    }
    this.page = 1;
    this.#changeQuery('sort');
  }

  #setPageSize(size: PageSize): void {
    this.pageSize = size;
    this.page = 1;
    this.#changeQuery('page');
  }

  #goTo(page: number): void {
    const last = pageCount(this.#list.value?.page.total ?? 0, this.pageSize);
    const target = Math.min(Math.max(page, 1), last);
    if (target === this.page) return;
    this.page = target;
    this.#changeQuery('page');
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
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#deregister')?.focus());
  }

  /** Says `text` in the status region, on show: the outcome of an action (a table change is said quietly). */
  #announce(text: string): void {
    this.announcement = text;
    this.announcementHidden = false;
  }

  // --- Rendering ----------------------------------------------------------------------------------

  #tableModel(): TableModel {
    return {
      localizer: this.localizer,
      result: this.#list.value,
      loading: this.#list.status === 'pending',
      loadError: this.#list.error,
      sort: this.sort,
      order: this.order,
      page: this.page,
      pageSize: this.pageSize,
      selection: this.selection,
      now: lifecycleClock.now(),
      toggle: (registrations, selected) => this.#toggle(registrations, selected),
      sortBy: (key) => this.#sortBy(key),
      goTo: (page) => this.#goTo(page),
      setPageSize: (size) => this.#setPageSize(size),
      retryLoad: () => this.#list.reload(),
      clearSearch: () => this.#clearSearch(),
      clearFilter: () => this.#setFilter(undefined),
    };
  }

  protected override render(): TemplateResult {
    const l = this.localizer;
    const table = this.#tableModel();
    const said = this.announcementHidden
      ? html`<span class="visually-hidden">${this.announcement}</span>`
      : this.announcement;
    return html`
      <div class="status-bar"><capacity-meter .backend=${this.state?.backend}></capacity-meter></div>
      ${this.#renderToolbar(l)}
      <p class="announcement ${this.announcementHidden ? 'quiet' : ''}" role="status">${said}</p>
      <div class="scroller">${renderTable(table)}</div>
      ${renderFooter(table)} ${this.#deregistration.render(l)} ${this.#renew.render(l)}
    `;
  }

  #renderToolbar(l: Localizer): TemplateResult {
    return html`
      <div class="toolbar">
        ${renderSearch(l, this.searchText, this.#onSearchInput, this.#onSearchKeydown)}
        ${renderFilter(l, this.filter, (filter) => this.#setFilter(filter))}
        ${renderSelectionActions({
          localizer: l,
          count: this.selection.size,
          renewable: this.#renew.offered,
          clearSelection: () => this.#clearSelection(),
          renew: () => this.#renew.open(),
          deregister: () => this.#deregistration.open(),
        })}
        ${this.#export.render(l)}
      </div>
    `;
  }
}
