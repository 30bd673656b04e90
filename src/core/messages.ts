import type { CapacityErrorCode } from './errors.js';
import type { WebsiteProblem } from './domain.js';

// The English texts the rules give a person: a CapacityError's default message and why a website gives
// no domain. Core has them for servers and tests (Node too); the elements say them in the page's
// language through the message catalog (src/i18n/), which takes these as the English of
// `error.<code>` and `website.<problem>`. Not exported from the package: the catalog's ids are.

/** Default messages, written for the partner who reads them. */
export const ERROR_MESSAGES: Readonly<Record<CapacityErrorCode, string>> = {
  'capacity-exceeded': 'Your registration capacity is full. Deregister prospects you no longer work with to make room.',
  'domain-already-registered': 'This domain is already registered in your capacity through another contact.',
  'contact-already-registered': 'This contact is already registered.',
  'domain-unavailable': 'This domain is registered by another partner and cannot be registered.',
  'invalid-website': 'The contact’s website is not a valid public web address.',
  validation: 'The request was not valid.',
  'not-found': 'The record was not found.',
  unauthorized: 'Your session has expired. Sign in again and retry.',
  forbidden: 'Your account is not allowed to manage lead registrations.',
  timeout: 'The registration service took too long to answer. Check your connection and retry.',
  network: 'The registration service could not be reached. Check your connection and retry.',
  server: 'The registration service had a problem. Retry in a moment.',
  'bad-response': 'The registration service sent an answer that could not be read. Retry in a moment.',
  aborted: 'The request was cancelled.',
};

/** Why a website cannot be registered, so that the card can say so in words. */
export const WEBSITE_PROBLEM_TEXT: Readonly<Record<WebsiteProblem, string>> = {
  missing: 'This contact has no website, so there is no domain to register.',
  scheme: 'The website must be an http or https address.',
  'ip-address': 'The website is an IP address; only domain names can be registered.',
  localhost: 'The website points to this computer (localhost), not to a company domain.',
  'single-label': 'The website is not a full domain name (it needs a dot, as in acme.com).',
  'too-long': 'The website’s domain name is too long to be valid.',
  characters: 'The website contains characters that are not allowed in a domain name.',
};
