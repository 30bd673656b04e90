// The English source of the messages a card-only page shows, in the page's entry file: the card, the
// page-level words of the meter and the manager (until their chunks come) and configuration mistakes.
// The Capacity Manager's and the meter's own messages are in their chunks (manager-messages.ts,
// meter-messages.ts). The English of `error.<code>` and `website.<problem>` is core's, once
// (src/core/messages.ts): a failure's default message, a website's problem. Ids are stable: hosts
// override by them and translations are keyed by them (docs/localization.md lists every one). The
// syntax: message-format.ts.

export const entryMessages = {
  'common.retry': 'Retry',
  'common.retrying': 'Retrying…',
  'common.close': 'Close',
  'common.sentences': '{first} {second}',

  'capacity.summary': '{used} of {limit, plural, one {# domain} other {# domains}} used',

  'card.title': 'Lead registration',
  'card.options': 'Lead registration options',
  'card.manageCapacity': 'Manage your capacity',
  'card.notAvailable': 'Not available',
  'card.noContact': 'This card has no contact to show: set its contact-id attribute to the contact’s id in your CRM.',
  'card.loading': 'Loading the registration…',
  'card.notLoaded': 'Registration not loaded',
  'card.loadError': 'The registration could not be loaded. {message}',
  'card.registered': 'Registered',
  'card.domain': 'Domain',
  'card.registeredOn': 'Registered',
  'card.websiteMoved':
    'The contact’s website is now {website}. The registered domain stays {domain}: a registration does not follow the website.',
  'card.otherContact': 'Registered through another contact',
  'card.otherContactExplanation':
    '{domain} is already in your capacity, registered through another contact. A domain counts once, so this contact needs no registration of its own.',
  'card.contact': 'Contact',
  'card.company': 'Company',
  'card.otherPartner': 'Registered by another partner',
  'card.otherPartnerExplanation': '{domain} is registered by another partner and cannot be registered.',
  'card.notRegistered': 'Not registered',
  'card.registerAdds': 'Registering adds {domain} to your capacity.',
  'card.website': 'Website: {website}',
  'card.capacityFull':
    'Your capacity is full ({summary}). Deregister prospects you no longer work with to register this one.',
  'card.register': 'Register',
  'card.registering': 'Registering…',
  'card.registeredAnnouncement': 'Registered: {domain} is now in your capacity.',
  'card.pending': 'Pending review',
  'card.pendingSince': 'Pending the vendor’s review since {date}. It counts toward your capacity.',
  'card.expiresOn': 'Expires',
  'card.expiresIn': '{days, plural, one {Expires in # day.} other {Expires in # days.}}',
  'card.renew': 'Renew',
  'card.renewing': 'Renewing…',
  'card.renewedAnnouncement': 'Renewed: {domain} now expires on {date}.',
  'card.expired': 'Expired',
  'card.expiredOn': 'The registration of {domain} expired on {date} and has left your capacity.',
  'card.registerAgain': 'Register again',

  // Why a renewal was refused, by reason (RenewRefusalReason): the card's and the manager's.
  'renewal.not-found': '{domain} is no longer registered: it has expired or was deregistered.',
  'renewal.pending-review': '{domain} can be renewed once the vendor has reviewed it.',
  'renewal.no-expiry': '{domain} does not expire.',
  'renewal.not-yet-renewable': '{domain} can be renewed from {date}.',
  'renewal.renewal-limit': '{domain} has been renewed as often as allowed.',
  'renewal.renewal-not-offered': 'Renewal is not offered for {domain}.',

  'manager.title': 'Partner Registration Capacity',
  'manager.codeLoading': 'Loading the Capacity Manager…',
  'manager.codeFailed': 'The Capacity Manager could not be loaded. Check your connection and retry.',

  'meter.loading': 'Loading your capacity…',
  'meter.loadingCompact': 'Capacity…',
  'meter.unavailable': 'Capacity unavailable.',
  'meter.codeFailed': 'The capacity meter could not be loaded. Check your connection and retry.',
  'meter.retryCode': 'Retry loading the capacity meter',

  'config.ownerElement': 'this element',
  'config.ownerProvider': 'the <capacity-provider>',
  'config.backendPromise': 'The backend given to {owner} is a Promise: await it and set the backend it resolves to.',
  'config.backendNotObject':
    'The backend given to {owner} is {type, select, null {null} other {a {type}}}, not an object that implements CapacityBackend.',
  'config.backendUrl': 'For a REST backend at a URL, set the api-base attribute instead.',
  'config.backendMethods': 'The backend given to {owner} is missing {methods}. It must implement CapacityBackend.',
  'config.backendAttribute':
    'The backend attribute (“{value}”) holds only text: set the backend property instead (in React 18, from an effect), or use api-base.',
  'config.apiBaseInvalid': 'The api-base “{apiBase}” is not a valid URL.',
  'config.apiBaseScheme': 'The api-base “{apiBase}” must be an http or https URL.',
  'config.provider': 'The <capacity-provider> around this element cannot be used. {reason}',
  'config.storage': 'The lead registration widget could not start its storage.',
};
