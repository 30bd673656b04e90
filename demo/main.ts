import { html, nothing, render, type TemplateResult } from 'lit';
import '../src/define.js';
import { checkWebsite } from '../src/core/domain.js';
import { TIER_LIMITS, TIERS, tierLabel } from '../src/core/tiers.js';
import type { CapacityBackend, Tier } from '../src/core/types.js';
import { DemoBackend, moveToday } from './backend.js';
import { CONTACTS, contactById, initials, websiteHref, type Activity, type Contact } from './contacts.js';
import {
  BACKENDS,
  DIRECTIONS,
  directionOf,
  FAILURES,
  LANGUAGES,
  LATENCIES,
  MAX_RENEWALS,
  movedToday,
  readContactId,
  REVIEWS,
  readSettings,
  SEED_COUNTS,
  settingsSearch,
  TERMS,
  THEMES,
  WINDOWS,
  writeSettings,
  type DemoSettings,
} from './settings.js';

interface LoggedEvent {
  id: number;
  type: string;
  summary: string;
  at: Date;
}

const state = {
  settings: readSettings(),
  contactId: contactById(readContactId())?.id ?? CONTACTS[0].id,
  backend: undefined as CapacityBackend | undefined,
  /** What the backend is doing, said in the demo bar. */
  status: 'Starting the mock API…',
  busy: true,
  failed: false,
  events: [] as LoggedEvent[],
  /** Activities that happened on this page (registrations), newest first, by contact id. */
  activities: new Map<string, Activity[]>(),
};

const demoBackend = new DemoBackend();
const app = document.getElementById('app')!;
let eventCount = 0;

// ── Backend ────────────────────────────────────────────────────────────────────────────────

const BACKEND_LABELS: Record<DemoSettings['backend'], string> = {
  rest: 'REST API (mocked by MSW)',
  local: 'LocalBackend (IndexedDB)',
};
const FAILURE_LABELS: Record<DemoSettings['failure'], string> = {
  none: 'None',
  '500': 'HTTP 500',
  timeout: 'Timeout (3 s)',
  '401': 'HTTP 401',
};
const LATENCY_LABELS: Record<DemoSettings['latency'], string> = { 0: 'None', 300: '300 ms', 2000: '2 s' };
const THEME_LABELS: Record<DemoSettings['theme'], string> = { system: 'System', light: 'Light', dark: 'Dark' };
/** Each language by its own name. */
const LANGUAGE_LABELS: Record<DemoSettings['language'], string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  ja: '日本語',
  ar: 'العربية',
};
const DIRECTION_LABELS: Record<DemoSettings['direction'], string> = {
  auto: 'The language’s',
  ltr: 'Left to right',
  rtl: 'Right to left',
};
const TERM_LABELS: Record<DemoSettings['term'], string> = {
  none: 'No expiry',
  30: '30 days',
  90: '90 days',
  365: '1 year',
};
const WINDOW_LABELS: Record<DemoSettings['window'], string> = {
  0: 'Not offered',
  14: 'From 14 days before expiry',
  30: 'From 30 days before expiry',
};
const RENEWAL_LABELS: Record<DemoSettings['renewals'], string> = { any: 'No limit', 0: 'None', 1: '1', 3: '3' };
const REVIEW_LABELS: Record<DemoSettings['review'], string> = { off: 'No review', on: 'Vendor reviews each one' };
/** The settings that change the page alone, not the backend. */
const PAGE_SETTINGS: readonly (keyof DemoSettings)[] = ['theme', 'language', 'direction'];

// Settings changes apply one after the other; a burst of them ends in the last one's backend.
let applying: Promise<void> = Promise.resolve();

function applyBackend(previous: DemoSettings | undefined, reseed: boolean): Promise<void> {
  const settings = state.settings;
  applying = applying.then(async () => {
    // The elements' today, and through it the backends' (demo/backend.ts).
    moveToday(settings.today);
    state.busy = true;
    state.failed = false;
    state.status = reseed ? 'Reseeding…' : 'Switching backend…';
    update();
    try {
      const backend = await demoBackend.apply(settings, reseed);
      if (settings !== state.settings) return; // a newer change is queued behind this one
      state.backend = backend;
      if (
        reseed ||
        previous === undefined ||
        previous.seed !== settings.seed ||
        previous.backend !== settings.backend
      ) {
        state.activities.clear();
      }
      state.status = describe(settings, reseed);
    } catch (error) {
      console.error('Demo: the backend could not be set up', error);
      state.failed = true;
      state.status = `The backend could not be set up: ${String(error)}`;
    } finally {
      state.busy = false;
      update();
      demoBackend.disposeRetired();
    }
  });
  return applying;
}

