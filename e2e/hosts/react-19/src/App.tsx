import { useMemo, useState } from 'react';
import { RestBackend } from 'lead-registration-widget';

/** The contact this host page shows (the CRM record). */
const CONTACT = {
  id: 'c-1',
  website: 'https://www.northwind-analytics.com/about',
  company: 'Northwind Analytics',
  name: 'Maya Lindqvist',
  country: 'SE',
};

// docs/embedding.md, "In React": one backend object for the page, properties and `on…` listeners set
// by React 19, the manager's `open` kept in step through `oncapacity-manager-close`.
export function App() {
  const backend = useMemo(() => new RestBackend({ baseUrl: '/api' }), []);
  const [managerOpen, setManagerOpen] = useState(false);
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) => setLog((lines) => [...lines, line]);

  return (
    <main>
      <h1>React 19 host</h1>
      <capacity-provider backend={backend}>
        <button type="button" onClick={() => setManagerOpen(true)}>
          Capacity
        </button>
        <capacity-meter compact></capacity-meter>
        <lead-registration-card
          contact-id={CONTACT.id}
          website={CONTACT.website}
          company={CONTACT.company}
          contact-name={CONTACT.name}
          country={CONTACT.country}
          onlead-registered={(event) => note(`lead-registered ${event.detail.registration.domain}`)}
          onlead-deregistered={(event) => note(`lead-deregistered ${event.detail.removed.length}`)}
          onlead-registration-error={(event) => note(`lead-registration-error ${event.detail.error.code}`)}
        ></lead-registration-card>
        <capacity-manager open={managerOpen} oncapacity-manager-close={() => setManagerOpen(false)}></capacity-manager>
      </capacity-provider>
      <h2>Events</h2>
      <ol aria-label="Events">
        {log.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ol>
    </main>
  );
}
