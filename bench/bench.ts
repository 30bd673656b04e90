// The benchmark page (`npm run bench`; bench/run.mjs builds it, serves it and drives it in headless
// Chromium). Every scenario measures our elements and, in the same run and interleaved with them, a
// plain-DOM baseline: the same UI with the same rows, written by hand, reading a LocalBackend of its
// own over the same registrations. The ratio between the two is what our components cost over the
// least a page could do; the data work (IndexedDB, the ledger) is the same on both sides.
//
// "Painted": a figure ends when the frame that shows the change has been rendered. After the update
// completes (the element's `updateComplete`, the rows in the DOM) we wait for a requestAnimationFrame
// callback (the next frame starts) and then for the next task, which runs once that frame's style,
// layout and paint are done. Chromium runs without its 60 Hz frame-rate limit (see run.mjs), so the
// figures measure work, not the wait for a vsync.
import '../src/define.js';
import { LocalBackend } from '../src/backends/local-backend.js';
import type {
  CapacityBackend,
  Registration,
  RegistrationPage,
  RegistrationQuery,
  SortKey,
  SortOrder,
} from '../src/core/types.js';
import type { CapacityManagerElement } from '../src/elements/capacity-manager/capacity-manager.js';
import { CapacityManagerPanelElement } from '../src/elements/capacity-manager/capacity-manager-panel.js';
import { generateRegistrations } from '../mocks/seed.js';

// --- What the driver reads -------------------------------------------------------------------------

export interface Row {
  id: string;
  label: string;
  unit: 'ms' | 'MB';
  /** One figure per run. */
  ours: number[];
  baseline?: number[];
  /** The longest main-thread task (Long Tasks API, ≥ 50 ms) seen during each run of ours; 0 when none. */
  longestTask?: number[];
  /** The target: `median` ≤ max, or the longest task ≤ max. */
  target?: { max: number; of: 'median' | 'longest task' };
}

// --- The panel as the bench opens it ----------------------------------------------------------------

/** What the bench reads and sets of the panel's internals (private to TypeScript, plain properties at run time). */
interface PanelInternals {
  pageSize: number;
  searchDelay: number;
  announcement: string;
  search: string;
}

/**
 * The Capacity Manager's panel with 100 rows per page (the figures) and no search debounce.
 * Defined before the manager first loads its panel, which then finds the tag taken and uses this.
 */
class BenchPanel extends CapacityManagerPanelElement {
  constructor() {
    super();
    const internals = this as unknown as PanelInternals;
    internals.pageSize = 100;
    internals.searchDelay = 0;
  }
}
customElements.define('capacity-manager-panel', BenchPanel);

const internals = (panel: CapacityManagerPanelElement): PanelInternals => panel as unknown as PanelInternals;

// --- Timing -------------------------------------------------------------------------------------------

/** The next task (a message, not a timer: no 4 ms clamp). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** The frame that shows what is in the DOM now has been rendered (see the definition at the top). */
async function painted(): Promise<void> {
  await nextFrame();
  await nextTask();
}

