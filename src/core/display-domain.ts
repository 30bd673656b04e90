// How a domain is shown to a person: an internationalised one in its own letters (bücher.de, not
// xn--bcher-kva.de) where that cannot deceive (punycode.ts). The ASCII form stays the key everywhere
// else (data, ids, requests).

let unicodeDomain: ((domain: string) => string) | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

/**
 * `domain` (ASCII, as registered) as a person reads it. The decoder is a chunk of its own, fetched the first time
 * a domain has a punycode label: until it is there such a domain shows in ASCII (its safe form), and the listeners
 * of `onDomainsReadable` run once it is, so that the elements render it again.
 */
export function displayDomain(domain: string): string {
  if (!domain.includes('xn--')) return domain;
  if (unicodeDomain) return unicodeDomain(domain);
  void loadDecoder();
  return domain;
}

/** The decoder, loaded once (again after a failed fetch); resolves when displayDomain shows Unicode. */
export function loadDecoder(): Promise<void> {
  return (loading ??= import('./punycode.js').then(
    (module) => {
      unicodeDomain = module.unicodeDomain;
      listeners.forEach((listener) => listener());
    },
    // Offline: domains stay in ASCII, and the next one shown tries again.
    () => void (loading = undefined),
  ));
}

/** Calls `listener` once domains can be shown in Unicode. */
export function onDomainsReadable(listener: () => void): void {
  listeners.add(listener);
}
