// A host page under a strict Content Security Policy, for e2e/csp.e2e.mjs (issue 6, item 5), and a
// small real REST API (contract section 5) behind it: no MSW (its service worker would be one more
// script URL under Trusted Types), no Vite. It serves what ships: dist/lead-registration-widget.js
// and the chunks beside it (`npm run build` first), and answers the API with the package's own
// rules, the RegistrationLedger of dist/core/index.js (the `lead-registration-widget/core` export).
//
//   node e2e/csp-server.mjs [--port 4400]   serves the page until stopped, to look at it by hand
//
// The page: a contact's card, a capacity meter and nothing else; no inline script or style (the
// policy forbids them), the host's own styles in a file.

import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

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

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Starts the server on `port` (0: a free one). Resolves with its origin, the ledger it serves (to
 * check what the page did) and `close()`.
 */
export async function startCspServer({ port = 0, seed = 12 } = {}) {
  if (!existsSync(join(DIST, ENTRY)) || !existsSync(join(DIST, 'core', 'index.js'))) {
    throw new Error(`${join('dist', ENTRY)} or dist/core/index.js is missing: run \`npm run build\` first.`);
  }
  const core = await import(pathToFileURL(join(DIST, 'core', 'index.js')).href);
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
  const ledger = new core.RegistrationLedger('untiered', core.limitForTier('untiered'), registrations);
  /** Answers of mutations by endpoint and Idempotency-Key: a retried request is not applied twice. */
  const replies = new Map();
  let nextId = 1;

  const json = (status, body, type = 'application/json') => ({ status, type, body: JSON.stringify(body) });
  const problem = (error) => {
    const { code, message, capacity, registration } = core.CapacityError.from(error);
    const status = core.STATUS_BY_CODE[code] ?? 500;
    return json(
      status,
      { title: core.defaultMessage(code), status, detail: message, code, capacity, registration },
      'application/problem+json',
    );
  };

  const readBody = async (request) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    return text;
  };

  async function mutate(request, path, apply) {
    const key = request.headers['idempotency-key'];
    if (!key)
      throw new core.CapacityError('validation', { message: 'A mutating request needs an Idempotency-Key header.' });
    const text = await readBody(request);
    const stored = replies.get(`${path}\n${key}`);
    if (stored) return stored;
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new core.CapacityError('validation', { message: 'The request body must be JSON.' });
    }
    const reply = apply(body);
    replies.set(`${path}\n${key}`, reply);
    return reply;
  }

  async function api(request, url) {
    const path = url.pathname.slice('/api/'.length);
    try {
      if (request.method === 'GET' && path === 'capacity') return json(200, ledger.capacity());
      if (request.method === 'GET' && path === 'registrations') {
        return json(200, {
          ...ledger.query(core.queryFromSearchParams(url.searchParams)),
          capacity: ledger.capacity(),
        });
      }
      const contact = /^contacts\/([^/]+)\/registration$/.exec(path);
      if (request.method === 'GET' && contact) {
        const registration = ledger.byContact(decodeURIComponent(contact[1]));
        if (!registration) throw new core.CapacityError('not-found', { message: 'This contact has no registration.' });
        return json(200, registration);
      }
      if (request.method === 'POST' && path === 'registrations') {
        return await mutate(request, path, (input) =>
          json(201, ledger.register(input, { id: `r-new-${nextId++}`, now: new Date() })),
        );
      }
      if (request.method === 'POST' && path === 'registrations/deregister') {
        return await mutate(request, path, (input) => json(200, ledger.deregister(input?.ids)));
      }
      throw new core.CapacityError('not-found', { message: `No ${request.method} /api/${path}.` });
    } catch (error) {
      return problem(error);
    }
  }

  function file(pathname) {
    const relative = normalize(decodeURIComponent(pathname.slice('/dist/'.length)));
    if (relative.startsWith('..')) return undefined;
    try {
      return {
        status: 200,
        type: TYPES[extname(relative)] ?? 'application/octet-stream',
        body: readFileSync(join(DIST, relative)),
      };
    } catch {
      return undefined;
    }
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    let reply;
    if (url.pathname === '/') reply = { status: 200, type: 'text/html; charset=utf-8', body: PAGE };
    else if (url.pathname === '/empty.html')
      reply = { status: 200, type: 'text/html; charset=utf-8', body: EMPTY_PAGE };
    else if (url.pathname === '/host.css') reply = { status: 200, type: TYPES['.css'], body: HOST_CSS };
    else if (url.pathname === '/favicon.ico') reply = { status: 204, type: 'image/x-icon', body: '' };
    else if (url.pathname.startsWith('/api/')) reply = await api(request, url);
    else if (url.pathname.startsWith('/dist/')) reply = file(url.pathname);
    reply ??= { status: 404, type: 'text/plain', body: 'not found' };
    response.writeHead(reply.status, {
      'Content-Type': reply.type,
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(reply.body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    ledger,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '4400' } } });
  const { origin } = await startCspServer({ port: Number(values.port) });
  console.log(`The strict-CSP page: ${origin}/ (Ctrl+C stops it)`);
}
