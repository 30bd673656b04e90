import { expect, fixture, html } from '@open-wc/testing';
import { http } from 'msw';
import { api, startMockApi, worker } from '../../mocks/browser.js';
import { RestBackend } from '../../src/backends/rest-backend.js';
import { CapacityError } from '../../src/core/errors.js';
import { englishLocalizer } from '../../src/i18n/localizer.js';
import type { Registration } from '../../src/core/types.js';
import type { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import type { CapacityManagerPanelElement } from '../../src/elements/capacity-manager/capacity-manager-panel.js';
import { $, openManager, settled, sortButton, statusText } from '../helpers/capacity-manager.js';
import { textOf } from '../helpers/dom.js';
import { captureDownloads, csvOf, today, type Download } from '../helpers/downloads.js';
import { gate, openGates, serverAnswer } from '../helpers/faults.js';
import { makeRegistrations, registration } from '../helpers/registrations.js';
import { eventually, nextTask } from '../helpers/wait.js';

// Export CSV (issue 15): every page of the current search and sort, 100 rows a request, with progress and Cancel;
// the file as RFC 4180 and OWASP want it; the page responsive throughout.

/** The export's list requests the mock API received (100 rows a page; the table reads 25), their query. */
let listed: URLSearchParams[] = [];

/** Whether a list request is the export's. */
const isExportRead = (params: URLSearchParams): boolean => params.get('pageSize') === '100';
/** The signal of each request the manager's backend sent, by its URL. */
let signals: { url: string; signal: AbortSignal | undefined }[] = [];
/** What the page handed the browser to download. */
let downloads: Download[] = [];
let restoreDownloads = (): void => undefined;

beforeEach(() => {
  listed = [];
  ({ downloads, restore: restoreDownloads } = captureDownloads());
});

afterEach(() => {
  restoreDownloads();
  openGates();
  worker.resetHandlers();
});

async function managerOn(
  registrations: Registration[],
  tier: 'untiered' | 'diamond' = 'diamond',
): Promise<{ manager: CapacityManagerElement; panel: CapacityManagerPanelElement }> {
  await startMockApi({ state: { tier, registrations } });
  signals = [];
  const recordingFetch: typeof fetch = (input, init) => {
    signals.push({ url: input instanceof Request ? input.url : String(input), signal: init?.signal ?? undefined });
    return fetch(input, init);
  };
  const opened = await openManager(new RestBackend({ baseUrl: api.baseUrl, fetch: recordingFetch }));
  worker.use(
    http.get(`${api.baseUrl}/registrations`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      if (isExportRead(params)) listed.push(params);
      return undefined;
    }),
  );
  return opened;
}

/**
 * Holds the export's reads of `page` (every page when undefined) until `held` opens; records them all. Resolves
 * when the server has answered a held read.
 */
function holdPage(held: Promise<void>, page?: string): Promise<void> {
  return new Promise((answered) =>
    worker.use(
      http.get(`${api.baseUrl}/registrations`, async ({ request }) => {
        const params = new URL(request.url).searchParams;
        if (!isExportRead(params)) return serverAnswer(request);
        listed.push(params);
        if (page !== undefined && params.get('page') !== page) return serverAnswer(request);
        await held;
        const answer = await serverAnswer(request);
        answered();
        return answer;
      }),
    ),
  );
}

/** The signal of the export's read of `page` (100 rows a page: the table shows 25). */
function exportRead(page: number): AbortSignal | undefined {
  return signals.find(({ url }) => {
    const params = new URL(url, location.href).searchParams;
    return params.get('page') === String(page) && params.get('pageSize') === '100';
  })?.signal;
}

const exportButton = (panel: CapacityManagerPanelElement): HTMLButtonElement => $<HTMLButtonElement>(panel, '#export');

async function downloaded(): Promise<{ fileName: string; text: string }> {
  await eventually(
    () => downloads.length > 0,
    () => 'nothing was downloaded',
    10_000,
  );
  const [download] = downloads;
  expect(download.blob.type).to.equal('text/csv;charset=utf-8');
  return { fileName: download.fileName, text: await csvOf(download) };
}

