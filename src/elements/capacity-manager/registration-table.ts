import { html, nothing, svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { displayDomain } from '../../core/display-domain.js';
import type { CapacityError } from '../../core/errors.js';
import { daysUntil, EXPIRY_WARNING_DAYS, isExpiringSoon } from '../../core/lifecycle.js';
import { PAGE_SIZES, pageCount } from '../../core/query-params.js';
import type {
  PageSize,
  Registration,
  RegistrationFilter,
  RegistrationPage,
  SortKey,
  SortOrder,
} from '../../core/types.js';
import { errorText } from '../../i18n/error-text.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { MessageId } from '../../i18n/types.js';

/** The columns after the checkbox, in order (the CSV export writes the same); a `key` makes one sortable. */
export const COLUMNS: readonly { key?: SortKey; label: MessageId; className: string }[] = [
  { key: 'domain', label: 'table.domain', className: 'domain' },
  { key: 'company', label: 'table.company', className: 'company' },
  { key: 'contactName', label: 'table.contactName', className: 'contact-name' },
  { key: 'country', label: 'table.country', className: 'country' },
  { key: 'registeredAt', label: 'table.registeredAt', className: 'registered-at' },
  { label: 'table.status', className: 'status' },
  { key: 'expiresAt', label: 'table.expiresAt', className: 'expires-at' },
];

/** Skeleton rows on the first load: enough to fill the view, so that the rows replace them in place. */
const SKELETON_ROWS = 8;

/** What the table shows and what it calls back: the panel's state and actions. */
export interface TableModel {
  localizer: Localizer;
  /** The page shown and the search and filter it answers (the field may have moved on); undefined before the first. */
  result: { page: RegistrationPage; search: string; filter: RegistrationFilter | undefined } | undefined;
  loading: boolean;
  loadError: CapacityError | undefined;
  sort: SortKey;
  order: SortOrder;
  page: number;
  pageSize: PageSize;
  selection: ReadonlyMap<string, Registration>;
  /** What "expiring soon" is measured from. */
  now: Date;
  toggle: (registrations: readonly Registration[], selected: boolean) => void;
  sortBy: (key: SortKey) => void;
  goTo: (page: number) => void;
  setPageSize: (size: PageSize) => void;
  retryLoad: () => void;
  clearSearch: () => void;
  clearFilter: () => void;
}

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
// Drawn for left to right; the styles mirror them in a right-to-left page, where "next" points left.
const FIRST = chevron('M8 4 4 8l4 4M12 4 8 8l4 4');
const PREVIOUS = chevron('M10 4 6 8l4 4');
const NEXT = chevron('M6 4l4 4-4 4');
const LAST = chevron('M4 4l4 4-4 4M8 4l4 4-4 4');

/**
 * The table of registrations: a tri-state header checkbox, sortable column headers, the rows or what stands for them.
 */
export function renderTable(model: TableModel): TemplateResult {
  const items = model.result?.page.items ?? [];
  const onPage = items.filter((registration) => model.selection.has(registration.id)).length;
  const all = items.length > 0 && onPage === items.length;
  const some = onPage > 0 && !all;
  const l = model.localizer;
  return html`
    <table part="table" aria-busy=${model.loading ? 'true' : 'false'}>
      <caption class="visually-hidden">
        ${l.t('table.caption')}
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
                aria-label=${l.t('table.selectAll')}
                .checked=${live(all)}
                .indeterminate=${live(some)}
                ?disabled=${items.length === 0}
                @change=${(event: Event) => model.toggle(items, (event.target as HTMLInputElement).checked)}
              />
            </label>
          </td>
          ${COLUMNS.map((column) => renderHeader(column, model))}
        </tr>
      </thead>
      ${renderRows(model)}
    </table>
  `;
}

function renderHeader(column: (typeof COLUMNS)[number], model: TableModel): TemplateResult {
  const { key } = column;
  if (!key) return html`<th scope="col" class="plain">${model.localizer.t(column.label)}</th>`;
  const sorted = key === model.sort;
  const ariaSort = sorted ? (model.order === 'asc' ? 'ascending' : 'descending') : undefined;
  return html`
    <th scope="col" aria-sort=${ariaSort ?? nothing}>
      <button class="sort" type="button" @click=${() => model.sortBy(key)}>
        <span>${model.localizer.t(column.label)}</span>${sortIcon(sorted ? model.order : undefined)}
      </button>
    </th>
  `;
}

function renderRows(model: TableModel): TemplateResult {
  const { result, loadError, localizer: l } = model;
  if (loadError) {
    return message(html`
      <p class="error" role="alert">${errorText(l, loadError)}</p>
      <button class="button" type="button" @click=${model.retryLoad}>${l.t('common.retry')}</button>
    `);
  }
  if (!result) {
    return html`
      <tbody>
        ${Array.from(
          { length: Math.min(model.pageSize, SKELETON_ROWS) },
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
    if (result.search !== '') {
      return message(html`
        <p>${l.parts('table.noMatch', { search: html`<bdi>${result.search}</bdi>` })}</p>
        <button class="button" type="button" @click=${model.clearSearch}>${l.t('table.clearSearch')}</button>
      `);
    }
    if (result.filter) {
      return message(html`
        <p>
          ${
            result.filter === 'pending'
              ? l.t('table.nonePending')
              : l.t('table.noneExpiring', { days: EXPIRY_WARNING_DAYS })
          }
        </p>
        <button class="button" type="button" @click=${model.clearFilter}>${l.t('manager.filterAll')}</button>
      `);
    }
    return message(html`
      <p>${l.t('table.empty')}</p>
      <p>${l.t('table.emptyHint')}</p>
    `);
  }
  return html`
    <tbody class=${model.loading ? 'stale' : ''}>
      ${result.page.items.map((registration) => renderRow(registration, model))}
    </tbody>
  `;
}

function message(content: TemplateResult): TemplateResult {
  return html`
    <tbody>
      <tr class="message">
        <td colspan=${COLUMNS.length + 1}>${content}</td>
      </tr>
    </tbody>
  `;
}

function renderRow(registration: Registration, model: TableModel): TemplateResult {
  const selected = model.selection.has(registration.id);
  const l = model.localizer;
  const domain = displayDomain(registration.domain);
  // The cells' spans are in this one template, not a template each: a page of 100 rows is 100
  // template instances to make and update, not 600. Each cell of the partner's data takes the
  // direction of its own text (`dir="auto"`): an Arabic company name reads right to left in an English table.
  return html`
    <tr class=${selected ? 'selected' : ''}>
      <td class="check">
        <label>
          <input
            type="checkbox"
            aria-label=${l.t('table.select', { domain })}
            .checked=${live(selected)}
            @change=${(event: Event) => model.toggle([registration], (event.target as HTMLInputElement).checked)}
          />
        </label>
      </td>
      <th scope="row" dir="auto"><span class="truncate" title=${domain}>${domain}</span></th>
      <td dir="auto"><span class="truncate" title=${registration.company}>${registration.company}</span></td>
      <td dir="auto"><span class="truncate" title=${registration.contactName}>${registration.contactName}</span></td>
      <td dir="auto"><span class="truncate" title=${registration.country}>${registration.country}</span></td>
      <td><time datetime=${registration.registeredAt}>${l.date(registration.registeredAt)}</time></td>
      <td>${statusText(registration, l)}</td>
      <td>${renderExpiry(registration, l, model.now)}</td>
    </tr>
  `;
}

/** The rows a page shows, counted from 1 (`first` 0 when there are none), of `total`. */
function rangeOf(page: RegistrationPage | undefined): { first: number; last: number; total: number } {
  const total = page?.total ?? 0;
  const first = page && total > 0 ? (page.page - 1) * page.pageSize + 1 : 0;
  return { first, last: page ? Math.min(page.page * page.pageSize, total) : 0, total };
}

/** A change of the table the user asked for, said in the status region once its answer is there. */
export type TableChange = 'search' | 'sort' | 'page';

/** What the status region says once `change` is answered: "17 domains match.", "Sorted by Company, A to Z.". */
export function changeAnnouncement(change: TableChange, model: TableModel): string {
  const l = model.localizer;
  const page = model.result?.page;
  if (change === 'search' && model.result?.search) return l.t('manager.matches', { count: page?.total ?? 0 });
  if (change === 'sort') {
    const column = COLUMNS.find(({ key }) => key === model.sort)!;
    // A date is ordered oldest or newest first, an expiry soonest or latest first, text A to Z or Z to A.
    const asc = model.order === 'asc';
    const order =
      model.sort === 'registeredAt'
        ? asc
          ? 'oldest'
          : 'newest'
        : model.sort === 'expiresAt'
          ? asc
            ? 'soonest'
            : 'latest'
          : model.order;
    return l.t('manager.sorted', { column: l.t(column.label), order });
  }
  return l.t('manager.showing', rangeOf(page));
}

/** A registration's status in words: Registered, or Pending review. */
export function statusText(registration: Registration, l: Localizer): string {
  return l.t(registration.status === 'pending' ? 'card.pending' : 'table.registered');
}

/** When a registration expires, as the table says it: its date, or Never. */
export function expiryText(registration: Registration, l: Localizer): string {
  return registration.expiresAt === null ? l.t('table.noExpiry') : l.date(registration.expiresAt);
}

/** The Expires cell: the date and, within EXPIRY_WARNING_DAYS, how soon ("in 12 days"), or Never. */
function renderExpiry(registration: Registration, l: Localizer, now: Date): TemplateResult | string {
  const { expiresAt } = registration;
  if (expiresAt === null) return expiryText(registration, l);
  return html`<time datetime=${expiresAt}>${l.date(expiresAt)}</time>${
      isExpiringSoon(registration, now)
        ? html` <span class="soon">${l.t('table.expiresIn', { days: daysUntil(expiresAt, now) })}</span>`
        : nothing
    }`;
}

/** The bar under the table: rows per page, the range shown ("26–50 of 137"), and the page buttons. */
export function renderFooter(model: TableModel): TemplateResult {
  const l = model.localizer;
  const { first, last: end, total } = rangeOf(model.result?.page);
  const last = pageCount(total, model.pageSize);
  const atStart = model.page <= 1;
  const atEnd = model.page >= last;
  // Named by its title alone: a title beside an aria-label of the same words is read twice, as name and description.
  const pageButton = (
    label: MessageId,
    icon: TemplateResult,
    disabled: boolean,
    target: number,
  ): TemplateResult => html`
    <button
      class="button"
      type="button"
      title=${l.t(label)}
      aria-disabled=${disabled ? 'true' : 'false'}
      @click=${() => model.goTo(target)}
    >
      ${icon}
    </button>
  `;
  return html`
    <div class="footer" part="footer">
      <label class="page-size">
        ${l.t('table.rowsPerPage')}
        <select
          @change=${(event: Event) => model.setPageSize(Number((event.target as HTMLSelectElement).value) as PageSize)}
        >
          ${PAGE_SIZES.map(
            (size) => html`<option value=${size} ?selected=${size === model.pageSize}>${l.number(size)}</option>`,
          )}
        </select>
      </label>
      <p class="range">${l.t('table.range', { first, last: end, total })}</p>
      <div class="pages" role="group" aria-label=${l.t('table.pages')}>
        ${pageButton('table.firstPage', FIRST, atStart, 1)}
        ${pageButton('table.previousPage', PREVIOUS, atStart, model.page - 1)}
        ${pageButton('table.nextPage', NEXT, atEnd, model.page + 1)} ${pageButton('table.lastPage', LAST, atEnd, last)}
      </div>
    </div>
  `;
}

/**
 * The table's scrolling: its scroll padding follows the sticky header's height (so that a row focused by Tab shows
 * below it, however tall the header grows), and `toTop` starts the next rows shown at the top, not where the last
 * page was scrolled to.
 */
export class TableScrollController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };
  #toTop = false;
  #observed = false;

  constructor(host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode }) {
    this.#host = host;
    host.addController(this);
  }

  toTop(): void {
    this.#toTop = true;
  }

  hostUpdated(): void {
    const scroller = this.#host.renderRoot.querySelector<HTMLElement>('.scroller');
    const header = this.#host.renderRoot.querySelector('thead');
    if (!this.#observed && scroller && header) {
      this.#observed = true;
      new ResizeObserver(() =>
        scroller.style.setProperty('--_header-size', `${header.getBoundingClientRect().height}px`),
      ).observe(header);
    }
    if (this.#toTop && scroller) scroller.scrollTop = 0;
    this.#toTop = false;
  }
}