/** Waits, task by task, until `condition` holds. */
async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}.`);
    await nextTask();
  }
}

/** Lets the page go quiet between runs: pending work done, a few frames rendered. */
async function quiet(): Promise<void> {
  for (let i = 0; i < 3; i++) await painted();
  await new Promise((resolve) => setTimeout(resolve, 30));
}

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

interface Timing {
  ms: number;
  longestTask: number;
}

/** Times `run` to the frame that shows its outcome, and the longest task it caused. */
async function time(run: () => Promise<void>): Promise<Timing> {
  await quiet();
  const start = performance.now();
  await run();
  await painted();
  const ms = performance.now() - start;
  const end = start + ms;
  await nextTask(); // long-task entries arrive after the task
  const longestTask = longTasks
    .filter((entry) => entry.startTime + entry.duration > start && entry.startTime < end)
    .reduce((longest, entry) => Math.max(longest, entry.duration), 0);
  return { ms, longestTask };
}

/** Times a backend call (no DOM of its own), to the next frame all the same. */
async function timeCall(run: () => Promise<unknown>): Promise<Timing> {
  return time(async () => {
    await run();
  });
}

// --- Data ---------------------------------------------------------------------------------------------

const LIMIT = 1_000_000;
const SEED = 7;
/** A fixed "now", so that every run generates the same registrations. */
const NOW = Date.UTC(2026, 10, 1);

/**
 * The databases: one per size, only read once seeded (two LocalBackends on one database in one page
 * hear each other's changes and reload), and copies of 100,000 for the scenarios that change data,
 * seeded afresh by each of them.
 */
type Database = 1_000 | 10_000 | 100_000 | 'scale' | 'deregister' | 'deregister-baseline';
const sizeOf = (database: Database): number => (typeof database === 'number' ? database : 100_000);

function backendFor(database: Database): LocalBackend {
  return new LocalBackend({ tier: 'diamond', limits: { diamond: LIMIT }, name: `lrw-bench-${database}` });
}

async function reseed(database: Database): Promise<void> {
  const backend = backendFor(database);
  await backend.replaceAll(generateRegistrations(sizeOf(database), SEED, { now: NOW }));
  backend.dispose();
}

/** A LocalBackend over a seeded database, loaded into memory. */
async function loadedBackend(database: Database): Promise<LocalBackend> {
  const backend = backendFor(database);
  const { used } = await backend.getCapacity();
  if (used !== sizeOf(database))
    throw new Error(`The database ${database} holds ${used} registrations: seed it first.`);
  return backend;
}

const stage = document.getElementById('stage')!;

function clearStage(): void {
  stage.replaceChildren();
}

// --- The plain-DOM baseline ----------------------------------------------------------------------------
// The same UI as our elements, element for element where it shows (the same rows, the same bars, the
// search field focused on open, selected rows marked), written by hand: what the least a page could
// do costs. Styles: bench/index.html.

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const COLUMNS = ['Domain', 'Company', 'Contact name', 'Country', 'Registered'];

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function cut(text: string): HTMLSpanElement {
  const span = element('span', text, 'truncate');
  span.title = text;
  return span;
}

/** A row as the manager's: a labelled checkbox, the domain as row header, three cut cells, the date. */
function baselineRow(registration: Registration): HTMLTableRowElement {
  const row = element('tr');
  const check = element('td', undefined, 'check');
  const label = element('label');
  const box = element('input');
  box.type = 'checkbox';
  box.setAttribute('aria-label', `Select ${registration.domain}`);
  label.append(box);
  check.append(label);
  const domain = element('th');
  domain.scope = 'row';
  domain.append(cut(registration.domain));
  const cells = [registration.company, registration.contactName, registration.country].map((text) => {
    const cell = element('td');
    cell.append(cut(text));
    return cell;
  });
  const time = element('time', dateFormat.format(new Date(registration.registeredAt)));
  time.dateTime = registration.registeredAt;
  const date = element('td');
  date.append(time);
  row.append(check, domain, ...cells, date);
  return row;
}

/** The Capacity Manager by hand: a modal dialog with its bars, the table of a page and the footer. */
class BaselineTable {
  readonly dialog = element('dialog', undefined, 'baseline');
  readonly status = element('p');
  readonly search = element('input');
  readonly selection = element('span', 'Select domains to deregister them.');
  readonly announcement = element('p');
  readonly body = element('tbody');
  readonly range = element('p');
  readonly deregisterButton = element('button', 'Deregister');
  readonly confirmation = element('dialog');
  readonly backend: CapacityBackend;
  query: RegistrationQuery = { pageSize: 100 };
  page: RegistrationPage | undefined;

  constructor(backend: CapacityBackend) {
    this.backend = backend;
    const bar = (...children: Node[]): HTMLDivElement => {
      const div = element('div', undefined, 'bar');
      div.append(...children);
      return div;
    };
    const searchLabel = element('label', 'Search');
    this.search.type = 'search';
    searchLabel.append(this.search);
    const columns = element('colgroup');
    columns.append(
      ...['check', 'domain', 'company', 'contact-name', 'country', 'registered-at'].map((name) =>
        element('col', undefined, name),
      ),
    );
    const headRow = element('tr');
    const all = element('input');
    all.type = 'checkbox';
    const allCell = element('td');
    allCell.append(all);
    headRow.append(
      allCell,
      ...COLUMNS.map((label) => {
        const cell = element('th');
        cell.scope = 'col';
        cell.append(element('button', label));
        return cell;
      }),
    );
    const head = element('thead');
    head.append(headRow);
    const table = element('table');
    table.append(columns, head, this.body);
    const scroller = element('div', undefined, 'scroller');
    scroller.append(table);
    const pageSize = element('select');
    pageSize.append(...[10, 25, 50, 100].map((size) => element('option', String(size))));
    const frame = element('div', undefined, 'frame');
    frame.append(
      bar(element('h2', 'Partner Registration Capacity'), element('button', 'Close')),
      bar(this.status),
      bar(searchLabel, this.selection, this.deregisterButton),
      this.announcement,
      scroller,
      bar(pageSize, this.range, ...['First', 'Previous', 'Next', 'Last'].map((label) => element('button', label))),
    );
    this.dialog.append(frame, this.confirmation);
    stage.append(this.dialog);
  }

  async show(query: RegistrationQuery): Promise<void> {
    const opening = !this.dialog.open;
    if (opening) this.dialog.showModal();
    this.query = { ...this.query, ...query };
    const page = await this.backend.listRegistrations(this.query);
    this.page = page;
    this.body.replaceChildren(...page.items.map(baselineRow));
    const { used, limit } = page.capacity;
    this.status.textContent = `${used.toLocaleString('en')} of ${limit.toLocaleString('en')} domains used`;
    const first = (page.page - 1) * page.pageSize;
    this.range.textContent = `${(first + 1).toLocaleString('en')}–${(first + page.items.length).toLocaleString('en')} of ${page.total.toLocaleString('en')}`;
    if (opening) this.search.focus();
  }

  selectAll(): void {
    for (const row of this.body.rows) {
      row.querySelector('input')!.checked = true;
      row.classList.add('selected');
    }
    this.selection.textContent = `${this.body.rows.length} domains selected`;
  }

  /** The confirmation, as the manager's: a modal dialog listing the domains, with its buttons. */
  confirm(): void {
    const list = element('ul');
    list.append(...this.page!.items.map((registration) => element('li', registration.domain)));
    this.confirmation.replaceChildren(
      element('h3', `Deregister ${this.page!.items.length} domains?`),
      list,
      element('button', 'Cancel'),
      element('button', 'Yes, deregister'),
    );
    this.confirmation.showModal();
  }

  async deregisterPage(): Promise<void> {
    const ids = this.page!.items.map((registration) => registration.id);
    const result = await this.backend.deregister(ids);
    this.confirmation.close();
    this.deregisterButton.focus();
    await this.show({});
    this.selection.textContent = 'Select domains to deregister them.';
    this.announcement.textContent = `${result.removed.length} domains deregistered. ${this.status.textContent}.`;
  }

  close(): void {
    this.dialog.close();
    this.dialog.remove();
  }
}

/** The card's registered state by hand: its header and gear, the state, the domain and date. */
async function baselineCard(backend: CapacityBackend, contactId: string): Promise<void> {
  const card = element('section', undefined, 'baseline');
  stage.append(card);
  // The same one read as the card's.
  const { registration, capacity } = await backend.getContactView({ contactId });
  if (!registration) throw new Error(`${contactId} is not registered.`);
  const header = element('div');
  const menu = element('div');
  menu.hidden = true;
  menu.append(element('button', 'Manage your capacity'));
  header.append(element('span', 'Lead registration'), element('button', '⚙'), menu);
  const facts = element('dl');
  const fact = (term: string, value: Node): HTMLDivElement => {
    const div = element('div');
    const dd = element('dd');
    dd.append(value);
    div.append(element('dt', term), dd);
    return div;
  };
  const time = element('time', dateFormat.format(new Date(registration.registeredAt)));
  time.dateTime = registration.registeredAt;
  facts.append(fact('Domain', element('span', registration.domain)), fact('Registered', time));
  card.append(
    header,
    element('p', '✓ Registered'),
    facts,
    element('p', `${capacity.used} of ${capacity.limit} domains used`),
  );
}

// --- Our elements ------------------------------------------------------------------------------------

function panelOf(manager: CapacityManagerElement): CapacityManagerPanelElement | null {
  return manager.shadowRoot?.querySelector<CapacityManagerPanelElement>('capacity-manager-panel') ?? null;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the same contract as querySelector<E>
function $<E extends Element>(panel: CapacityManagerPanelElement, selector: string): E {
  const found = panel.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`Nothing matches ${selector} in the panel.`);
  return found;
}

function rowCount(panel: CapacityManagerPanelElement): number {
  return panel.shadowRoot?.querySelectorAll('tbody tr:not(.skeleton):not(.message)').length ?? 0;
}

/**
 * Waits until the panel shows the answer to its current query (`search`, when given), rendered: its
 * table no longer busy, with rows or a message. (The list itself is private to the panel's Loader.)
 */
async function panelSettled(panel: CapacityManagerPanelElement, search?: string): Promise<void> {
  await panel.updateComplete; // a change of query starts its load in this update
  await until(
    () =>
      panel.shadowRoot?.querySelector('table')?.getAttribute('aria-busy') === 'false' &&
      (rowCount(panel) > 0 || panel.shadowRoot.querySelector('tr.message') !== null) &&
      (search === undefined || internals(panel).search === search),
    'the panel to show its rows',
  );
  await panel.updateComplete;
}

/** The capacity used, as the panel's status bar shows it ("123,456 of 200,000 domains used"). */
function usedShown(panel: CapacityManagerPanelElement): number {
  return Number(meterText(panel).split(' of ')[0].replace(/\D/g, ''));
}

/** A `<capacity-manager>` on `backend`, connected and closed. */
function managerOn(backend: CapacityBackend): CapacityManagerElement {
  const manager = document.createElement('capacity-manager');
  manager.backend = backend;
  stage.append(manager);
  return manager;
}

async function openManager(manager: CapacityManagerElement): Promise<CapacityManagerPanelElement> {
  manager.show();
  await until(() => panelOf(manager) !== null, 'the panel');
  const panel = panelOf(manager)!;
  await panelSettled(panel);
  if (rowCount(panel) === 0) throw new Error('The manager opened with no rows.');
  return panel;
}

async function closeManager(manager: CapacityManagerElement): Promise<void> {
  manager.close();
  await manager.updateComplete;
}

/** Types `text` in the panel's search field and presses Enter (the search without its debounce). */
function typeSearch(panel: CapacityManagerPanelElement, text: string): void {
  const input = $<HTMLInputElement>(panel, '#search');
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
}

function sortButton(panel: CapacityManagerPanelElement, label: string): HTMLButtonElement {
  const button = [...(panel.shadowRoot?.querySelectorAll<HTMLButtonElement>('th button.sort') ?? [])].find(
    (candidate) => candidate.textContent.trim() === label,
  );
  if (!button) throw new Error(`No sort button ${label}.`);
  return button;
}

function meterText(panel: CapacityManagerPanelElement): string {
  return (
    panel.shadowRoot
      ?.querySelector('capacity-meter')
      ?.shadowRoot?.querySelector('[part="summary"]')
      ?.textContent.trim() ?? ''
  );
}

// --- Scenarios ------------------------------------------------------------------------------------------

const SIZES = [1_000, 10_000, 100_000] as const;
const SORTS: readonly { label: string; sort: SortKey; order: SortOrder }[] = [
  { label: 'Company', sort: 'company', order: 'asc' },
  { label: 'Company', sort: 'company', order: 'desc' },
  { label: 'Contact name', sort: 'contactName', order: 'asc' },
  { label: 'Contact name', sort: 'contactName', order: 'desc' },
  { label: 'Country', sort: 'country', order: 'asc' },
  { label: 'Country', sort: 'country', order: 'desc' },
  { label: 'Registered', sort: 'registeredAt', order: 'desc' },
  { label: 'Registered', sort: 'registeredAt', order: 'asc' },
];
/** One keystroke each: a word typed letter by letter, then deleted back to its first letter. */
const KEYSTROKES = ['h', 'ha', 'har', 'harb', 'harbo', 'harbor', 'harbo', 'harb', 'har', 'ha', 'h'];

const samples = <T>(timings: T[], pick: (timing: T) => number): number[] => timings.map(pick);

/** Seeds the three databases (1,000 and 10,000 untimed), timing the 100,000 one `runs` times. */
async function seed(runs: number): Promise<Row[]> {
  await reseed(1_000);
  await reseed(10_000);
  const registrations = generateRegistrations(100_000, SEED, { now: NOW });
  const timings: Timing[] = [];
  for (let run = 0; run < runs; run++) {
    const backend = backendFor(100_000);
    await backend.storage(); // the database open and (empty or not) loaded: the figure is the replacement
    timings.push(await timeCall(() => backend.replaceAll(registrations)));
    backend.dispose();
  }
  return [
    {
      id: 'backend-seed-100000',
      label: 'LocalBackend: replaceAll of 100,000 (seeding)',
      unit: 'ms',
      ours: samples(timings, (t) => t.ms),
      longestTask: samples(timings, (t) => t.longestTask),
      target: { max: 200, of: 'longest task' },
    },
  ];
}

/** LocalBackend alone at 100,000: load, first sorts, search, changes. */
async function backendScale(runs: number): Promise<Row[]> {
  const load: Timing[] = [];
  const firstQuery: Timing[] = [];
  const firstSort: Timing[] = [];
  const search: Timing[] = [];
  const deregister: Timing[] = [];
  const register: Timing[] = [];
  await reseed('scale');
  for (let run = 0; run < runs; run++) {
    const backend = backendFor('scale');
    load.push(await timeCall(() => backend.getCapacity()));
    firstQuery.push(await timeCall(() => backend.listRegistrations({ pageSize: 100 })));
    const { sort, order } = SORTS[run % SORTS.length];
    firstSort.push(await timeCall(() => backend.listRegistrations({ sort, order, pageSize: 100 })));
    const term = KEYSTROKES[run % KEYSTROKES.length];
    search.push(await timeCall(() => backend.listRegistrations({ search: term, sort, order, pageSize: 100 })));
    const page = await backend.listRegistrations({ pageSize: 100, page: 10 + run });
    deregister.push(
      await timeCall(async () => {
        await backend.deregister(page.items.map((registration) => registration.id));
        await backend.listRegistrations({ sort, order, pageSize: 100 });
      }),
    );
    register.push(
      await timeCall(async () => {
        await backend.register({
          contactId: `bench-${run}-${Date.now()}`,
          website: `bench-${run}-${Date.now()}.example`,
        });
        await backend.listRegistrations({ sort, order, pageSize: 100 });
      }),
    );
    backend.dispose();
  }
  const row = (id: string, label: string, timings: Timing[]): Row => ({
    id,
    label,
    unit: 'ms',
    ours: samples(timings, (t) => t.ms),
    longestTask: samples(timings, (t) => t.longestTask),
    target: { max: 200, of: 'longest task' },
  });
  return [
    row('backend-load-100000', 'LocalBackend: load 100,000 from IndexedDB (first call)', load),
    row('backend-first-query-100000', 'LocalBackend: first query after load (sort by domain)', firstQuery),
    row('backend-first-sort-100000', 'LocalBackend: first sort by another key', firstSort),
    row('backend-search-100000', 'LocalBackend: first search after load', search),
    row('backend-deregister-100000', 'LocalBackend: deregister 100 + next query', deregister),
    row('backend-register-100000', 'LocalBackend: register 1 + next query', register),
  ];
}

/** The card, connected → its registered state painted. */
async function card(runs: number): Promise<Row[]> {
  const count = 1_000;
  const probe = await loadedBackend(count);
  const sample = (await probe.listRegistrations({ page: 5, pageSize: 100 })).items[50];
  probe.dispose();
  const contactId = sample.contactId;

  async function ours(backend: LocalBackend): Promise<void> {
    const card = document.createElement('lead-registration-card');
    card.contactId = contactId;
    card.website = `https://www.${sample.domain}/`;
    card.company = sample.company;
    card.backend = backend;
    stage.append(card);
    await until(() => card.shadowRoot?.querySelector('.state.registered') != null, 'the registered state');
    await card.updateComplete;
  }

  const rows: Row[] = [];
  for (const warm of [true, false]) {
    const timings: Timing[] = [];
    const baseline: Timing[] = [];
    for (let run = 0; run < runs; run++) {
      for (const side of ['ours', 'baseline'] as const) {
        const backend = warm ? await loadedBackend(count) : backendFor(count);
        const timing = await time(() => (side === 'ours' ? ours(backend) : baselineCard(backend, contactId)));
        (side === 'ours' ? timings : baseline).push(timing);
        clearStage();
        backend.dispose();
      }
    }
    rows.push({
      id: warm ? 'card-memory' : 'card-indexeddb',
      label: warm
        ? 'Card: connected → registered painted (LocalBackend, data in memory)'
        : 'Card: connected → registered painted (fresh LocalBackend, 1,000 in IndexedDB)',
      unit: 'ms',
      ours: samples(timings, (t) => t.ms),
      baseline: samples(baseline, (t) => t.ms),
      longestTask: samples(timings, (t) => t.longestTask),
    });
  }
  return rows;
}