function describe(settings: DemoSettings, reseed: boolean): string {
  const parts = [`${BACKEND_LABELS[settings.backend]}, ${tierLabel(settings.tier)}`];
  if (reseed) parts.push(`reseeded with ${settings.seed} registrations`);
  if (settings.latency > 0) parts.push(`${LATENCY_LABELS[settings.latency]} latency`);
  if (settings.failure !== 'none') parts.push(`every call fails: ${FAILURE_LABELS[settings.failure]}`);
  if (settings.term !== 'none') parts.push(`registrations expire after ${TERM_LABELS[settings.term]}`);
  if (settings.review === 'on') parts.push('the vendor reviews new ones');
  if (settings.today > 0) parts.push(`today is ${demoToday(settings)}`);
  return `${parts.join(' · ')}.`;
}

/** The demo's today, as a date a person reads. */
function demoToday(settings: DemoSettings): string {
  return new Date(Date.now() + settings.today * 86_400_000).toLocaleDateString('en', { dateStyle: 'medium' });
}

/** The vendor approves every pending registration; the elements read anew. */
async function approvePending(): Promise<void> {
  const approved = await demoBackend.approvePending(state.settings);
  await applyBackend(state.settings, false);
  state.status = `The vendor approved ${approved} pending ${approved === 1 ? 'registration' : 'registrations'}.`;
  update();
}

function changeSettings(patch: Partial<DemoSettings>): void {
  const previous = state.settings;
  const next = { ...previous, ...patch };
  state.settings = next;
  writeSettings(next, state.contactId);
  applyPage(next);
  const onlyPage = (Object.keys(patch) as (keyof DemoSettings)[]).every(
    (key) => PAGE_SETTINGS.includes(key) || patch[key] === previous[key],
  );
  if (onlyPage) {
    update();
    return;
  }
  void applyBackend(previous, false);
}

function applyPage(settings: DemoSettings): void {
  const root = document.documentElement;
  // The widget's colours follow the page's color-scheme, so this one property themes everything.
  root.style.colorScheme = settings.theme === 'system' ? 'light dark' : settings.theme;
  root.dataset['theme'] = settings.theme;
  // The widget speaks the page's language, and mirrors with its direction, as a host's page in that
  // language would have them; it follows a change without a reload.
  root.lang = settings.language;
  root.dir = directionOf(settings);
}

/** The demo's own CRM is in English whatever the page's language: its text says so (`lang="en"`). */
function english(): 'en' | typeof nothing {
  return state.settings.language === 'en' ? nothing : 'en';
}

// ── Navigation between contacts ────────────────────────────────────────────────────────────

function contactHref(contactId: string): string {
  return `${location.pathname}${settingsSearch(state.settings, contactId)}`;
}

function selectContact(contactId: string, push: boolean): void {
  if (!contactById(contactId)) return;
  state.contactId = contactId;
  if (push) history.pushState(null, '', contactHref(contactId));
  update();
}

function onContactClick(event: MouseEvent, contactId: string): void {
  // Let the browser handle new-tab and new-window clicks.
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  selectContact(contactId, true);
}

addEventListener('popstate', () => {
  const contactId = contactById(readContactId())?.id ?? CONTACTS[0].id;
  // The entry may predate a settings change: the address shows the settings in force, not the old ones.
  writeSettings(state.settings, contactId);
  selectContact(contactId, false);
});

// ── Widget events ──────────────────────────────────────────────────────────────────────────

function logEvent(type: string, summary: string): void {
  state.events = [{ id: ++eventCount, type, summary, at: new Date() }, ...state.events].slice(0, 8);
  update();
}

