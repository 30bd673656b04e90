import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { csvRecord, BOM } from '../../core/csv.js';
import { displayDomain, loadDecoder } from '../../core/display-domain.js';
import { CapacityError } from '../../core/errors.js';
import { lifecycleClock } from '../../core/lifecycle.js';
import type { Registration, RegistrationQuery } from '../../core/types.js';
import { errorText } from '../../i18n/error-text.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { BackendState } from '../../state/backend-state.js';
import { COLUMNS, expiryText, statusText } from './registration-table.js';

/** Rows per request: the largest page the API serves, so that N rows cost ceil(N / 100) requests. */
const EXPORT_PAGE_SIZE = 100;

/** The search, filter and sort to export: the table's, without its paging. */
export type ExportQuery = Omit<RegistrationQuery, 'page' | 'pageSize'>;

/**
 * The file's records: the table's columns, as it shows them (in the partner's language, dates as it writes them, an
 * internationalised domain in Unicode where that is safe, once the decoder is there).
 */
function exportRecords(registrations: readonly Registration[], l: Localizer): string[][] {
  return registrations.map((registration) => [
    displayDomain(registration.domain),
    registration.company,
    registration.contactName,
    registration.country,
    l.date(registration.registeredAt),
    statusText(registration, l),
    expiryText(registration, l),
  ]);
}

/** The header record of the file: the table's column names. */
const exportHeader = (l: Localizer): string[] => COLUMNS.map((column) => l.t(column.label));

/** Lets the browser paint and handle input before the next piece of work (no long task while exporting). */
function yieldToBrowser(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) =>
    setTimeout(() => (signal.aborted ? reject(new CapacityError('aborted', { cause: signal.reason })) : resolve())),
  );
}

export interface ExportRun {
  state: BackendState;
  query: ExportQuery;
  localizer: Localizer;
  /** Where a failed read is reported (`lead-registration-error`, operation `listRegistrations`). */
  reporter: EventTarget;
  signal: AbortSignal;
  /** After each page: rows fetched so far and the total the last page reported. */
  onProgress: (done: number, total: number) => void;
}

/**
 * Reads every page of `query` through the shared state, 100 rows a request, and writes the CSV as the pages
 * come (a page's rows are one short task), yielding to the browser between pages. A row that a change
 * meanwhile moved onto the next page (paging is by offset) is written once. Rejects with the read's
 * CapacityError (`aborted` on cancel).
 */
async function exportCsv(run: ExportRun): Promise<{ csv: Blob; rows: number }> {
  const { state, query, localizer: l, reporter, signal, onProgress } = run;
  const parts = [BOM, csvRecord(exportHeader(l))];
  const written = new Set<string>();
  for (let page = 1; ; page++) {
    const answer = await state.listRegistrations(
      { ...query, page, pageSize: EXPORT_PAGE_SIZE },
      { reporter, signal, locale: l.locale },
    );
    const fresh = answer.items.filter((registration) => !written.has(registration.id));
    for (const registration of fresh) written.add(registration.id);
    // Domains as the table shows them: an internationalised one needs the decoder (in ASCII if it cannot be fetched).
    if (fresh.some((registration) => registration.domain.includes('xn--'))) await loadDecoder();
    for (const record of exportRecords(fresh, l)) parts.push(csvRecord(record));
    onProgress(written.size, answer.total);
    if (answer.items.length < EXPORT_PAGE_SIZE || page * EXPORT_PAGE_SIZE >= answer.total) break;
    await yieldToBrowser(signal);
  }
  return { csv: new Blob(parts, { type: 'text/csv;charset=utf-8' }), rows: written.size };
}

/** A day in the user's time zone as YYYY-MM-DD (Swedish writes dates so): the file's date, which sorts in a folder. */
const fileDate = (now: Date): string => now.toLocaleDateString('sv-SE');

/** Hands `blob` to the browser as a download named `fileName`. */
function download(blob: Blob, fileName: string, parent: Node): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  parent.appendChild(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next task; until then the URL must live.
  setTimeout(() => URL.revokeObjectURL(url));
}

type ExportStatus =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number | undefined }
  | { phase: 'failed'; error: CapacityError };

export interface CsvExportOptions {
  state: () => BackendState | undefined;
  query: () => ExportQuery;
  localizer: () => Localizer;
  reporter: () => EventTarget;
  /** Where the link of the download is put for its click (the panel's shadow root). */
  linkParent: () => Node;
  /** Says an outcome in the panel's status region. */
  announce: (text: string) => void;
}

/**
 * The manager's Export CSV: one button that starts the export and, while it runs, cancels it (focus stays on
 * it), with the progress beside it, and after a failure the reason and Retry. Closing the manager abandons it.
 */
export class CsvExport implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: CsvExportOptions;
  #status: ExportStatus = { phase: 'idle' };
  #run: AbortController | undefined;

  constructor(host: ReactiveControllerHost, options: CsvExportOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get running(): boolean {
    return this.#status.phase === 'running';
  }

  hostDisconnected(): void {
    this.cancel(false);
  }

  async start(): Promise<void> {
    const state = this.#options.state();
    if (!state || this.running) return;
    const run = (this.#run = new AbortController());
    const l = this.#options.localizer();
    this.#set({ phase: 'running', done: 0, total: undefined });
    this.#options.announce('');
    try {
      const { csv, rows } = await exportCsv({
        state,
        query: this.#options.query(),
        localizer: l,
        reporter: this.#options.reporter(),
        signal: run.signal,
        onProgress: (done, total) => this.#set({ phase: 'running', done, total }),
      });
      const fileName = l.t('export.fileName', { date: fileDate(lifecycleClock.now()) });
      download(csv, fileName, this.#options.linkParent());
      this.#set({ phase: 'idle' });
      this.#options.announce(l.t('export.done', { count: rows, fileName }));
    } catch (caught) {
      // A cancel has already said so; any other failure stays on show with Retry.
      if (!run.signal.aborted) this.#set({ phase: 'failed', error: CapacityError.from(caught) });
    } finally {
      if (this.#run === run) this.#run = undefined;
    }
  }

  /** Stops the export under way: nothing is downloaded. */
  cancel(announce = true): void {
    if (!this.#run) return;
    this.#run.abort();
    this.#run = undefined;
    this.#set({ phase: 'idle' });
    if (announce) this.#options.announce(this.#options.localizer().t('export.cancelled'));
  }

  #set(status: ExportStatus): void {
    this.#status = status;
    this.#host.requestUpdate();
  }

  render(l: Localizer): TemplateResult {
    const status = this.#status;
    const running = status.phase === 'running';
    return html`
      <div class="export">
        ${
          running && status.total !== undefined
            ? html`<span class="export-progress">
                ${l.t('export.progress', { done: status.done, total: status.total })}
              </span>`
            : status.phase === 'failed'
              ? html`<span class="error" id="export-error" role="alert">
                  ${l.t('export.failed', { reason: errorText(l, status.error) })}
                </span>`
              : nothing
        }
        <button
          id="export"
          class="button"
          type="button"
          aria-describedby=${status.phase === 'failed' ? 'export-error' : nothing}
          @click=${() => (running ? this.cancel() : void this.start())}
        >
          ${l.t(running ? 'export.cancel' : status.phase === 'failed' ? 'common.retry' : 'export.start')}
        </button>
      </div>
    `;
  }
}