/** The manager, open → first page of 100 painted, at 1,000. */
async function managerOpen(runs: number): Promise<Row[]> {
  const backend = await loadedBackend(1_000);
  const other = await loadedBackend(1_000);
  const manager = managerOn(backend);
  await manager.updateComplete;
  const ours: Timing[] = [];
  const baseline: Timing[] = [];
  for (let run = 0; run < runs; run++) {
    ours.push(await time(() => openManager(manager).then(() => undefined)));
    await closeManager(manager);
    let table: BaselineTable | undefined;
    baseline.push(
      await time(async () => {
        table = new BaselineTable(other);
        await table.show({});
      }),
    );
    table?.close();
  }
  clearStage();
  backend.dispose();
  other.dispose();
  return [
    {
      id: 'manager-open-1000',
      label: 'Manager: open → first page painted (1,000, 100 rows)',
      unit: 'ms',
      ours: samples(ours, (t) => t.ms),
      baseline: samples(baseline, (t) => t.ms),
      longestTask: samples(ours, (t) => t.longestTask),
      target: { max: 50, of: 'median' },
    },
  ];
}

/** Our manager and the baseline table, open on two backends over the same `count` registrations. */
async function openBoth(
  database: Database,
  baselineDatabase = database,
): Promise<{ panel: CapacityManagerPanelElement; table: BaselineTable; done: () => void }> {
  const backend = await loadedBackend(database);
  const other = await loadedBackend(baselineDatabase);
  const manager = managerOn(backend);
  const panel = await openManager(manager);
  const table = new BaselineTable(other);
  await table.show({});
  // Open, so that it renders as ours does, but not modal: ours is the modal one (and sits above it).
  table.dialog.close();
  table.dialog.show();
  return {
    panel,
    table,
    done: () => {
      manager.close();
      clearStage();
      backend.dispose();
      other.dispose();
    },
  };
}