document.addEventListener('lead-registered', (event) => {
  const { registration, capacity } = event.detail;
  const list = state.activities.get(registration.contactId) ?? [];
  state.activities.set(registration.contactId, [
    { kind: 'registration', title: `Registered ${registration.domain} as a prospect`, at: registration.registeredAt },
    ...list,
  ]);
  logEvent('lead-registered', `${registration.domain} · ${capacity.used}/${capacity.limit}`);
});
document.addEventListener('lead-deregistered', (event) => {
  const { removed, missing, capacity } = event.detail;
  logEvent(
    'lead-deregistered',
    `${removed.length} removed, ${missing.length} missing · ${capacity.used}/${capacity.limit}`,
  );
});
document.addEventListener('lead-renewed', (event) => {
  const { renewed, refused } = event.detail;
  logEvent('lead-renewed', `${renewed.length} renewed · ${refused.map((r) => r.reason).join(', ') || 'none refused'}`);
});
document.addEventListener('capacity-deregister-request', (event) => {
  logEvent('capacity-deregister-request', `${event.detail.registrations.length} selected`);
});
document.addEventListener('capacity-change', (event) => {
  const { capacity } = event.detail;
  logEvent('capacity-change', `${capacity.used}/${capacity.limit} · ${capacity.tier}`);
});
document.addEventListener('lead-registration-error', (event) => {
  logEvent('lead-registration-error', `${event.detail.error.code}: ${event.detail.error.message}`);
});
document.addEventListener('capacity-manager-open', () => logEvent('capacity-manager-open', ''));
document.addEventListener('capacity-manager-close', () => logEvent('capacity-manager-close', ''));

function openCapacityManager(): void {
  document.querySelector('capacity-manager')?.show();
}

// ── Rendering ──────────────────────────────────────────────────────────────────────────────

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function update(): void {
  const contact = contactById(state.contactId)!;
  document.title = `${contact.name} · Contacts · Northstar CRM`;
  render(page(contact), app);
}

function page(contact: Contact): TemplateResult {
  return html`
    ${demoBar()}
    ${
      state.backend
        ? html`
            <capacity-provider .backend=${state.backend}>
              ${topNav()}
              <div class="layout">
                ${contactList()}
                <main class="record" id="record" aria-labelledby="contact-name">${record(contact)}</main>
              </div>
              <capacity-manager></capacity-manager>
            </capacity-provider>
          `
        : html`
            ${topNav()}
            <div class="starting" role="status" lang=${english()}>
              ${state.failed ? state.status : 'Loading the CRM…'}
            </div>
          `
    }
  `;
}

