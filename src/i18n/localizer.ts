import { formatMessage, type NumberRules } from './message-format.js';
import { entryMessages } from './messages.js';
import type { MessageId, MessageOverrides, MessageValues, Phrase } from './types.js';

// The message catalog: which locale an element speaks, and its words. English is the source: the entry
// file's messages, then each chunk's as it loads (addEnglish). Every other built-in locale is a chunk of
// its own, loaded when an element first needs it: an English page loads no translation. Hosts override
// messages and add locales with setMessages (docs/localization.md).

type Catalog = Readonly<Partial<Record<string, string>>>;

const english: Record<string, string> = { ...entryMessages };

/** Adds English source messages: a chunk's own, as it loads. */
export function addEnglish(messages: Catalog): void {
  Object.assign(english, messages);
}

/** A built-in locale's messages: keyed by id in the sources, listed in message-ids.ts's order once built. */
type Translation = () => Promise<{ default: Catalog | readonly string[] }>;

const TRANSLATIONS: Readonly<Partial<Record<string, Translation>>> = {
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  ja: () => import('./locales/ja.js'),
  ar: () => import('./locales/ar.js'),
};

/** Each built-in catalog by locale: its messages once loaded (none if it could not be), a promise meanwhile. */
const catalogs: Record<string, Catalog | Promise<void> | undefined> = { en: english };

// A host's messages, shared through the global object: set through one copy of the package (a bundle),
// they reach the elements that another copy (the script tag) defined.
const SHARED = Symbol.for('lead-registration-widget/messages');
const shared = ((globalThis as { [SHARED]?: { overrides: Record<string, Catalog>; listeners: Set<() => void> } })[
  SHARED
] ??= { overrides: {}, listeners: new Set() });

/** Calls `listener` whenever a host sets messages. */
export function onMessagesChange(listener: () => void): void {
  shared.listeners.add(listener);
}

/**
 * Overrides messages of `locale` by id, or adds `locale` (a BCP 47 tag: `de`, `de-CH`, `nl`) with its
 * messages. A message a locale lacks comes from its parent (`de` for `de-CH`), else English. Later calls
 * add to earlier ones; `undefined` restores the built-in message. The elements on the page render again.
 */
export function setMessages(locale: string, messages: MessageOverrides): void {
  const tag = readLanguageTag(locale);
  if (!tag) throw new RangeError(`setMessages: “${locale}” is not a language tag.`);
  shared.overrides[tag] = { ...shared.overrides[tag], ...messages };
  for (const listener of shared.listeners) listener();
}

/** `tag` as a canonical BCP 47 tag (`en_US` → `en-US`); undefined when it cannot be read as one. */
export function readLanguageTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/** The language subtag of `tag`, lowercased: `pt-BR` → `pt`. */
export const language = (tag: string): string => tag.split('-')[0].toLowerCase();

const parent = (tag: string): string => tag.slice(0, Math.max(0, tag.lastIndexOf('-')));

/** Starts loading `locale`'s built-in catalog; the promise while it is not there. */
function load(locale: string): Promise<void> | undefined {
  const translation = TRANSLATIONS[locale];
  const catalog = (catalogs[locale] ??=
    translation &&
    Promise.all([translation(), import('./message-ids.js')]).then(
      ([{ default: messages }, { default: ids }]) => {
        catalogs[locale] = Array.isArray(messages)
          ? Object.fromEntries(ids.map((id, index) => [id, (messages as readonly string[])[index]]))
          : (messages as Catalog);
      },
      (error: unknown) => {
        // Its elements show English rather than wait: one warning, no retry until the page reloads.
        warnOnce(locale, `the ${locale} messages could not be loaded; English is shown. ${String(error)}`);
        catalogs[locale] = {};
      },
    ));
  return catalog instanceof Promise ? catalog : undefined;
}

/** The words and formats of one locale: its messages (else its parents', else English's), and Intl. */
export class Localizer implements NumberRules {
  #numbers: Intl.NumberFormat | undefined;
  #plurals: Intl.PluralRules | undefined;
  #dates: Intl.DateTimeFormat | undefined;

  /**
   * `locale` is what numbers and dates are written in, text sorted and searched by, and a server asked
   * for; `mark`, the language and direction to mark the element's text with where they are not the
   * page's (its language has no messages: English shows); `chain`, where messages are looked up.
   */
  constructor(
    readonly locale: string,
    readonly mark: { lang: string; dir: 'ltr' | 'rtl' } | undefined,
    readonly chain: readonly string[],
  ) {}

