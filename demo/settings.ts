import { TIERS } from '../src/core/tiers.js';
import type { RegistrationPolicy, Tier } from '../src/core/types.js';

/** The demo's controls, kept in the URL query so that a state can be shared as a link. */
export interface DemoSettings {
  backend: 'rest' | 'local';
  tier: Tier;
  /** How many registrations the backend is seeded with. */
  seed: 0 | 45 | 50 | 480 | 1000;
  /** Milliseconds every backend call waits. */
  latency: 0 | 300 | 2000;
  /** A failure every backend call ends in. */
  failure: 'none' | '500' | 'timeout' | '401';
  theme: 'system' | 'light' | 'dark';
  /** The page's language (`<html lang>`): the widget speaks it; the demo's own CRM stays English. */
  language: (typeof LANGUAGES)[number];
  /** The page's direction (`<html dir>`); `auto` is the language's. */
  direction: 'auto' | 'ltr' | 'rtl';
  /** The registration policy: days to expiry (`none`: no expiry), … */
  term: (typeof TERMS)[number];
  /** … days before expiry renewal opens (0: not offered), … */
  window: (typeof WINDOWS)[number];
  /** … renewals allowed (`any`: no limit), … */
  renewals: (typeof MAX_RENEWALS)[number];
  /** … and whether new registrations wait for the vendor's review. */
  review: 'off' | 'on';
  /** How many days "today" is moved forward, for the backends and the elements alike. */
  today: number;
}

export const BACKENDS = ['rest', 'local'] as const;
export const SEED_COUNTS = [0, 45, 50, 480, 1000] as const;
export const LATENCIES = [0, 300, 2000] as const;
export const FAILURES = ['none', '500', 'timeout', '401'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt-BR', 'ja', 'ar'] as const;
export const DIRECTIONS = ['auto', 'ltr', 'rtl'] as const;
export const TERMS = ['none', 30, 90, 365] as const;
export const WINDOWS = [0, 14, 30] as const;
export const MAX_RENEWALS = ['any', 0, 1, 3] as const;
export const REVIEWS = ['off', 'on'] as const;
/** The furthest "today" can be moved: ten years. */
const MAX_TODAY = 3650;

export const DEFAULT_SETTINGS: Readonly<DemoSettings> = {
  backend: 'rest',
  tier: 'untiered',
  seed: 45,
  latency: 0,
  failure: 'none',
  theme: 'system',
  language: 'en',
  direction: 'auto',
  term: 'none',
  window: 30,
  renewals: 'any',
  review: 'off',
  today: 0,
};

/** The query parameter of each setting. */
const PARAMS: Readonly<Record<keyof DemoSettings, string>> = {
  backend: 'backend',
  tier: 'tier',
  seed: 'seed',
  latency: 'latency',
  failure: 'fail',
  theme: 'theme',
  language: 'lang',
  direction: 'dir',
  term: 'term',
  window: 'window',
  renewals: 'renewals',
  review: 'review',
  today: 'today',
};

/** `value` when it is one of `allowed`, else `fallback`: a hand-edited URL never breaks the page. */
function oneOf<T extends string | number>(allowed: readonly T[], value: string | null, fallback: T): T {
  if (value === null) return fallback;
  return allowed.find((item) => String(item) === value) ?? fallback;
}

export function readSettings(search: string = location.search): DemoSettings {
  const params = new URLSearchParams(search);
  const get = (key: keyof DemoSettings): string | null => params.get(PARAMS[key]);
  return {
    backend: oneOf(BACKENDS, get('backend'), DEFAULT_SETTINGS.backend),
    tier: oneOf(TIERS, get('tier'), DEFAULT_SETTINGS.tier),
    seed: oneOf(SEED_COUNTS, get('seed'), DEFAULT_SETTINGS.seed),
    latency: oneOf(LATENCIES, get('latency'), DEFAULT_SETTINGS.latency),
    failure: oneOf(FAILURES, get('failure'), DEFAULT_SETTINGS.failure),
    theme: oneOf(THEMES, get('theme'), DEFAULT_SETTINGS.theme),
    language: oneOf(LANGUAGES, get('language'), DEFAULT_SETTINGS.language),
    direction: oneOf(DIRECTIONS, get('direction'), DEFAULT_SETTINGS.direction),
    term: oneOf(TERMS, get('term'), DEFAULT_SETTINGS.term),
    window: oneOf(WINDOWS, get('window'), DEFAULT_SETTINGS.window),
    renewals: oneOf(MAX_RENEWALS, get('renewals'), DEFAULT_SETTINGS.renewals),
    review: oneOf(REVIEWS, get('review'), DEFAULT_SETTINGS.review),
    today: daysFrom(get('today')),
  };
}

/** A whole number of days from 0 to MAX_TODAY, else 0. */
function daysFrom(value: string | null): number {
  const days = Number(value);
  return Number.isInteger(days) && days >= 0 && days <= MAX_TODAY ? days : 0;
}

/** The registration policy the settings set. */
export function policyOf(settings: DemoSettings): RegistrationPolicy {
  return {
    termDays: settings.term === 'none' ? null : settings.term,
    renewalWindowDays: settings.window,
    maxRenewals: settings.renewals === 'any' ? null : settings.renewals,
    review: settings.review === 'on',
  };
}

/** `settings` with "today" moved by `days` (back to the real today at 0), within 0 and MAX_TODAY. */
export function movedToday(settings: DemoSettings, days: number | 'back'): DemoSettings {
  const today = days === 'back' ? 0 : Math.min(MAX_TODAY, Math.max(0, settings.today + days));
  return { ...settings, today };
}

/**
 * The query string for `settings` and the selected contact, leaving out defaults so that a shared
 * link stays short, and keeping any parameter the demo does not own.
 */
export function settingsSearch(
  settings: DemoSettings,
  contactId: string | undefined,
  base: string = location.search,
): string {
  const params = new URLSearchParams(base);
  for (const key of Object.keys(PARAMS) as (keyof DemoSettings)[]) {
    if (settings[key] === DEFAULT_SETTINGS[key]) params.delete(PARAMS[key]);
    else params.set(PARAMS[key], String(settings[key]));
  }
  if (contactId) params.set('contact', contactId);
  else params.delete('contact');
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function readContactId(search: string = location.search): string | null {
  return new URLSearchParams(search).get('contact');
}

/** The direction the page takes: the one chosen, else the language's. */
export function directionOf(settings: DemoSettings): 'ltr' | 'rtl' {
  if (settings.direction !== 'auto') return settings.direction;
  return settings.language === 'ar' ? 'rtl' : 'ltr';
}

/** Writes the settings into the URL without adding a history entry. */
export function writeSettings(settings: DemoSettings, contactId: string | undefined): void {
  const url = `${location.pathname}${settingsSearch(settings, contactId)}${location.hash}`;
  history.replaceState(history.state, '', url);
}
