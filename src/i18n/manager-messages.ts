// The English source of the Capacity Manager's messages: in its chunk, with the dialog and the table
// (see messages.ts for the rest and for what ids promise).

export const managerMessages = {
  'manager.loading': 'Loading your registrations…',
  'manager.search': 'Search',
  'manager.searchPlaceholder': 'Domain, company, contact name or country',
  'manager.selected': '{count, plural, one {# domain selected} other {# domains selected}}',
  'manager.clearSelection': 'Clear selection',
  'manager.selectToDeregister': 'Select domains to deregister them.',
  'manager.deregister': 'Deregister',
  'manager.deregistered': '{count, plural, one {# domain deregistered.} other {# domains deregistered.}}',
  'manager.alreadyDeregistered':
    '{count, plural, one {# domain was already deregistered.} other {# domains were already deregistered.}}',
  'manager.alsoAlreadyDeregistered':
    '{count, plural, one {# was already deregistered.} other {# were already deregistered.}}',
  'manager.used': '{used} of {limit} used.',
  'manager.matches': '{count, plural, =0 {No domain matches.} one {# domain matches.} other {# domains match.}}',
  // `order` is asc, desc (text columns), oldest, newest (the registration date) or soonest, latest (the expiry).
  'manager.sorted':
    'Sorted by {column}, {order, select, asc {A to Z} desc {Z to A} oldest {oldest first} soonest {soonest first} latest {latest first} other {newest first}}.',
  'manager.showing': '{total, plural, =0 {No domains to show.} other {Showing {first}–{last} of #.}}',

  'table.caption': 'Registered domains',
  'table.selectAll': 'Select all domains on this page',
  'table.select': 'Select {domain}',
  'table.domain': 'Domain',
  'table.company': 'Company',
  'table.contactName': 'Contact name',
  'table.country': 'Country',
  'table.registeredAt': 'Registered',
  'table.empty': 'No domains are registered in your capacity yet.',
  'table.emptyHint': 'Domains appear here when you register prospects from their contact records.',
  'table.noMatch': 'No registered domains match “{search}”.',
  'table.clearSearch': 'Clear search',
  'table.rowsPerPage': 'Rows per page',
  'table.range': '{total, plural, =0 {# of #} other {{first}–{last} of #}}',
  'table.pages': 'Pages',
  'table.firstPage': 'First page',
  'table.previousPage': 'Previous page',
  'table.nextPage': 'Next page',
  'table.lastPage': 'Last page',

  'confirm.title': '{count, plural, one {Deregister # domain?} other {Deregister # domains?}}',
  'confirm.explanation':
    '{count, plural, one {Deregistering releases this domain from your capacity. You will no longer be eligible for commission or Sold MRR benefits if this prospect buys.} other {Deregistering releases these domains from your capacity. You will no longer be eligible for commission or Sold MRR benefits if these prospects buy.}}',
  'confirm.domains': 'Domains to deregister',
  'confirm.tooMany': 'You can deregister up to {max} domains at a time. Select fewer and try again.',
  'confirm.cancel': 'Cancel',
  'confirm.deregistering': 'Deregistering…',
  'confirm.confirm': 'Yes, deregister',

  'export.start': 'Export CSV',
  'export.cancel': 'Cancel export',
  'export.progress': 'Exporting {done} of {total}…',
  'export.done':
    '{count, plural, one {# registration exported to {fileName}.} other {# registrations exported to {fileName}.}}',
  'export.cancelled': 'Export cancelled.',
  'export.failed': 'The export stopped. {reason}',
  'export.fileName': 'registrations-{date}.csv',

  'manager.filter': 'Show',
  'manager.filterAll': 'All registrations',
  'manager.filterExpiring': 'Expiring within {days, plural, one {# day} other {# days}}',
  'manager.selectToRenewOrDeregister': 'Select domains to renew or deregister them.',
  'manager.renew': 'Renew',
  'table.status': 'Status',
  'table.registered': 'Registered',
  'table.expiresAt': 'Expires',
  'table.noExpiry': 'Never',
  'table.expiresIn': '{days, plural, one {in # day} other {in # days}}',
  'table.nonePending': 'No registrations are pending review.',
  'table.noneExpiring': 'No registrations expire within {days, plural, one {# day} other {# days}}.',
  'renewal.title': '{count, plural, one {Renew # domain?} other {Renew # domains?}}',
  'renewal.newDate': 'New expiry: {date}',
  'renewal.renewing': 'Renewing…',
  'renewal.renewed':
    '{count, plural, =0 {No domains were renewed.} one {# domain renewed.} other {# domains renewed.}}',
  'renewal.notRenewed': '{count, plural, one {# domain could not be renewed.} other {# domains could not be renewed.}}',
  'renewal.explanation':
    'Renewing extends each registration by {days, plural, one {# day} other {# days}} from its current expiry.',
  'renewal.tooMany': 'You can renew up to {max} domains at a time.',
};