  /** Resolves once the translations this locale needs are loaded; undefined when they are. */
  get ready(): Promise<unknown> | undefined {
    const pending = this.chain.map(load).filter((promise) => promise !== undefined);
    return pending.length > 0 ? Promise.all(pending) : undefined;
  }

  /** The message `id` with `values`, as text; `english` when no locale has it (core's English: error.*, website.*). */
  t(id: MessageId, values?: MessageValues, english?: string): string {
    const parts = this.parts(id, values);
    return english !== undefined && parts[0] === id ? english : parts.join('');
  }

  /** A phrase as text. */
  say(phrase: Phrase): string {
    return this.t(phrase.id, phrase.values);
  }

  /**
   * The message `id` with `values` as parts: text, and each value as given, so that a template shows an
   * element (a `<bdi>` around a domain) where the message has its placeholder. A phrase value is said.
   */
  parts(id: MessageId, values: Readonly<Record<string, unknown>> = {}): unknown[] {
    const worded: Record<string, unknown> = {};
    for (const name in values) {
      const value = values[name] as Partial<Phrase> | undefined;
      worded[name] = typeof value?.id === 'string' ? this.say(value as Phrase) : value;
    }
    // A host's message, then the built-in one, of each locale from the most specific to English.
    for (const locale of this.chain) {
      for (const message of [shared.overrides[locale]?.[id], (catalogs[locale] as Catalog | undefined)?.[id]]) {
        try {
          if (message !== undefined) return formatMessage(message, worded, this);
        } catch (error) {
          warnOnce(locale + id, `the ${locale} message ${id} is not used: ${(error as Error).message}`);
        }
      }
    }
    return [id];
  }

  number(value: number): string {
    return (this.#numbers ??= new Intl.NumberFormat(this.locale)).format(value);
  }

  plural(value: number): string {
    return (this.#plurals ??= new Intl.PluralRules(this.locale)).select(value);
  }

  /** An ISO date as the locale writes it ("26 Nov 2026", "26.11.2026"); the ISO text if it is no date. */
  date(iso: string): string {
    const date = new Date(iso);
    return Number.isNaN(date.getTime())
      ? iso
      : (this.#dates ??= new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' })).format(date);
  }
}

const localizers = new Map<string, Localizer>();

/**
 * The localizer of an element whose nearest `lang` is `declared` (a tag; undefined when there is none)
 * in a browser that prefers `preferred`: the first of them whose language has messages, else English.
 * A tag gets the messages of itself or its nearest parent that has some (`de-AT` → `de`), else of another
 * of its language (`pt` → `pt-BR`).
 */
export function localizerFor(declared: string | undefined, preferred: readonly string[]): Localizer {
  const locales = ['en', ...Object.keys(TRANSLATIONS), ...Object.keys(shared.overrides)];
  const key = `${declared} ${preferred.join()} ${locales.join()}`;
  let localizer = localizers.get(key);
  if (!localizer) {
    let tag = 'en';
    let catalog: string | undefined = 'en';
    for (const candidate of declared ? [declared] : preferred) {
      const found = (prefix: string): string | undefined => locales.find((locale) => prefix === locale.toLowerCase());
      let match: string | undefined;
      for (let prefix = candidate.toLowerCase(); prefix && !match; prefix = parent(prefix)) match = found(prefix);
      match ??= locales.find((locale) => language(locale) === language(candidate));
      if (match) {
        [tag, catalog] = [candidate, match];
        break;
      }
    }
    const chain: string[] = [];
    for (; catalog; catalog = parent(catalog)) chain.push(catalog);
    const lang = language(chain[0]);
    localizer = new Localizer(
      language(tag) === lang ? tag : chain[0],
      declared && language(declared) === lang
        ? undefined
        : { lang: chain[0], dir: /^(ar|ckb|dv|fa|he|ps|sd|ug|ur|yi)$/.test(lang) ? 'rtl' : 'ltr' },
      chain.at(-1) === 'en' ? chain : [...chain, 'en'],
    );
    localizers.set(key, localizer);
  }
  return localizer;
}

/** English, for the console (a developer's language) and for code that has no element. */
export const englishLocalizer: Localizer = new Localizer('en', undefined, ['en']);

const warned = new Set<string>();

/** Warns in the console once per `key`: a render that repeats a mistake must not flood it. */
export function warnOnce(key: string, message: string): void {
  if (!warned.has(key)) console.warn(`lead-registration-widget: ${message}`);
  warned.add(key);
}
