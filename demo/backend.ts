import { generateRegistrations } from '../mocks/seed.js';
import { checkWebsite } from '../src/core/domain.js';
import type { CapacityBackend, Registration } from '../src/core/types.js';
import { CONTACTS, PRESEEDED_REGISTRATIONS } from './contacts.js';
import { DEMO_TIMEOUT_MS, FaultyBackend, hasFaults } from './faults.js';
import type { DemoSettings } from './settings.js';

const LOCAL_DB_NAME = 'lead-registration-widget-demo';
/** How many registrations the IndexedDB store was last seeded with, so a reload keeps what the user did. */
const LOCAL_SEEDED_KEY = `${LOCAL_DB_NAME}:seeded`;
const SEED = 7;

/**
 * `count` registrations in all: the demo's pre-seeded ones first, then generated ones whose domains
 * and contacts are none of the demo contacts' (a generated `helixrobotics.de` would hide the
 * "website changed" case, a generated `northwind-analytics.com` the ordinary one).
 */
export function demoRegistrations(count: number): Registration[] {
  if (count <= 0) return [];
  const preseeded = PRESEEDED_REGISTRATIONS.slice(0, count).map((registration) => ({ ...registration }));
  const taken = new Set(preseeded.map((registration) => registration.domain));
  for (const contact of CONTACTS) {
    const check = checkWebsite(contact.website);
    if (check.ok) taken.add(check.domain);
  }
  const generated = generateRegistrations(count + taken.size, SEED).filter(
    (registration) => !taken.has(registration.domain),
  );
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
  /** How many registrations the mock API was seeded with; it lives in memory, so none after a reload. */
  #restSeeded: number | undefined;

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
    // A new tier keeps the data, as a partner's promotion would; a new count reseeds.
    const registrations =
      reseed || this.#restSeeded !== settings.seed ? demoRegistrations(settings.seed) : [...api.ledger.all()];
    // The worker sits beside the page wherever the demo is deployed (Vite's base), its scope covering it.
    await startMockApi({
      state: { tier: settings.tier, registrations },
      serviceWorkerUrl: `${import.meta.env.BASE_URL}mockServiceWorker.js`,
    });
    this.#restSeeded = settings.seed;

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
    const local = new LocalBackend({ tier: settings.tier, name: LOCAL_DB_NAME });
    this.#local = local;
    if (reseed || localStorage.getItem(LOCAL_SEEDED_KEY) !== String(settings.seed)) {
      await local.replaceAll(demoRegistrations(settings.seed));
      localStorage.setItem(LOCAL_SEEDED_KEY, String(settings.seed));
    }
    return hasFaults(settings) ? new FaultyBackend(local, settings) : local;
  }
}
