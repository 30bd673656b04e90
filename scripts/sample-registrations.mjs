// The registrations the host pages' mock API holds when a test of a built page starts (smoke test, server
// rendering, host apps): two other contacts of the partner, so that a card for contoso.com shows it held
// through Ada Berg.

/** Two other contacts' registrations. */
export const OTHER_REGISTRATIONS = [
  {
    id: 'r-1',
    domain: 'contoso.com',
    contactId: 'c-2',
    contactName: 'Ada Berg',
    company: 'Contoso',
    country: 'NO',
    registeredAt: '2026-01-05T10:00:00.000Z',
  },
  {
    id: 'r-2',
    domain: 'fabrikam.com',
    contactId: 'c-3',
    contactName: 'Li Wei',
    company: 'Fabrikam',
    country: 'NL',
    registeredAt: '2026-02-11T09:30:00.000Z',
  },
];