function demoBar(): TemplateResult {
  const s = state.settings;
  const select = <T extends string | number>(
    id: string,
    label: string,
    value: T,
    options: readonly T[],
    text: (option: T) => string,
    onChange: (value: string) => void,
    optionLang?: (option: T) => string,
  ): TemplateResult => html`
    <div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}>
        ${options.map(
          (option) =>
            html`<option value=${String(option)} lang=${optionLang?.(option) ?? nothing} ?selected=${option === value}>
              ${text(option)}
            </option>`,
        )}
      </select>
    </div>
  `;
  return html`
    <section class="demo-bar" aria-label="Demo" lang=${english()}>
      <div class="demo-bar__row">
        <span class="demo-badge">Demo</span>
        <span class="demo-bar__title">lead-registration-widget</span>
        <p class="demo-bar__status" role="status" ?data-busy=${state.busy}>${state.status}</p>
        ${select(
          'theme',
          'Theme',
          s.theme,
          THEMES,
          (theme) => THEME_LABELS[theme],
          (value) => changeSettings({ theme: value as DemoSettings['theme'] }),
        )}
      </div>
      <details class="demo-settings">
        <summary>Demo settings</summary>
        <div class="demo-settings__body">
          <form class="demo-settings__form" @submit=${(event: Event) => event.preventDefault()}>
            ${select(
              'setting-language',
              'Language',
              s.language,
              LANGUAGES,
              (language) => LANGUAGE_LABELS[language],
              (value) => changeSettings({ language: value as DemoSettings['language'] }),
              (language) => language,
            )}
            ${select(
              'setting-direction',
              'Direction',
              s.direction,
              DIRECTIONS,
              (direction) => DIRECTION_LABELS[direction],
              (value) => changeSettings({ direction: value as DemoSettings['direction'] }),
            )}
            ${select(
              'setting-backend',
              'Backend',
              s.backend,
              BACKENDS,
              (backend) => BACKEND_LABELS[backend],
              (value) => changeSettings({ backend: value as DemoSettings['backend'] }),
            )}
            ${select(
              'setting-tier',
              'Partner tier',
              s.tier,
              TIERS,
              (tier: Tier) => `${tierLabel(tier)} (${TIER_LIMITS[tier]})`,
              (value) => changeSettings({ tier: value as Tier }),
            )}
            ${select('setting-seed', 'Seeded registrations', s.seed, SEED_COUNTS, String, (value) =>
              changeSettings({ seed: Number(value) as DemoSettings['seed'] }),
            )}
            ${select(
              'setting-latency',
              'Latency',
              s.latency,
              LATENCIES,
              (latency) => LATENCY_LABELS[latency],
              (value) => changeSettings({ latency: Number(value) as DemoSettings['latency'] }),
            )}
            ${select(
              'setting-failure',
              'Injected failure',
              s.failure,
              FAILURES,
              (failure) => FAILURE_LABELS[failure],
              (value) => changeSettings({ failure: value as DemoSettings['failure'] }),
            )}
            ${select(
              'setting-term',
              'Registrations expire',
              s.term,
              TERMS,
              (term) => TERM_LABELS[term],
              (value) => changeSettings({ term: value === 'none' ? 'none' : (Number(value) as 30 | 90 | 365) }),
            )}
            ${select(
              'setting-window',
              'Renewal',
              s.window,
              WINDOWS,
              (window) => WINDOW_LABELS[window],
              (value) => changeSettings({ window: Number(value) as DemoSettings['window'] }),
            )}
            ${select(
              'setting-renewals',
              'Renewals allowed',
              s.renewals,
              MAX_RENEWALS,
              (renewals) => RENEWAL_LABELS[renewals],
              (value) => changeSettings({ renewals: value === 'any' ? 'any' : (Number(value) as 0 | 1 | 3) }),
            )}
            ${select(
              'setting-review',
              'Review',
              s.review,
              REVIEWS,
              (review) => REVIEW_LABELS[review],
              (value) => changeSettings({ review: value as DemoSettings['review'] }),
            )}
            <div class="field field--action">
              <span class="demo-today" id="demo-today">Today: ${demoToday(s)}</span>
              <div class="demo-today__buttons" role="group" aria-labelledby="demo-today">
                ${[1, 7, 30].map(
                  (days) =>
                    html`<button
                      type="button"
                      class="btn"
                      ?disabled=${state.busy}
                      @click=${() => changeSettings(movedToday(state.settings, days))}
                    >
                      +${days} ${days === 1 ? 'day' : 'days'}
                    </button>`,
                )}
                <button
                  type="button"
                  class="btn"
                  ?disabled=${state.busy || s.today === 0}
                  @click=${() => changeSettings(movedToday(state.settings, 'back'))}
                >
                  Back to today
                </button>
              </div>
            </div>
            <div class="field field--action">
              <button type="button" class="btn" ?disabled=${state.busy} @click=${() => void approvePending()}>
                Approve pending
              </button>
            </div>
            <div class="field field--action">
              <button
                type="button"
                class="btn"
                ?disabled=${state.busy}
                @click=${() => void applyBackend(state.settings, true)}
              >
                Reset data
              </button>
            </div>
          </form>
          <p class="demo-settings__hint">
            These settings live in the page address, so a link shares them. Latency and failures apply to every backend
            call. Reset replaces the data with freshly seeded registrations; with any at all, one of them is Jonas
            Becker’s, registered before his company’s website changed. With an expiry, his expires in 12 days (Renew on
            his card); move today forward to see it expire (Expired, Register again). With review, new registrations are
            pending until you approve them.
          </p>
          <div class="event-log">
            <h2 class="event-log__title">Widget events</h2>
            ${
              state.events.length === 0
                ? html`<p class="event-log__empty">None yet. Register a contact or open Capacity.</p>`
                : html`<ol class="event-log__list">
                    ${state.events.map(
                      (event) =>
                        html`<li>
                          <time datetime=${event.at.toISOString()}>${event.at.toLocaleTimeString()}</time>
                          <code>${event.type}</code>
                          <span>${event.summary}</span>
                        </li>`,
                    )}
                  </ol>`
            }
          </div>
        </div>
      </details>
    </section>
  `;
}

