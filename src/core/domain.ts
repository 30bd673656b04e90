import { CapacityError } from './errors.js';
import { WEBSITE_PROBLEM_TEXT as PROBLEM_TEXT } from './messages.js';

/** Why a website cannot be registered, so that the card can say so in words. */
export type WebsiteProblem =
  'missing' | 'scheme' | 'ip-address' | 'localhost' | 'single-label' | 'too-long' | 'characters';

export type WebsiteCheck = { ok: true; domain: string } | { ok: false; problem: WebsiteProblem };

/** Why `problem` gives no domain, in English (the elements say it in their language: `website.<problem>`). */
export function websiteProblemText(problem: WebsiteProblem): string {
  return PROBLEM_TEXT[problem];
}

const HAS_AUTHORITY_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// A scheme without `//` (mailto:, javascript:); `acme.com:8080` is a host and port, not a scheme.
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i;
const HTTP_SCHEME = /^https?:(?!\d+(?:[/?#]|$))/i;
// Letters, digits and hyphens; no hyphen at either end; 1–63 characters (RFC 1035, RFC 5891 A-labels).
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const ALL_DIGITS = /^\d+$/;
const MAX_HOST_LENGTH = 253;

/**
 * Reads a contact's website as the registered domain (docs/contract.md#6-domain-normalisation): the host, lowercased,
 * IDN as punycode, one trailing dot and one leading `www.` label removed; everything else dropped.
 */
export function checkWebsite(website: string | null | undefined): WebsiteCheck {
  const input = (website ?? '').trim();
  if (input === '') return { ok: false, problem: 'missing' };

  let withScheme: string;
  if (HAS_AUTHORITY_SCHEME.test(input)) withScheme = input;
  else if (input.startsWith('//')) withScheme = `http:${input}`;
  // `https:\\acme.com` and `http:acme.com` are http(s) addresses: the URL parser reads them as browsers do.
  else if (HTTP_SCHEME.test(input)) withScheme = input;
  else if (OTHER_SCHEME.test(input)) return { ok: false, problem: 'scheme' };
  else withScheme = `http://${input}`;

  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'characters' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'scheme' };

  // The URL parser has lowercased the host, mapped IDN to punycode and canonicalised IPv4 forms.
  let host = url.hostname;
  if (host.startsWith('[')) return { ok: false, problem: 'ip-address' };
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === 'localhost' || host.endsWith('.localhost')) return { ok: false, problem: 'localhost' };

  const labels = host.split('.');
  if (labels.length === 4 && labels.every((label) => ALL_DIGITS.test(label)))
    return { ok: false, problem: 'ip-address' };
  // `www.com` is a domain of its own: only strip `www.` when a registrable name remains.
  if (labels[0] === 'www' && labels.length > 2) labels.shift();
  if (labels.length < 2) return { ok: false, problem: labels[0] === '' ? 'characters' : 'single-label' };
  if (labels.some((label) => label.length > 63)) return { ok: false, problem: 'too-long' };
  if (!labels.every((label) => LDH_LABEL.test(label))) return { ok: false, problem: 'characters' };
  // A numeric top-level label is an IP address in disguise, never a domain.
  if (ALL_DIGITS.test(labels.at(-1) ?? '')) return { ok: false, problem: 'ip-address' };

  // The host's length, before `www.` is removed: `www.` + 253 characters is no host name at all.
  if (host.length > MAX_HOST_LENGTH) return { ok: false, problem: 'too-long' };
  return { ok: true, domain: labels.join('.') };
}

/** The registered domain for `website`; rejects with `invalid-website` when there is none. */
export function normalizeDomain(website: string | null | undefined): string {
  const check = checkWebsite(website);
  if (!check.ok) throw new CapacityError('invalid-website', { message: websiteProblemText(check.problem) });
  return check.domain;
}
