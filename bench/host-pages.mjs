// The scenarios of `npm run bench` on host pages (issue 11): pages that load the built
// dist/lead-registration-widget.js by script tag, as the README shows, from scripts/api-server.mjs,
// with the one mock API (mocks/api.ts) beside them.
//
// - slow-card: a card-only page, cold cache, on a slow network with a slow CPU (SLOW_NETWORK,
//   CPU_SLOWDOWN: Chromium's own emulation), from navigation until Register is offered and painted;
//   beside it, in the same run, a page written by hand that makes the same read and writes the same
//   text (the floor).
// - requests: the API requests of a page of 20 cards and a meter under one provider, until every card
//   shows its contact; then those of one Register, until every card and the meter show its outcome.
/* global document, window, customElements, requestAnimationFrame, requestIdleCallback */

import { startServer } from '../scripts/api-server.mjs';

/** Chromium's emulated network: 150 ms round trips, 1.6 Mb/s down, 750 kb/s up (bytes per second). */
export const SLOW_NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};
/** Chromium's emulated CPU: this many times slower than the machine's. */
export const CPU_SLOWDOWN = 4;

export const ENTRY = 'lead-registration-widget.js';
const API_BASE = '/api';
/** No wait in these scenarios may take longer (a cold page on the slow network takes about a second). */
const WAIT_MS = 30_000;

const escape = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A host page: `head` after the usual head, then `body`. No favicon request: both pages make the same ones. */
const hostPage = ({ title, head = '', body }) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>${escape(title)}</title>
<link rel="icon" href="data:,">
<style>body { margin: 16px; max-width: 26rem; font: 16px/1.4 system-ui, sans-serif }</style>
${head}
</head>
<body>
${body}
</body>
</html>
`;

/** The script tag of the README's "Embed it". */
const entryScript = (dist) => `<script type="module" src="${dist}${ENTRY}"></script>`;

const cardTag = (contact, apiBase) =>
  `<lead-registration-card${apiBase ? ` api-base="${escape(apiBase)}"` : ''} contact-id="${escape(contact.id)}"
  website="${escape(contact.website)}" contact-name="${escape(contact.name)}" company="${escape(contact.company)}"
  country="${escape(contact.country)}"></lead-registration-card>`;

/** The contact of the slow-card scenario: not registered, its domain free, the capacity not full. */
export const SLOW_CARD_CONTACT = {
  id: 'c-bench',
  website: 'https://www.northwind-analytics.com/about',
  name: 'Maya Lindqvist',
  company: 'Northwind Analytics',
  country: 'SE',
};

/** Ours: the README's card-only page. */
export const cardPage = (dist, contact = SLOW_CARD_CONTACT) =>
  hostPage({ title: 'Contact (ours)', head: entryScript(dist), body: cardTag(contact, API_BASE) });

/**
 * The floor: what a page needs at least to show the same, by hand. The card's frame in the HTML, then
 * one script that makes the card's one read and writes what the card writes for a contact that is not
 * registered: its state, the domain it would add, the contact's line and an enabled Register.
 */
export function floorPage(contact = SLOW_CARD_CONTACT) {
  const read = `${API_BASE}/contact-view?${new URLSearchParams({ contactId: contact.id, website: contact.website })}`;
  const about = [contact.name, contact.company, contact.country].join(' · ');
  return hostPage({
    title: 'Contact (floor)',
    body: `<section class="card" role="group" aria-labelledby="title">
  <div class="header"><span id="title">Lead registration</span> <button type="button" aria-label="Lead registration options">⚙</button></div>
  <div class="body" aria-busy="true"></div>
</section>
<script>
  const body = document.querySelector('.body');
  const text = (tag, ...parts) => {
    const element = document.createElement(tag);
    element.append(...parts);
    return element;
  };
  fetch(${JSON.stringify(read)})
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status))))
    .then(({ registration, domain, capacity }) => {
      if (registration || domain?.heldBy !== 'nobody' || capacity.used >= capacity.limit)
        throw new Error('The floor shows a contact that can be registered.');
      const register = text('button', 'Register');
      register.id = 'register';
      register.type = 'button';
      register.setAttribute('aria-disabled', 'false');
      body.replaceChildren(
        text('p', 'Not registered'),
        text('p', 'Registering adds ', text('span', domain.name), ' to your capacity.'),
        text('p', ${JSON.stringify(about)}),
        register,
      );
      body.setAttribute('aria-busy', 'false');
    });