/** A search keystroke → rows updated, at each size. */
async function search(runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const count of SIZES) {
    const { panel, table, done } = await openBoth(count);
    const ours: Timing[] = [];
    const baseline: Timing[] = [];
    // Around the word and back, never the same search twice in a row (that would load nothing).
    const keystrokes = Array.from({ length: runs }, (_, run) => KEYSTROKES[run % (KEYSTROKES.length - 1)]);
    for (const text of keystrokes) {
      ours.push(
        await time(async () => {
          typeSearch(panel, text);
          await panelSettled(panel, text);
        }),
      );
      baseline.push(await time(() => table.show({ search: text, page: 1 })));
    }
    typeSearch(panel, '');
    await panelSettled(panel, '');
    done();
    rows.push({
      id: `search-${count}`,
      label: `Search keystroke → rows updated (${count.toLocaleString('en')})`,
      unit: 'ms',
      ours: samples(ours, (t) => t.ms),
      baseline: samples(baseline, (t) => t.ms),
      longestTask: samples(ours, (t) => t.longestTask),
      ...(count !== 10_000 && { target: { max: count === 1_000 ? 16 : 50, of: 'median' as const } }),
    });
  }
  return rows;
}

/** Sort changes and page changes at 100,000. */
async function sortAndPage(runs: number): Promise<Row[]> {
  const { panel, table, done } = await openBoth(100_000);
  const firstSort: Timing[] = [];
  const firstSortBaseline: Timing[] = [];
  const againSort: Timing[] = [];
  const againSortBaseline: Timing[] = [];
  // Each column's first sort (both orders) since the data loaded, then the same sorts again.
  for (const [first, ours, baseline] of [
    [true, firstSort, firstSortBaseline],
    [false, againSort, againSortBaseline],
  ] as const) {
    const sorts = first ? SORTS : SORTS.slice(0, Math.max(runs, 5));
    for (const { label, sort, order } of sorts) {
      ours.push(
        await time(async () => {
          sortButton(panel, label).click();
          await panelSettled(panel);
        }),
      );
      baseline.push(await time(() => table.show({ sort, order, page: 1 })));
    }
    if (first) {
      // Back to the domain order, then around again: the columns in the same order as before.
      sortButton(panel, 'Domain').click();
      await panelSettled(panel);
      await table.show({ sort: 'domain', order: 'asc' });
    }
  }
  const page: Timing[] = [];
  const pageBaseline: Timing[] = [];
  for (let run = 0; run < runs; run++) {
    page.push(
      await time(async () => {
        $<HTMLButtonElement>(panel, 'button[title="Next page"]').click();
        await panelSettled(panel);
      }),
    );
    pageBaseline.push(await time(() => table.show({ page: run + 2 })));
  }
  done();
  return [
    {
      id: 'sort-first-100000',
      label: 'Sort change → rows updated (100,000; first sort of that column and order)',
      unit: 'ms',
      ours: samples(firstSort, (t) => t.ms),
      baseline: samples(firstSortBaseline, (t) => t.ms),
      longestTask: samples(firstSort, (t) => t.longestTask),
      target: { max: 100, of: 'median' },
    },
    {
      id: 'sort-again-100000',
      label: 'Sort change → rows updated (100,000; sorted before)',
      unit: 'ms',
      ours: samples(againSort, (t) => t.ms),
      baseline: samples(againSortBaseline, (t) => t.ms),
      longestTask: samples(againSort, (t) => t.longestTask),
      target: { max: 100, of: 'median' },
    },
    {
      id: 'page-100000',
      label: 'Page change → rows updated (100,000)',
      unit: 'ms',
      ours: samples(page, (t) => t.ms),
      baseline: samples(pageBaseline, (t) => t.ms),
      longestTask: samples(page, (t) => t.longestTask),
    },
  ];
}