function topNav(): TemplateResult {
  return html`
    <header class="topnav">
      <a class="brand" href=${contactHref(state.contactId)} lang=${english()}>
        <svg class="brand__mark" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 2l2.6 6.9L22 9.3l-5.8 4.6 2.1 7.1L12 17l-6.3 4 2.1-7.1L2 9.3l7.4-.4z" />
        </svg>
        <span>Northstar <span class="brand__suffix">CRM</span></span>
      </a>
      <nav class="topnav__nav" aria-label="Main" lang=${english()}>
        <ul>
          <li><a href=${contactHref(state.contactId)} aria-current="page">Contacts</a></li>
          <li><span class="topnav__inert" title="Not part of this demo">Companies</span></li>
          <li><span class="topnav__inert" title="Not part of this demo">Deals</span></li>
          <li><span class="topnav__inert" title="Not part of this demo">Reports</span></li>
          <li>
            <button type="button" class="topnav__capacity" ?disabled=${!state.backend} @click=${openCapacityManager}>
              Capacity
            </button>
          </li>
        </ul>
      </nav>
      <div class="topnav__end">
        ${state.backend ? html`<capacity-meter class="topnav__meter" compact></capacity-meter>` : nothing}
        <span class="account" title="Signed in as Sam Okafor, Brightside Digital (partner)" lang=${english()}>
          <span class="account__avatar" aria-hidden="true">SO</span>
          <span class="visually-hidden">Signed in as Sam Okafor</span>
        </span>
      </div>
    </header>
  `;
}

function contactList(): TemplateResult {
  return html`
    <nav class="contacts" aria-label="Contacts" lang=${english()}>
      <h2 class="contacts__title">Contacts <span class="count">${CONTACTS.length}</span></h2>
      <ul class="contacts__list">
        ${CONTACTS.map(
          (contact) => html`
            <li>
              <a
                class="contact-link"
                href=${contactHref(contact.id)}
                aria-current=${contact.id === state.contactId ? 'page' : nothing}
                @click=${(event: MouseEvent) => onContactClick(event, contact.id)}
              >
                <span class="avatar avatar--small" aria-hidden="true">${initials(contact.name)}</span>
                <span class="contact-link__text">
                  <span class="contact-link__name">${contact.name}</span>
                  <span class="contact-link__company">${contact.company}</span>
                  <span class="contact-link__scenario">${contact.scenario}</span>
                </span>
              </a>
            </li>
          `,
        )}
      </ul>
    </nav>
  `;
}

function websiteValue(contact: Contact): TemplateResult {
  const href = websiteHref(contact.website);
  if (href) return html`<a href=${href} target="_blank" rel="noopener noreferrer">${contact.website}</a>`;
  if (contact.website.trim() === '') return html`<span class="muted">No website</span>`;
  return html`<span>${contact.website}</span> <span class="tag tag--warn">Not a web address</span>`;
}

/**
 * The contact record. The sidebar (the lead registration card, the company) comes right after the
 * header, so that reading and Tab order match a phone's screen, where it sits there; on wider screens
 * the grid gives it a column of its own. It is a region of the record rather than an <aside>: it is
 * about this contact, and a complementary landmark belongs at the top level, not inside <main>.
 */