</script>`,
  });
}

/** The page of the requests scenario: a meter and 20 cards under one provider. */
export const cardsPage = (dist, contacts) =>
  hostPage({
    title: '20 contacts',
    head: entryScript(dist),
    body: `<capacity-provider api-base="${API_BASE}">
<capacity-meter></capacity-meter>
${contacts.map((contact) => cardTag(contact)).join('\n')}
</capacity-provider>`,
  });

// --- The data the server holds -------------------------------------------------------------------

const registration = (index, contactId, domain) => ({
  id: `r-${index}`,
  domain,
  contactId,
  contactName: `Contact ${index}`,
  company: `Company ${index}`,
  country: 'DE',
  registeredAt: new Date(Date.UTC(2026, 0, index)).toISOString(),
});

/** Registrations of other contacts, so that the capacity is not empty; the page shows none of them. */
const OTHERS = Array.from({ length: 12 }, (_, index) =>
  registration(index + 1, `c-other-${index + 1}`, `other-${index + 1}.example`),
);

/**
 * The 20 contacts of the requests scenario: 5 registered, 1 whose domain another contact holds, 1 whose
 * domain another partner holds, 13 not registered; c-pair-a and c-pair-b share a domain nobody holds yet.
 */
export const CONTACTS = Array.from({ length: 20 }, (_, index) => {
  const n = index + 1;
  const shared = n === 1 || n === 2;
  return {
    id: shared ? `c-pair-${n === 1 ? 'a' : 'b'}` : `c-${n}`,
    website: shared
      ? 'https://shared-domain.example/'
      : n === 3
        ? 'https://other-3.example'
        : `https://www.contact-${n}.example/`,
    name: `Contact ${n}`,
    company: `Company ${n}`,
    country: 'DE',
  };
});
const REGISTERED = CONTACTS.slice(15).map((contact, index) =>
  registration(100 + index, contact.id, new URL(contact.website).hostname.replace(/^www\./, '')),
);

export const SERVER_STATE = {
  tier: 'silver',
  registrations: [...OTHERS, ...REGISTERED],
  unavailableDomains: ['https://www.contact-4.example/'],
};

/** The pages and the API (the one mock API) on a free port, the built `distDir` at /dist/. */
export function startHostServer(distDir) {
  return startServer({
    pages: {
      '/card.html': { body: cardPage('/dist/'), type: 'text/html; charset=utf-8' },
      '/floor.html': { body: floorPage(), type: 'text/html; charset=utf-8' },
      '/cards.html': { body: cardsPage('/dist/', CONTACTS), type: 'text/html; charset=utf-8' },
    },
    api: { baseUrl: API_BASE, state: SERVER_STATE },
    directories: { '/dist/': distDir },
    // Cold every time: nothing may come from a cache. Compressed, as a host serves its files.
    headers: { 'Cache-Control': 'no-store' },
    compress: true,
  });
}

// --- slow-card --------------------------------------------------------------------------------------

/**
 * Runs in each page of the scenario before the page's own scripts (an init script): resolves
 * `window.benchProbe.offered` with the time, from navigation, at which Register is offered and painted.
 * "Painted" as in bench/bench.ts: the first requestAnimationFrame callback that finds the button in
 * the DOM (that frame shows it), then the next task (that frame has been rendered). The button: the
 * card's `#register` in its shadow root, or the page's own, with `aria-disabled="false"`.
 */