/** Select the 100 rows of a page, then deregister them → the status bar updated, at 100,000. */
async function deregister(runs: number): Promise<Row[]> {
  // Each side on a database of its own: a change to a shared one would make the other side reload it.
  await reseed('deregister');
  await reseed('deregister-baseline');
  const { panel, table, done } = await openBoth('deregister', 'deregister-baseline');
  const select: Timing[] = [];
  const selectBaseline: Timing[] = [];
  const ours: Timing[] = [];
  const baseline: Timing[] = [];
  for (let run = 0; run < runs; run++) {
    // The status bar is a meter of its own, which reads the capacity after the panel has opened.
    await until(() => /\d/.test(meterText(panel)), 'the status bar to show the capacity');
    const before = usedShown(panel);
    select.push(
      await time(async () => {
        $<HTMLInputElement>(panel, 'thead input[type="checkbox"]').click();
        await panel.updateComplete;
      }),
    );
    if (!$(panel, '.selection-size').textContent.includes('100')) throw new Error('100 rows were not selected.');
    $<HTMLButtonElement>(panel, '#deregister').click();
    await until(() => $<HTMLDialogElement>(panel, 'dialog').open, 'the confirmation');
    await panel.updateComplete;
    const expected = `${(before - 100).toLocaleString('en')} of`;
    ours.push(
      await time(async () => {
        $<HTMLButtonElement>(panel, '#confirm').click();
        const state = internals(panel);
        await until(() => !panel.isDeregistering && state.announcement !== '', 'the deregistration');
        await panelSettled(panel);
        await until(() => meterText(panel).startsWith(expected), 'the status bar');
      }),
    );
    if (usedShown(panel) !== before - 100) throw new Error('The deregistration did not remove 100.');
    selectBaseline.push(
      await time(() => {
        table.selectAll();
        return Promise.resolve();
      }),
    );
    table.confirm();
    baseline.push(await time(() => table.deregisterPage()));
  }
  done();
  return [
    {
      id: 'select-100',
      label: 'Select 100 (the page’s checkbox) → painted (100,000)',
      unit: 'ms',
      ours: samples(select, (t) => t.ms),
      baseline: samples(selectBaseline, (t) => t.ms),
      longestTask: samples(select, (t) => t.longestTask),
    },
    {
      id: 'deregister-100',
      label: 'Deregister 100 (confirm) → status bar updated (100,000)',
      unit: 'ms',
      ours: samples(ours, (t) => t.ms),
      baseline: samples(baseline, (t) => t.ms),
      longestTask: samples(ours, (t) => t.longestTask),
      target: { max: 100, of: 'median' },
    },
  ];
}

