import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { RestBackend } from '../../src/backends/rest-backend.js';
import type { CapacityBackend } from '../../src/core/types.js';
import '../../src/define.js';
import type { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import type { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { localizerFor, setMessages } from '../../src/i18n/localizer.js';
import { disposeTestBackends, testBackend } from '../helpers/backends.js';
import {
  $,
  meterSummary,
  panelOf,
  panelReady,
  settled,
  shownDomains,
  sortButton,
} from '../helpers/capacity-manager.js';
import { cardShows, factOf, stateOf } from '../helpers/card.js';
import { q, textOf } from '../helpers/dom.js';
import { capacity, makeRegistrations, registration } from '../helpers/registrations.js';

type Card = LeadRegistrationCardElement;

afterEach(() => disposeTestBackends());

/** A card of a contact that is not registered, inside `<div lang=…>` (no lang attribute when undefined). */
async function cardIn(
  lang: string | undefined,
  backend?: CapacityBackend,
): Promise<{ wrapper: HTMLElement; card: Card }> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  if (lang !== undefined) wrapper.setAttribute('lang', lang);
  const card = document.createElement('lead-registration-card');
  card.backend = backend ?? (await testBackend());
  card.contactId = 'contact-1';
  card.website = 'https://northwind.example/';
  wrapper.append(card);
  await waitUntil(() => q(card, '.state'), 'the card did not load');
  await card.updateComplete;
  return { wrapper, card };
}

function managerIn(card: Card): CapacityManagerElement {
  return card.shadowRoot!.querySelector('capacity-manager')!;
}

/** Opens the card's Capacity Manager from its gear menu; resolves once its first page is shown. */
async function openFromGear(card: Card): Promise<CapacityManagerElement> {
  q(card, '#gear')!.click();
  await card.updateComplete;
  q(card, '[role="menuitem"]')!.click();
  await waitUntil(() => managerIn(card) && panelOf(managerIn(card)), 'the manager did not open');
  await settled(await panelReady(managerIn(card)));
  return managerIn(card);
}

describe('the language an element speaks', () => {
  // First: a malformed lang warns once per page.
  it('reads a malformed <html lang="en_US"> as en-US: the card and the meter work, with one console warning', async () => {
    const html_ = document.documentElement;
    const before = html_.getAttribute('lang');
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      html_.setAttribute('lang', 'en_US');
      const backend = await testBackend(makeRegistrations(3));
      const { card } = await cardIn(undefined, backend);
      expect(stateOf(card)).to.equal('Not registered');
      const meter = await fixture<CapacityMeterElement>(html`<capacity-meter .backend=${backend}></capacity-meter>`);
      await waitUntil(() => meterSummary(meter), 'the meter shows nothing');
      expect(meterSummary(meter)).to.equal('3 of 50 domains used');
      html_.setAttribute('lang', '!!');
      await waitUntil(() => meterSummary(meter));
      expect(stateOf(card)).to.equal('Not registered');
      expect(warnings.map((args) => String(args[0]))).to.deep.equal([
        'lead-registration-widget: lang="en_US" is read as "en-US".',
      ]);
    } finally {
      console.warn = warn;
      if (before === null) html_.removeAttribute('lang');
      else html_.setAttribute('lang', before);
    }
  });

  it('speaks the nearest lang’s language: German in <div lang="de">', async () => {
    const { card } = await cardIn('de');
    expect(stateOf(card)).to.equal('Nicht registriert');
    expect(textOf(q(card, '.title'))).to.equal('Lead-Registrierung');
    expect(q(card, '#gear')!.getAttribute('aria-label')).to.equal('Optionen der Lead-Registrierung');
    expect(textOf(q(card, '#register'))).to.equal('Registrieren');
    expect(q(card, '.card')!.hasAttribute('lang'), 'the page says the language already').to.be.false;
  });

  it('looks a region up in its language (de-AT → German), and writes dates as the region does', async () => {
    const backend = await testBackend([
      registration({ domain: 'northwind.example', contactId: 'contact-1', registeredAt: '2025-06-01T12:00:00.000Z' }),
    ]);
    const { card } = await cardIn('de-AT', backend);
    await cardShows(card, 'Registriert');
    const date = new Intl.DateTimeFormat('de-AT', { dateStyle: 'medium' }).format(new Date('2025-06-01T12:00:00Z'));
    expect(factOf(card, 'Registriert am')).to.equal(date);
  });

  it('gives pt Brazilian Portuguese, and ar Arabic', async () => {
    expect(stateOf((await cardIn('pt')).card)).to.equal('Não registrado');
    expect(stateOf((await cardIn('ar')).card)).to.equal('غير مسجَّل');
  });

  it('speaks English where the language has no messages, and marks the text as English, left to right', async () => {
    const { card } = await cardIn('sv');
    expect(stateOf(card)).to.equal('Not registered');
    expect(q(card, '.card')!.getAttribute('lang')).to.equal('en');
    expect(q(card, '.card')!.getAttribute('dir')).to.equal('ltr');
  });

  it('finds the nearest lang across shadow roots: a host’s own component around the card', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="fr"></div>`);
    const section = document.createElement('section');
    host.attachShadow({ mode: 'open' }).append(section);
    const card = document.createElement('lead-registration-card');
    card.backend = await testBackend();
    card.contactId = 'contact-1';
    card.website = 'northwind.example';
    section.append(card);
    await cardShows(card, 'Non enregistré');

    // A lang set inside that shadow root is seen too.
    section.lang = 'es';
    await cardShows(card, 'No registrado');
  });

  it('follows the browser’s languages where the page says none', async () => {
    const html_ = document.documentElement;
    const before = html_.getAttribute('lang');
    html_.removeAttribute('lang');
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['nl-NL', 'ja-JP'] });
    try {
      const { card } = await cardIn(undefined);
      expect(stateOf(card)).to.equal('未登録');
      expect(q(card, '.card')!.getAttribute('lang'), 'the text’s language, where the page says none').to.equal('ja');

      Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['fr-CA'] });
      dispatchEvent(new Event('languagechange'));
      await cardShows(card, 'Non enregistré');
    } finally {
      delete (navigator as { languages?: unknown }).languages;
      if (before !== null) html_.setAttribute('lang', before);
    }
  });
});

describe('a change of lang on the page', () => {
  it('turns every element to the new language without a reload, the card’s Capacity Manager too', async () => {
    const { wrapper, card } = await cardIn('en', await testBackend(makeRegistrations(3)));
    const manager = await openFromGear(card);
    const panel = panelOf(manager)!;
    expect(textOf(manager.shadowRoot!.querySelector('h2'))).to.equal('Partner Registration Capacity');

    wrapper.lang = 'de';
    await cardShows(card, 'Nicht registriert');
    await waitUntil(() => textOf(manager.shadowRoot!.querySelector('h2')) === 'Registrierungskapazität des Partners');
    await waitUntil(() => textOf($(panel, 'label.search')) === 'Suchen', 'the panel did not turn German');
    const meter = panel.shadowRoot!.querySelector('capacity-meter')!;
    await waitUntil(() => textOf(meter.shadowRoot!.querySelector('.label')) === 'Registrierungskapazität');
    expect(meterSummary(meter)).to.equal('3 von 50 Domains belegt');
    expect(textOf($(panel, '.range'))).to.equal('1–3 von 3');
  });

  it('follows an element moved into a section of another language', async () => {
    const { card } = await cardIn('de');
    const french = await fixture<HTMLElement>(html`<div lang="fr"></div>`);
    french.append(card);
    await cardShows(card, 'Non enregistré');
  });
});

describe('hosts’ own words (setMessages)', () => {
  it('overrides a message by id for a locale; the elements on the page change at once', async () => {
    const { card } = await cardIn('en');
    try {
      setMessages('en', { 'card.title': 'Deal registration' });
      await waitUntil(() => textOf(q(card, '.title')) === 'Deal registration', 'the card kept its title');
    } finally {
      setMessages('en', { 'card.title': undefined });
    }
    await waitUntil(() => textOf(q(card, '.title')) === 'Lead registration', 'the built-in title did not come back');
  });

  it('adds a locale: its messages, the rest from its parent, else English', async () => {
    setMessages('nl', { 'card.title': 'Leadregistratie', 'card.notRegistered': 'Niet geregistreerd' });
    setMessages('de-CH', { 'card.register': 'Registrieren!' });
    const dutch = (await cardIn('nl-BE')).card;
    expect(textOf(q(dutch, '.title'))).to.equal('Leadregistratie');
    expect(stateOf(dutch)).to.equal('Niet geregistreerd');
    expect(textOf(q(dutch, '#register')), 'English where Dutch has no message').to.equal('Register');
    const swiss = (await cardIn('de-CH')).card;
    expect(textOf(q(swiss, '#register'))).to.equal('Registrieren!');
    expect(stateOf(swiss), 'German where Swiss German has no message').to.equal('Nicht registriert');
  });

  it('refuses a locale that is no language tag, and leaves out a message with a value of its own', async () => {
    expect(() => setMessages('not a tag!', {})).to.throw(RangeError);
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => void warnings.push(message);
    try {
      setMessages('fr', { 'card.title': 'Bonjour {name}' });
      const { card } = await cardIn('fr');
      expect(textOf(q(card, '.title'))).to.equal('Enregistrement de lead');
      expect(warnings.some((message) => message.includes('card.title'))).to.be.true;
    } finally {
      console.warn = warn;
      setMessages('fr', { 'card.title': undefined });
    }
  });
});

describe('plurals, numbers and dates by Intl', () => {
  it('says each of Arabic’s six plural forms', async () => {
    const arabic = localizerFor('ar', []);
    await arabic.ready;
    const forms = [0, 1, 2, 3, 11, 100].map((count) => arabic.t('confirm.title', { count }));
    expect(new Set(forms).size).to.equal(6);
    expect(forms[1]).to.equal('إلغاء تسجيل نطاق واحد؟');
    expect(forms[2]).to.equal('إلغاء تسجيل نطاقين؟');
    expect(forms[3]).to.equal(`إلغاء تسجيل ${new Intl.NumberFormat('ar').format(3)} نطاقات؟`);
  });

  it('writes numbers as the language does, in its plural form', async () => {
    const german = localizerFor('de', []);
    const french = localizerFor('fr', []);
    await Promise.all([german.ready, french.ready]);
    expect(german.t('manager.selected', { count: 1 })).to.equal('1 Domain ausgewählt');
    expect(german.t('capacity.summary', { used: 1234, limit: 2000 })).to.equal('1.234 von 2.000 Domains belegt');
    expect(french.t('manager.selected', { count: 1_000_000 })).to.equal(
      `${new Intl.NumberFormat('fr').format(1_000_000)} de domaines sélectionnés`,
    );
  });
});

describe('backends told the partner’s language', () => {
  /** A RestBackend whose fetch records each request's headers and answers `answer`. */
  function recordingBackend(answer: () => Response, headers?: HeadersInit): { backend: RestBackend; sent: Headers[] } {
    const sent: Headers[] = [];
    const backend = new RestBackend({
      baseUrl: '/api-recorded',
      ...(headers && { headers }),
      fetch: (_input, init) => {
        sent.push(new Headers(init?.headers));
        return Promise.resolve(answer());
      },
    });
    return { backend, sent };
  }

  const view = (): Response =>
    Response.json({
      contactId: 'contact-1',
      registration: null,
      lapsed: null,
      domain: { name: 'northwind.example', heldBy: 'nobody' },
      capacity: capacity('untiered', 50, 0),
    });

  it('sends Accept-Language with the element’s locale (and its language after it); the host’s own stands', async () => {
    const { backend, sent } = recordingBackend(view);
    await cardIn('de-AT', backend);
    expect(sent.map((headers) => headers.get('Accept-Language'))).to.deep.equal(['de-AT, de;q=0.9']);

    const own = recordingBackend(view, { 'Accept-Language': 'fr' });
    await cardIn('de', own.backend);
    expect(own.sent.map((headers) => headers.get('Accept-Language'))).to.deep.equal(['fr']);
  });

  const failure = (detail: string, language?: string) => (): Response =>
    new Response(JSON.stringify({ type: 'about:blank', title: 'Error', status: 500, detail, code: 'server' }), {
      status: 500,
      headers: { 'Content-Type': 'application/problem+json', ...(language && { 'Content-Language': language }) },
    });

  it('says a failure in the element’s language, and the server’s own words when they are in it', async () => {
    const english = recordingBackend(failure('Database is down.', 'en'));
    const { card } = await cardIn('de', english.backend);
    await cardShows(card, 'Registrierung nicht geladen');
    expect(textOf(q(card, '[role="alert"]'))).to.equal(
      'Die Registrierung konnte nicht geladen werden. Beim Registrierungsdienst ist ein Problem aufgetreten. Versuchen Sie es gleich noch einmal.',
    );

    const german = recordingBackend(failure('Die Datenbank ist nicht erreichbar.', 'de'));
    const other = (await cardIn('de', german.backend)).card;
    await cardShows(other, 'Registrierung nicht geladen');
    expect(textOf(q(other, '[role="alert"]'))).to.equal(
      'Die Registrierung konnte nicht geladen werden. Die Datenbank ist nicht erreichbar.',
    );

    const inEnglish = (await cardIn('en', recordingBackend(failure('Database is down.')).backend)).card;
    await cardShows(inEnglish, 'Registration not loaded');
    expect(textOf(q(inEnglish, '[role="alert"]'))).to.equal('The registration could not be loaded. Database is down.');
  });

  it('sorts the Capacity Manager’s rows as the language does (LocalBackend, Intl.Collator)', async () => {
    const rows = ['Oso', 'Ñandú', 'Nube'].map((company, index) =>
      registration({ domain: `d${index}.example`, contactId: `c${index}`, company }),
    );
    const { card } = await cardIn('es', await testBackend(rows));
    const manager = await openFromGear(card);
    const panel = panelOf(manager)!;
    sortButton(panel, 'Empresa').click();
    await waitUntil(() => shownDomains(panel).join() === 'd2.example,d1.example,d0.example', 'not in Spanish order');
  });
});