function probe() {
  let resolveOffered;
  const offered = new Promise((resolve) => (resolveOffered = resolve));
  const marks = { offered, defined: undefined };
  window.benchProbe = marks;
  const registerShown = () =>
    (document.querySelector('lead-registration-card')?.shadowRoot ?? document).querySelector(
      '#register[aria-disabled="false"]',
    ) !== null;
  const check = () => {
    if (!registerShown()) {
      requestAnimationFrame(check);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolveOffered(performance.now());
    channel.port2.postMessage(undefined);
  };
  requestAnimationFrame(check);
  void customElements.whenDefined('lead-registration-card').then(() => (marks.defined = performance.now()));
}

/** In the page, once Register is offered: when it was, and when each step before it ended (Resource Timing). */
async function phasesOf(page, timeoutMs) {
  return page.evaluate(async (timeout) => {
    let timer;
    const painted = await Promise.race([
      window.benchProbe.offered,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Register was not offered within ${timeout / 1000} s.`)), timeout);
      }),
    ]).finally(() => clearTimeout(timer));
    const [navigation] = performance.getEntriesByType('navigation');
    const resource = (part) => {
      const entry = performance.getEntriesByType('resource').find(({ name }) => name.includes(part));
      return (
        entry && {
          start: entry.startTime,
          end: entry.responseEnd,
          bytes: entry.encodedBodySize,
          compressed: entry.encodedBodySize < entry.decodedBodySize,
        }
      );
    };
    return {
      painted,
      html: navigation.responseEnd,
      entry: resource('/lead-registration-widget.js'),
      defined: window.benchProbe.defined,
      read: resource('/contact-view?'),
    };
  }, timeoutMs);
}

/** One cold load of `url` in a context of its own (an empty cache, no open connection), network and CPU slowed. */
async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  try {
    await context.addInitScript(probe);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(new Error(`${url}: ${message.text()}`));
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: 'commit', timeout: WAIT_MS });
    const phases = await phasesOf(page, WAIT_MS);
    if (errors.length > 0) throw errors[0];
    return phases;
  } finally {
    await context.close();
  }
}

/** The median of `values`, those undefined left out; undefined when none is left. */
export const median = (values) => {
  const sorted = values.filter((value) => value !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The median of each phase over the runs. */
function medianPhases(runs) {
  const of = (pick) => median(runs.map(pick));
  const span = (key) =>
    runs[0][key] && { ...runs[0][key], start: of((run) => run[key]?.start), end: of((run) => run[key]?.end) };
  return {
    html: of((run) => run.html),
    entry: span('entry'),
    defined: of((run) => run.defined),
    read: span('read'),
    painted: of((run) => run.painted),
  };
}

/**
 * The card-only page and the floor, loaded cold `runs` times each, interleaved: navigation → Register
 * offered and painted. The target is the ratio of the medians, ≤ 1.5×.
 */
export async function slowCard(browser, origin, runs) {
  const ours = [];
  const floor = [];
  for (let run = 0; run < runs; run++) {
    // Each first every other run: neither gains from what the machine happens to be doing.
    const sides = [
      async () => ours.push(await coldLoad(browser, `${origin}/card.html`)),
      async () => floor.push(await coldLoad(browser, `${origin}/floor.html`)),
    ];
    for (const side of run % 2 ? sides.reverse() : sides) await side();
  }
  return [
    {
      id: 'slow-card-ready',
      label: 'Card-only page, cold, slow network and CPU: navigation → Register offered, painted',
      unit: 'ms',
      ours: ours.map((phases) => phases.painted),
      baseline: floor.map((phases) => phases.painted),
      target: { max: 1.5, of: 'ratio' },
      conditions: { ...SLOW_NETWORK, cpuSlowdown: CPU_SLOWDOWN },
      phases: { ours: medianPhases(ours), baseline: medianPhases(floor) },
    },
  ];
}

/** Where the time of the slow-card scenario goes, in a line per page. */
export function describePhases({ phases }) {
  const ms = (value) => `${Math.round(value)} ms`;
  const line = (name, { html, entry, defined, read, painted }) =>
    [
      `    ${name}: the HTML by ${ms(html)}`,
      entry &&
        `the entry (${(entry.bytes / 1000).toFixed(1)} kB${entry.compressed ? '' : ', not compressed'}) ${ms(entry.start)}–${ms(entry.end)}`,
      defined && `the card defined at ${ms(defined)}`,
      read && `its read ${ms(read.start)}–${ms(read.end)}`,
      `Register painted at ${ms(painted)}`,
    ]
      .filter(Boolean)
      .join(', ');
  return `  Where the time goes (medians, from navigation):\n${line('ours', phases.ours)}\n${line('floor', phases.baseline)}`;
}

// --- requests -------------------------------------------------------------------------------------

/**
 * An init script of the requests scenario: `window.benchShown()` says what each card shows (its state's
 * class, in the page's order; `loading` until it shows one) and what the meter's summary says.
 */
function installShown() {
  window.benchShown = () => ({
    cards: [...document.querySelectorAll('lead-registration-card')].map((card) => {
      const state = card.shadowRoot?.querySelector('[part="body"][aria-busy="false"] .state');
      return state ? [...state.classList].find((name) => name !== 'state') : 'loading';
    }),
    meter: document.querySelector('capacity-meter')?.shadowRoot?.querySelector('[part="summary"]')?.textContent.trim(),
  });
}

/**
 * What the cards show once loaded: 5 registered, the last ones; c-3's domain is c-other-3's, c-4's
 * another partner's.
 */
const LOADED = CONTACTS.map((contact, index) =>
  index >= 15
    ? 'registered'
    : contact.id === 'c-3'
      ? 'other-contact'
      : contact.id === 'c-4'
        ? 'other-partner'
        : 'not-registered',
);
/** After c-pair-a registers: it shows Registered, c-pair-b (the same domain) "Registered through another contact". */
const REGISTERED_AFTER = LOADED.map((state, index) =>
  index === 0 ? 'registered' : index === 1 ? 'other-contact' : state,
);

/** `key: count` of `requests` ("GET /api/contact-view"), in the order they were first made. */
function tally(requests) {
  const counts = {};
  for (const request of requests) counts[request] = (counts[request] ?? 0) + 1;
  return counts;
}

/**
 * The API requests of the page of 20 cards, `runs` times on a fresh context and fresh data: from
 * navigation until every card and the meter show what they read, then from one Register until every
 * card and the meter show its outcome. Each phase ends when the page is idle with no API request open,
 * so a request made after the page looks ready counts too. No network or CPU slowing: this counts.
 */
export async function requestCounts(browser, server, runs) {
  const load = [];
  const register = [];
  for (let run = 0; run < runs; run++) {
    server.api.reset(SERVER_STATE);
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    context.setDefaultTimeout(WAIT_MS);
    try {
      await context.addInitScript(installShown);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(new Error(message.text()));
      });
      let requests = [];
      const open = new Set();
      let closed;
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!url.pathname.startsWith(`${API_BASE}/`)) return;
        requests.push(`${request.method()} ${url.pathname}`);
        open.add(request);
      });
      const done = (request) => {
        if (open.delete(request)) closed?.();
      };
      page.on('requestfinished', done);
      page.on('requestfailed', done);
      /** Until no API request is open and the page has nothing left to do (an idle callback). */
      const settled = async () => {
        const until = Date.now() + WAIT_MS;
        do {
          if (Date.now() > until) throw new Error('The page of 20 cards did not settle.');
          if (open.size > 0) await new Promise((resolve) => (closed = resolve));
          await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve())));
        } while (open.size > 0);
      };
      /**
       * Waits until the page shows `states` and the meter `meter`, then settles: the API requests made
       * since the last phase.
       */
      const phase = async (states, meter, what) => {
        await page
          .waitForFunction(
            ([cards, summary]) => {
              const shown = window.benchShown();
              return shown.cards.join() === cards.join() && (shown.meter ?? '').startsWith(summary);
            },
            [states, meter],
          )
          .catch(async (error) => {
            const shown = await page.evaluate(() => window.benchShown()).catch(() => ({ cards: [] }));
            throw new Error(
              `${what}: expected ${states.join()} and a meter at "${meter}", the page shows ${shown.cards.join()} and "${shown.meter}". ${error.message}`,
            );
          });
        await settled();
        if (errors.length > 0) throw errors[0];
        const made = requests;
        requests = [];
        return made;
      };

      await page.goto(`${server.origin}/cards.html`);
      const used = server.api.ledger.capacity().used;
      load.push(await phase(LOADED, `${used} of`, 'Loading the 20 cards'));
      await page.locator('lead-registration-card[contact-id="c-pair-a"]').locator('#register').click();
      register.push(await phase(REGISTERED_AFTER, `${used + 1} of`, 'Registering c-pair-a'));
    } finally {
      await context.close();
    }
  }
  const views = CONTACTS.length;
  return [
    {
      id: 'requests-per-contact-view',
      label: `API requests per contact view (${views} cards and a meter under one provider)`,
      unit: 'requests',
      ours: load.map((made) => made.length / views),
      target: { max: 1, of: 'median' },
      during: `loading the ${views} cards and the meter`,
      requests: tally(load[0]),
      alike: load.every((made) => made.join() === load[0].join()),
    },
    {
      id: 'requests-per-registration',
      label: 'API requests per registration (every card and the meter updated)',
      unit: 'requests',
      ours: register.map((made) => made.length),
      target: { max: 1, of: 'median' },
      during: 'one Register, until every card and the meter show it',
      requests: tally(register[0]),
      alike: register.every((made) => made.join() === register[0].join()),
    },
  ];
}

/** The requests of a requests row, in a line. */
export function describeRequests({ during, requests, alike }) {
  const list = Object.entries(requests)
    .map(([request, count]) => `${request} ×${count}`)
    .join(', ');
  // On this page only the meter reads the capacity by itself.
  const meter = `GET ${API_BASE}/capacity` in requests ? '; the capacity read is the meter’s own' : '';
  return `    ${during}: ${list || 'none'}${meter}${alike ? '' : ' (the first run; the runs differed)'}`;
}
