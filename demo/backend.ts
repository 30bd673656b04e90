import { generateRegistrations } from '../mocks/seed.js';
import { checkWebsite } from '../src/core/domain.js';
import { lifecycleClock } from '../src/core/lifecycle.js';
import type { CapacityBackend, Registration, RegistrationPolicy } from '../src/core/types.js';
import { CONTACTS, PRESEEDED_REGISTRATIONS } from './contacts.js';
import { DEMO_TIMEOUT_MS, FaultyBackend, hasFaults } from './faults.js';
import { policyOf, type DemoSettings } from './settings.js';

const LOCAL_DB_NAME = 'lead-registration-widget-demo';
/** How many registrations the IndexedDB store was last seeded with, so a reload keeps what the user did. */
const LOCAL_SEEDED_KEY = `${LOCAL_DB_NAME}:seeded`;
const SEED = 7;
const DAY_MS = 86_400_000;
/** Jonas Becker's registration expires this many days after the day it is seeded, when the policy has a term. */
const PRESEEDED_EXPIRES_IN_DAYS = 12;

/** Moves "today" `days` forward for the elements and, through them, the backends (`demoNow`). */
export function moveToday(days: number): void {
  lifecycleClock.now = () => new Date(Date.now() + days * DAY_MS);
}

/** The demo's "today": what the elements, the mock API and the LocalBackend all take as now. */
const demoNow = (): Date => lifecycleClock.now();

/**
 * `count` registrations in all: the demo's pre-seeded ones first, then generated ones whose domains
 * and contacts are none of the demo contacts' (a generated `helixrobotics.de` would hide the
 * "website changed" case, a generated `northwind-analytics.com` the ordinary one).
 */
export function demoRegistrations(count: number, policy?: RegistrationPolicy): Registration[] {
  if (count <= 0) return [];
  // Under a term, Jonas Becker's expires soon: his card shows the warning and Renew at once.
  const expiresAt = policy?.termDays
    ? new Date(demoNow().getTime() + PRESEEDED_EXPIRES_IN_DAYS * DAY_MS).toISOString()
    : null;
  const preseeded = PRESEEDED_REGISTRATIONS.slice(0, count).map((registration) => ({ ...registration, expiresAt }));
  const taken = new Set(preseeded.map((registration) => registration.domain));
  for (const contact of CONTACTS) {
    const check = checkWebsite(contact.website);
    if (check.ok) taken.add(check.domain);
  }
  const generated = generateRegistrations(count + taken.size, SEED, {
    now: Math.floor(demoNow().getTime() / DAY_MS) * DAY_MS,
    ...(policy && { policy }),
  }).filter((registration) => !taken.has(registration.domain));
  return [...preseeded, ...generated.slice(0, count - preseeded.length)];
}

type MockModule = typeof import('../mocks/browser.js');
type LocalModule = typeof import('../src/backends/local-backend.js');

/**
 * Makes the backend the demo's elements use from the settings: the REST API mocked by MSW, or a
 * LocalBackend in IndexedDB, each with the latency and failure asked for. Every call of `apply`
 * hands out a new backend object, so that the elements reload everything from it.
 */
export class DemoBackend {
  #mocks: MockModule | undefined;
  #local: InstanceType<LocalModule['LocalBackend']> | undefined;
  #retired: InstanceType<LocalModule['LocalBackend']> | undefined;
  /** What the mock API was seeded with (count and term); it lives in memory, so nothing after a reload. */
  #restSeeded: string | undefined;

  /**
   * A backend for `settings`. `reseed` replaces the data with freshly seeded registrations; otherwise
   * the data is kept where it can be (the tier changes, the same count is asked for again).
   */
  async apply(settings: DemoSettings, reseed = false): Promise<CapacityBackend> {
    const retired = this.#local;
    this.#local = undefined;
    const backend =
      settings.backend === 'rest' ? await this.#rest(settings, reseed) : await this.#localBackend(settings, reseed);
    this.#retired = retired;
    return backend;
  }

  /**
   * Closes the LocalBackend the last `apply` replaced. Call it once the elements use the new backend:
   * until then they may still be reading from the old one.
   */
  disposeRetired(): void {
    this.#retired?.dispose();
    this.#retired = undefined;
  }

  async #rest(settings: DemoSettings, reseed: boolean): Promise<CapacityBackend> {
    // Loaded only in REST mode, and started before the first request of any element.
    this.#mocks ??= await import('../mocks/browser.js');
    const { api, startMockApi, worker } = this.#mocks;
    const { RestBackend } = await import('../src/backends/rest-backend.js');
    // A new tier or policy keeps the data, as a partner's promotion would; a new count or term reseeds (the
    // expiries are made under the term).
    const policy = policyOf(settings);
    const seeded = seedKey(settings);
    const registrations =
      reseed || this.#restSeeded !== seeded
        ? demoRegistrations(settings.seed, policy)
        : [...api.ledger.all(), ...api.ledger.lapsed()]; // those that lapsed stay their contacts' "Expired"
    // The worker sits beside the page wherever the demo is deployed (Vite's base), its scope covering it.
    await startMockApi({
      state: { tier: settings.tier, registrations, policy },
      serviceWorkerUrl: `${import.meta.env.BASE_URL}mockServiceWorker.js`,
    });
    this.#restSeeded = seeded;

    worker.resetHandlers();
    if (hasFaults(settings)) {
      const { faultHandlers } = await import('./mock-faults.js');
      worker.use(...faultHandlers(api.baseUrl, settings));
    }

    return new RestBackend({
      baseUrl: api.baseUrl,
      ...(settings.failure === 'timeout' && { timeoutMs: DEMO_TIMEOUT_MS }),
    });
  }

  async #localBackend(settings: DemoSettings, reseed: boolean): Promise<CapacityBackend> {
    // The mock API keeps running; it only answers requests to its /api, which nothing sends now.
    const { LocalBackend } = await import('../src/backends/local-backend.js');
    const policy = policyOf(settings);
    const local = new LocalBackend({ tier: settings.tier, name: LOCAL_DB_NAME, policy, clock: demoNow });
    this.#local = local;
    if (reseed || localStorage.getItem(LOCAL_SEEDED_KEY) !== seedKey(settings)) {
      await local.replaceAll(demoRegistrations(settings.seed, policy));
      localStorage.setItem(LOCAL_SEEDED_KEY, seedKey(settings));
    }
    return hasFaults(settings) ? new FaultyBackend(local, settings) : local;
  }

  /**
   * The vendor approves every pending registration (its review is outside the widget). Returns how many; the caller
   * applies the settings again, so that every element reads what it shows anew.
   */
  async approvePending(settings: DemoSettings): Promise<number> {
    if (settings.backend === 'rest') {
      const api = this.#mocks?.api;
      const pending = [...(api?.ledger.all() ?? [])].filter((row) => row.status === 'pending');
      return api?.approve(pending.map((row) => row.id)).length ?? 0;
    }
    const local = this.#local;
    if (!local) return 0;
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const { items, total } = await local.listRegistrations({ filter: 'pending', page, pageSize: 100 });
      ids.push(...items.map((row) => row.id));
      if (page * 100 >= total) break;
    }
    return ids.length > 0 ? (await local.approve(ids)).length : 0;
  }
}

/** What a backend's data was seeded with: a new count or term seeds it anew. */
function seedKey(settings: DemoSettings): string {
  return `${settings.seed}:${settings.term}`;
}