function record(contact: Contact): TemplateResult {
  const activities = [...(state.activities.get(contact.id) ?? []), ...contact.activities];
  return html`
    <section class="panel record-header" lang=${english()}>
      <span class="avatar avatar--large" aria-hidden="true">${initials(contact.name)}</span>
      <div class="record-header__text">
        <h1 id="contact-name">${contact.name}</h1>
        <p class="record-header__role">${contact.jobTitle} · <span class="company-name">${contact.company}</span></p>
        <p class="record-header__meta">
          <span class="tag">${contact.lifecycleStage}</span>
          <span class="muted">Owner: ${contact.owner}</span>
        </p>
      </div>
      <div class="record-header__actions">
        <a class="btn" href=${`mailto:${contact.email}`}>Email</a>
        <a class="btn" href=${`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>Call</a>
      </div>
    </section>

    <section class="sidebar" aria-label="Contact tools">${sidebar(contact)}</section>

    <section class="panel record-about" aria-labelledby="about-title" lang=${english()}>
      <h2 id="about-title" class="panel__title">About this contact</h2>
      <dl class="properties">
        <div>
          <dt>Email</dt>
          <dd><a href=${`mailto:${contact.email}`}>${contact.email}</a></dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>${contact.phone}</dd>
        </div>
        <div>
          <dt>Company</dt>
          <dd class="company-name">${contact.company}</dd>
        </div>
        <div>
          <dt>Website</dt>
          <dd class="website">${websiteValue(contact)}</dd>
        </div>
        <div>
          <dt>Country</dt>
          <dd>${contact.country}</dd>
        </div>
        <div>
          <dt>Lifecycle stage</dt>
          <dd>${contact.lifecycleStage}</dd>
        </div>
        <div>
          <dt>Contact owner</dt>
          <dd>${contact.owner}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd><time datetime=${contact.createdAt}>${dateFormat.format(new Date(contact.createdAt))}</time></dd>
        </div>
      </dl>
    </section>

    <section class="panel record-activity" aria-labelledby="activity-title" lang=${english()}>
      <h2 id="activity-title" class="panel__title">Activity</h2>
      <ol class="timeline">
        ${activities.map(
          (activity) => html`
            <li class="timeline__item" data-kind=${activity.kind}>
              <span class="timeline__dot" aria-hidden="true"></span>
              <div>
                <p class="timeline__title">${activity.title}</p>
                ${activity.body ? html`<p class="timeline__body">${activity.body}</p>` : nothing}
                <time class="timeline__time" datetime=${activity.at}
                  >${dateTimeFormat.format(new Date(activity.at))}</time
                >
              </div>
            </li>
          `,
        )}
      </ol>
    </section>
  `;
}

/**
 * The domain a registration of `website` would hold (docs/contract.md#6-domain-normalisation), or undefined when there
 * is none.
 */
function domainOf(website: string): string | undefined {
  const check = checkWebsite(website);
  return check.ok ? check.domain : undefined;
}

function sidebar(contact: Contact): TemplateResult {
  const domain = domainOf(contact.website);
  const sameDomain = domain
    ? CONTACTS.filter((other) => other.id !== contact.id && domainOf(other.website) === domain)
    : [];
  return html`
    <lead-registration-card
      contact-id=${contact.id}
      website=${contact.website}
      company=${contact.company}
      contact-name=${contact.name}
      country=${contact.country}
    ></lead-registration-card>

    <section class="panel company-panel" aria-labelledby="company-title" lang=${english()}>
      <h2 id="company-title" class="panel__title">Company</h2>
      <p class="company-panel__name company-name">${contact.company}</p>
      <dl class="properties properties--compact">
        <div>
          <dt>Domain</dt>
          <dd>${domain ?? html`<span class="muted">None</span>`}</dd>
        </div>
        <div>
          <dt>Country</dt>
          <dd>${contact.country}</dd>
        </div>
      </dl>
      ${
        sameDomain.length > 0
          ? html`
              <p class="company-panel__others">Other contacts at this domain:</p>
              <ul class="company-panel__list">
                ${sameDomain.map(
                  (other) =>
                    html`<li>
                      <a href=${contactHref(other.id)} @click=${(event: MouseEvent) => onContactClick(event, other.id)}
                        >${other.name}</a
                      >
                    </li>`,
                )}
              </ul>
            `
          : nothing
      }
    </section>
  `;
}

// ── Start ──────────────────────────────────────────────────────────────────────────────────

applyPage(state.settings);
app.replaceChildren(); // the static "Loading" text; from here on Lit renders the page
// Normalise the address (unknown values dropped, the contact named) without a new history entry.
writeSettings(state.settings, state.contactId);
update();
void applyBackend(undefined, false);
