// A host page under a strict Content Security Policy, for e2e/csp.e2e.mjs (issue 6, item 5), and the
// mock REST API (docs/openapi.json) behind it on a real server: no MSW (its service worker would be
// one more script URL under Trusted Types), no Vite. It serves what ships: dist/lead-registration-widget.js
// and the chunks beside it (`npm run build` first); the API is mocks/api.ts, the one the browser
// tests run through MSW, mounted on node:http by scripts/api-server.mjs.
//
//   node e2e/csp-server.mjs [--port 4400]   serves the page until stopped, to look at it by hand
//
// The page: a contact's card, a capacity meter and nothing else; no inline script or style (the
// policy forbids them), the host's own styles in a file.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../scripts/api-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
const ENTRY = 'lead-registration-widget.js';

/** The policy of issue 6, item 5. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

/** The contact the page shows: not registered when the server starts. */
export const CONTACT = {
  id: 'c-csp',
  website: 'https://www.northwind-analytics.com/about',
  domain: 'northwind-analytics.com',
  name: 'Maya Lindqvist',
  company: 'Northwind Analytics',
  country: 'SE',
};

const escape = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Contact: ${escape(CONTACT.name)}</title>
<link rel="stylesheet" href="/host.css">
<script type="module" src="/dist/${ENTRY}"></script>
</head>
<body>
<header><span>CRM</span><capacity-meter compact api-base="/api"></capacity-meter></header>
<main>
<h1>${escape(CONTACT.name)}</h1>
<lead-registration-card api-base="/api" contact-id="${escape(CONTACT.id)}" website="${escape(CONTACT.website)}"
  contact-name="${escape(CONTACT.name)}" company="${escape(CONTACT.company)}" country="${escape(CONTACT.country)}"></lead-registration-card>
</main>
</body>
</html>
`;

/** The same policy with nothing on the page: to prove that a violation is seen. */
const EMPTY_PAGE = '<!doctype html><html lang="en"><meta charset="utf-8"><title>Empty</title><body></body></html>\n';

const HOST_CSS = `body { margin: 0; font: 16px/1.4 system-ui, sans-serif; }
header { display: flex; align-items: center; gap: 1rem; padding: 0.5rem 1rem; border-bottom: 1px solid #ccc; }
main { max-width: 26rem; padding: 1rem; }
`;

/**
 * Starts the server on `port` (0: a free one), the mock API of mocks/api.ts at /api through
 * scripts/api-server.mjs, seeded with `seed` registrations. Resolves with its origin, the ledger it
 * serves (to check what the page did) and `close()`.
 */
export async function startCspServer({ port = 0, seed = 12 } = {}) {
  if (!existsSync(join(DIST, ENTRY))) {
    throw new Error(`${join('dist', ENTRY)} is missing: run \`npm run build\` first.`);
  }
  const registrations = Array.from({ length: seed }, (_, index) => {
    const n = String(index + 1).padStart(2, '0');
    return {
      id: `r-${n}`,
      domain: `seeded-${n}.example`,
      contactId: `c-${n}`,
      contactName: `Contact ${n}`,
      company: `Company ${n}`,
      country: 'DE',
      registeredAt: new Date(Date.UTC(2026, 0, index + 1)).toISOString(),
    };
  });
  const html = (body) => ({ type: 'text/html; charset=utf-8', body });
  const server = await startServer({
    port,
    pages: {
      '/': html(PAGE),
      '/empty.html': html(EMPTY_PAGE),
      '/host.css': { type: 'text/css; charset=utf-8', body: HOST_CSS },
      '/favicon.ico': { status: 204, type: 'image/x-icon', body: null },
    },
    api: { baseUrl: '/api', state: { registrations } },
    directories: { '/dist/': DIST },
    headers: { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
  return {
    origin: server.origin,
    get ledger() {
      return server.api.ledger;
    },
    close: server.close,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '4400' } } });
  const { origin } = await startCspServer({ port: Number(values.port) });
  console.log(`The strict-CSP page: ${origin}/ (Ctrl+C stops it)`);
}