// --- The heap, measured by the driver between these steps ---------------------------------------------

let heapCleanup: (() => void) | undefined;

/** Opens the manager (or the baseline table) on 100,000 freshly loaded registrations, and waits for it to paint. */
async function heapOpen(side: 'ours' | 'baseline'): Promise<void> {
  const backend = await loadedBackend(100_000);
  if (side === 'ours') {
    const manager = managerOn(backend);
    await openManager(manager);
    await painted();
    heapCleanup = () => {
      manager.close();
      clearStage();
      backend.dispose();
    };
  } else {
    const table = new BaselineTable(backend);
    await table.show({});
    await painted();
    heapCleanup = () => {
      table.close();
      clearStage();
      backend.dispose();
    };
  }
}

async function heapClose(): Promise<void> {
  heapCleanup?.();
  heapCleanup = undefined;
  await quiet();
}

const SCENARIOS: Record<string, (runs: number) => Promise<Row[]>> = {
  seed,
  backend: backendScale,
  card,
  'manager-open': managerOpen,
  search,
  'sort-and-page': sortAndPage,
  deregister,
};

declare global {
  interface Window {
    bench: {
      scenarios: string[];
      run(name: string, runs: number): Promise<Row[]>;
      heapOpen(side: 'ours' | 'baseline'): Promise<void>;
      heapClose(): Promise<void>;
    };
  }
}

window.bench = {
  scenarios: Object.keys(SCENARIOS),
  async run(name, runs) {
    const scenario = SCENARIOS[name];
    if (!scenario) throw new Error(`No scenario ${name}.`);
    try {
      return await scenario(runs);
    } finally {
      clearStage();
    }
  },
  heapOpen,
  heapClose,
};