describe('Export CSV', function () {
  this.timeout(20_000);

  for (const count of [0, 99, 100, 250]) {
    it(`reads ${count} rows in ${Math.max(1, Math.ceil(count / 100))} requests of 100 and writes them all`, async () => {
      const { panel } = await managerOn(makeRegistrations(count));
      exportButton(panel).click();
      const { fileName, text } = await downloaded();
      expect(listed.map((params) => `${params.get('page')}/${params.get('pageSize')}`)).to.deep.equal(
        Array.from({ length: Math.max(1, Math.ceil(count / 100)) }, (_, index) => `${index + 1}/100`),
      );
      expect(fileName).to.equal(`registrations-${today()}.csv`);
      const records = text.slice(1).split('\r\n');
      expect(records).to.have.length(count + 2); // the header, the rows, and the empty line after the last CRLF
      expect(records.at(-1)).to.equal('');
    });
  }

  it('writes the table’s columns as it shows them, in its order, with the BOM and CRLF', async () => {
    const { panel } = await managerOn([
      registration({
        domain: 'b.example',
        company: 'Crème, "Brûlée" & Co',
        contactName: '=HYPERLINK("https://evil.example","Click")',
        country: '+49',
        registeredAt: '2026-03-05T12:00:00.000Z',
        status: 'pending',
        expiresAt: '2031-01-02T12:00:00.000Z',
      }),
      registration({
        domain: 'a.example',
        company: '@SUM(1+1)',
        contactName: '-2+3',
        country: '\tFrance',
        registeredAt: '2026-03-04T12:00:00.000Z',
        expiresAt: '2031-01-01T12:00:00.000Z',
      }),
      registration({ domain: 'c.example', company: '\rCR', contactName: 'Plain Name', country: 'Japan' }),
    ]);
    // Newest first, as the table shows them once sorted so.
    sortButton(panel, 'Registered').click();
    await settled(panel);
    exportButton(panel).click();
    const { text } = await downloaded();
    expect(listed[0].get('sort')).to.equal('registeredAt');
    expect(listed[0].get('order')).to.equal('desc');
    expect(text).to.equal(
      '\uFEFF' +
        'Domain,Company,Contact name,Country,Registered,Status,Expires\r\n' +
        `b.example,"Crème, ""Brûlée"" & Co","'=HYPERLINK(""https://evil.example"",""Click"")",'+49,"Mar 5, 2026",` +
        'Pending review,"Jan 2, 2031"\r\n' +
        `a.example,'@SUM(1+1),'-2+3,'\tFrance,"Mar 4, 2026",Registered,"Jan 1, 2031"\r\n` +
        `c.example,"'\rCR",Plain Name,Japan,"Jun 1, 2025",Registered,Never\r\n`,
    );
  });

  it('writes an internationalised domain as the table shows it, a homograph in punycode', async () => {
    const { panel } = await managerOn([
      registration({ domain: 'xn--bcher-kva.de', registeredAt: '2026-03-05T12:00:00.000Z' }),
      registration({ domain: 'xn--80ak6aa92e.com', registeredAt: '2026-03-04T12:00:00.000Z' }),
    ]);
    exportButton(panel).click();
    const { text } = await downloaded();
    expect(text.split('\r\n').map((line) => line.split(',')[0])).to.deep.equal([
      '\uFEFFDomain',
      'xn--80ak6aa92e.com',
      'bücher.de',
      '',
    ]);
  });

  it('exports the current search only, and says so when done', async () => {
    const { panel } = await managerOn(makeRegistrations(300));
    const input = $<HTMLInputElement>(panel, '#search');
    input.value = 'company-01';
    input.dispatchEvent(new InputEvent('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await eventually(
      () => textOf($(panel, '.range')) === '1–10 of 10',
      () => `the search did not apply: ${textOf($(panel, '.range'))}`,
    );
    listed = [];
    exportButton(panel).click();
    const { text } = await downloaded();
    expect(listed.map((params) => params.get('search'))).to.deep.equal(['company-01']);
    expect(
      text
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(',')[0]),
    ).to.deep.equal(Array.from({ length: 10 }, (_, index) => `company-01${index}.com`));
    await eventually(
      () => statusText(panel) === `10 registrations exported to registrations-${today()}.csv.`,
      () => `the status says “${statusText(panel)}”`,
    );
    expect(textOf(exportButton(panel))).to.equal('Export CSV');
  });

  it('exports the current filter only, with each row’s status and expiry', async () => {
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const { panel } = await managerOn([
      registration({ domain: 'soon.example', expiresAt: soon }),
      registration({ domain: 'pending.example', status: 'pending', expiresAt: soon }),
      registration({ domain: 'forever.example' }),
    ]);
    const filter = $<HTMLSelectElement>(panel, '#filter');
    filter.value = 'pending';
    filter.dispatchEvent(new Event('change'));
    await eventually(
      () => textOf($(panel, '.range')) === '1–1 of 1',
      () => `the filter did not apply: ${textOf($(panel, '.range'))}`,
    );
    listed = [];
    exportButton(panel).click();
    const { text } = await downloaded();
    expect(listed.map((params) => params.get('filter'))).to.deep.equal(['pending']);
    expect(text.split('\r\n').slice(1)).to.deep.equal([
      `pending.example,Example Inc.,Pat Example,Germany,"Jun 1, 2025",Pending review,"${englishLocalizer.date(soon)}"`,
      '',
    ]);
  });

  it('shows its progress, and Cancel stops it: no more requests, nothing downloaded', async () => {
    const { panel } = await managerOn(makeRegistrations(250));
    const held = gate();
    const answered = holdPage(held.promise, '2');
    exportButton(panel).click();
    await eventually(
      () => textOf(panel.shadowRoot!.querySelector('.export-progress')) === 'Exporting 100 of 250…',
      () => `the progress reads “${textOf(panel.shadowRoot!.querySelector('.export'))}”`,
    );
    const button = exportButton(panel);
    expect(textOf(button)).to.equal('Cancel export');
    button.focus();
    button.click();
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('.export-progress')).to.be.null;
    expect(textOf(exportButton(panel))).to.equal('Export CSV');
    expect(panel.shadowRoot!.activeElement, 'focus stays on the button').to.equal(exportButton(panel));
    expect(statusText(panel)).to.equal('Export cancelled.');
    expect(exportRead(2)?.aborted, 'the read of page 2 is aborted').to.be.true;
    // The held answer comes: nothing follows from it.
    held.open();
    await answered;
    await nextTask();
    expect(listed.map((params) => params.get('page'))).to.deep.equal(['1', '2']);
    expect(downloads).to.deep.equal([]);
  });

  it('a failed read stops it with the reason, reported once; Retry exports everything', async () => {
    const { manager, panel } = await managerOn(makeRegistrations(250));
    const reported: string[] = [];
    manager.addEventListener('lead-registration-error', ({ detail }) =>
      reported.push(`${detail.operation} ${detail.error.code}`),
    );
    let failures = 1;
    worker.use(
      http.get(`${api.baseUrl}/registrations`, ({ request }) => {
        if (new URL(request.url).searchParams.get('page') === '2' && failures-- > 0) {
          return new Response(JSON.stringify({ code: 'server', title: 'Server error', status: 500 }), {
            status: 500,
            headers: { 'Content-Type': 'application/problem+json' },
          });
        }
        return undefined;
      }),
    );
    exportButton(panel).click();
    const expected = `The export stopped. ${new CapacityError('server').message}`;
    await eventually(
      () => textOf(panel.shadowRoot!.querySelector('.export [role="alert"]')) === expected,
      () => `the export shows “${textOf(panel.shadowRoot!.querySelector('.export'))}”`,
    );
    expect(reported).to.deep.equal(['listRegistrations server']);
    expect(downloads).to.deep.equal([]);
    expect(textOf(exportButton(panel))).to.equal('Retry');
    expect(exportButton(panel).getAttribute('aria-describedby')).to.equal('export-error');
    // The table is as it was.
    expect(textOf($(panel, '.range'))).to.equal('1–25 of 250');
    await expect(panel).to.be.accessible();

    listed = [];
    exportButton(panel).click();
    const { text } = await downloaded();
    expect(listed.map((params) => params.get('page'))).to.deep.equal(['1', '2', '3']);
    expect(text.split('\r\n')).to.have.length(252);
    expect(panel.shadowRoot!.querySelector('.export [role="alert"]')).to.be.null;
    expect(reported).to.deep.equal(['listRegistrations server']);
  });

  it('closing the manager abandons it: nothing is downloaded', async () => {
    const { manager, panel } = await managerOn(makeRegistrations(250));
    const held = gate();
    const answered = holdPage(held.promise);
    exportButton(panel).click();
    await eventually(
      () => listed.length === 1,
      () => 'the export did not start',
    );
    manager.close();
    await manager.updateComplete;
    expect(exportRead(1)?.aborted, 'the read of page 1 is aborted').to.be.true;
    // The held answer comes: nothing follows from it.
    held.open();
    await answered;
    await nextTask();
    expect(listed).to.have.length(1);
    expect(downloads).to.deep.equal([]);
  });

  it('writes the headers and dates in the partner’s language', async () => {
    await startMockApi({ state: { tier: 'diamond', registrations: [registration({ domain: 'a.example' })] } });
    const page = await fixture<HTMLElement>(
      html`<div lang="de"><capacity-manager api-base=${api.baseUrl}></capacity-manager></div>`,
    );
    const manager = page.querySelector<CapacityManagerElement>('capacity-manager')!;
    manager.show();
    await eventually(
      () => manager.shadowRoot!.querySelector<CapacityManagerPanelElement>('capacity-manager-panel'),
      () => 'no panel',
    );
    const panel = manager.shadowRoot!.querySelector<CapacityManagerPanelElement>('capacity-manager-panel')!;
    await settled(panel);
    expect(textOf(exportButton(panel))).to.equal('CSV exportieren');
    exportButton(panel).click();
    const { fileName, text } = await downloaded();
    expect(fileName).to.equal(`registrierungen-${today()}.csv`);
    expect(text).to.equal(
      '\uFEFFDomain,Unternehmen,Kontaktname,Land,Registriert am,Status,Läuft ab\r\n' +
        'a.example,Example Inc.,Pat Example,Germany,01.06.2025,Registriert,Nie\r\n',
    );
  });

  it('keeps the page responsive at 1,000 rows: no task over 200 ms', async () => {
    const { panel } = await managerOn(makeRegistrations(1000));
    const longest: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    try {
      exportButton(panel).click();
      const { text } = await downloaded();
      expect(text.split('\r\n')).to.have.length(1002);
      expect(listed).to.have.length(10);
    } finally {
      // Entries are delivered in a later task: take those still queued.
      longest.push(...observer.takeRecords().map((entry) => entry.duration));
      observer.disconnect();
    }
    expect(Math.max(0, ...longest), `long tasks: ${longest.map(Math.round).join(', ')} ms`).to.be.below(200);
  });
});
