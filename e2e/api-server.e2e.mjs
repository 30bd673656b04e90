// The Node adapter (scripts/api-server.mjs) with real HTTP requests: mocks/api.ts answers on
// node:http as it does through MSW (test/mocks/ checks those answers against docs/openapi.json),
// beside pages and static files. Needs no build and no browser: `node --test e2e/api-server.e2e.mjs`.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { loadCapacityApi, startServer } from '../scripts/api-server.mjs';

const HEADERS = { 'Content-Security-Policy': "default-src 'self'", 'X-Content-Type-Options': 'nosniff' };
const HELD = {
  id: 'r-1',
  domain: 'acme.com',
  contactId: 'c-acme',
  contactName: 'Ada Lovelace',
  company: 'Acme Inc.',
  country: 'GB',
  registeredAt: '2026-01-01T00:00:00.000Z',
  status: 'registered',
  expiresAt: null,
  renewals: 0,
};
/** A capacity under no registration policy. */
const cap = (tier, limit, used) => ({
  tier,
  limit,
  used,
  policy: { termDays: null, renewalWindowDays: 0, maxRenewals: null, review: false },
  expiringSoon: 0,
});
const STATE = { registrations: [HELD], unavailableDomains: ['https://www.rival.com/'] };

let server;
let base;

before(async () => {
  // base/public is served; base/secret.txt, beside it, must never be.
  base = await mkdtemp(join(tmpdir(), 'api-server-test-'));
  await mkdir(join(base, 'public'));
  await writeFile(join(base, 'public', 'widget.js'), 'export const answer = 42;\n');
  await writeFile(join(base, 'secret.txt'), 'secret\n');
  server = await startServer({
    pages: { '/': { type: 'text/html; charset=utf-8', body: '<!doctype html><title>Host</title>' } },
    api: { baseUrl: '/api', state: STATE },
    directories: { '/static/': join(base, 'public') },
    headers: HEADERS,
  });
});
after(async () => {
  await server?.close();
  await rm(base, { recursive: true, force: true });
});
beforeEach(() => server.api.reset(STATE));

const get = (path) => fetch(server.origin + path);

function post(path, body, key = crypto.randomUUID()) {
  return fetch(server.origin + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key === null ? {} : { 'Idempotency-Key': key }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const contactView = (contactId, website) =>
  get(`/api/contact-view?${new URLSearchParams(website === undefined ? { contactId } : { contactId, website })}`);

async function json(response, status) {
  assert.equal(response.status, status, `status of ${response.url}`);
  assert.equal(response.headers.get('content-type'), 'application/json');
  return response.json();
}

async function problem(response, status, code) {
  assert.equal(response.status, status, `status of ${response.url}`);
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  const body = await response.json();
  assert.deepEqual(
    { type: body.type, status: body.status, code: body.code },
    {
      type: `https://lead-registration-widget.example/problems/${code}`,
      status,
      code,
    },
  );
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.detail, 'string');
  return body;
}

describe('the mock API on node:http', () => {
  test('answers the capacity, with the server-wide headers', async () => {
    const response = await get('/api/capacity');
    assert.deepEqual(await json(response, 200), cap('untiered', 50, 1));
    assert.equal(response.headers.get('content-security-policy'), HEADERS['Content-Security-Policy']);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  test('answers a contact view for every holder of the domain, 200 for a contact with no registration', async () => {
    const capacity = cap('untiered', 50, 1);
    assert.deepEqual(await json(await contactView('c-new', 'https://www.Globex.com/about'), 200), {
      contactId: 'c-new',
      registration: null,
      lapsed: null,
      domain: { name: 'globex.com', heldBy: 'nobody' },
      capacity,
    });
    assert.deepEqual(await json(await contactView('c-acme', 'acme.com'), 200), {
      contactId: 'c-acme',
      registration: HELD,
      lapsed: null,
      domain: { name: 'acme.com', heldBy: 'this-contact' },
      capacity,
    });
    assert.deepEqual(await json(await contactView('c-new', 'http://acme.com'), 200), {
      contactId: 'c-new',
      registration: null,
      lapsed: null,
      domain: { name: 'acme.com', heldBy: 'other-contact', registration: HELD },
      capacity,
    });
    assert.deepEqual((await json(await contactView('c-new', 'rival.com'), 200)).domain, {
      name: 'rival.com',
      heldBy: 'other-partner',
    });
  });

  test('answers a missing or invalid website with no domain, not an error', async () => {
    for (const website of [undefined, '', 'ftp://acme.com', 'intranet']) {
      const view = await json(await contactView('c-acme', website), 200);
      assert.deepEqual([view.registration, view.domain], [HELD, null], `website ${JSON.stringify(website)}`);
    }
  });

  test('takes any contact id as a query parameter, `.` and `..` included', async () => {
    for (const contactId of ['.', '..', 'crm/42?tab=1#notes %x', ' spaced ']) {
      const registered = await json(
        await post('/api/registrations', { contactId, website: `${crypto.randomUUID()}.com` }),
        201,
      );
      const view = await json(await contactView(contactId), 200);
      assert.equal(view.contactId, contactId);
      assert.deepEqual(view.registration, registered.registration);
    }
  });

  test('answers a contact view without a contact id with a validation problem', async () => {
    await problem(await get('/api/contact-view'), 400, 'validation');
    await problem(await get('/api/contact-view?contactId=%20&website=acme.com'), 400, 'validation');
  });

  test('registers: 201 with the registration and the capacity that counts it', async () => {
    const result = await json(
      await post('/api/registrations', { contactId: 'c-2', website: 'https://www.Globex.com/' }),
      201,
    );
    assert.deepEqual(Object.keys(result), ['registration', 'capacity']);
    assert.deepEqual(result.capacity, cap('untiered', 50, 2));
    assert.equal(result.registration.domain, 'globex.com');
    assert.deepEqual(server.api.ledger.byContact('c-2'), result.registration);
  });

  test('replays a repeated Idempotency-Key and refuses it with another body', async () => {
    const first = await post('/api/registrations', { contactId: 'c-2', website: 'globex.com' }, 'key-1');
    const again = await post('/api/registrations', { contactId: 'c-2', website: 'globex.com' }, 'key-1');
    assert.equal(again.status, 201);
    assert.equal(await again.text(), await first.text());
    await problem(
      await post('/api/registrations', { contactId: 'c-3', website: 'initech.com' }, 'key-1'),
      400,
      'validation',
    );
    assert.equal(server.api.ledger.size, 2);
  });

  test('refuses a body that is null, not an object or not JSON, and a mutation without a key', async () => {
    for (const body of ['null', '42', '"text"', '[]', '{"contactId": ', '']) {
      await problem(await post('/api/registrations', body), 400, 'validation');
      await problem(await post('/api/registrations/deregister', body), 400, 'validation');
    }
    await problem(
      await post('/api/registrations', { contactId: 'c-2', website: 'globex.com' }, null),
      400,
      'validation',
    );
    assert.equal(server.api.ledger.size, 1);
  });

  test('reads a body sent in chunks', async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(encoder.encode('{"contactId": "c-2", '));
        controller.enqueue(encoder.encode('"website": "globex.com"}'));
        controller.close();
      },
    });
    const response = await fetch(`${server.origin}/api/registrations`, {
      method: 'POST',
      headers: { 'Idempotency-Key': 'chunked' },
      body,
      duplex: 'half',
    });
    assert.equal((await json(response, 201)).registration.contactId, 'c-2');
  });

  test('answers the conflicts with their members, and deregisters', async () => {
    const taken = await problem(
      await post('/api/registrations', { contactId: 'c-2', website: 'acme.com' }),
      409,
      'domain-already-registered',
    );
    assert.deepEqual(taken.registration, HELD);
    await problem(
      await post('/api/registrations', { contactId: 'c-2', website: 'rival.com' }),
      409,
      'domain-unavailable',
    );
    await problem(await post('/api/registrations', { contactId: 'c-2' }), 422, 'invalid-website');
    assert.deepEqual(await json(await post('/api/registrations/deregister', { ids: ['r-1', 'gone'] }), 200), {
      removed: ['r-1'],
      missing: ['gone'],
      capacity: cap('untiered', 50, 0),
    });
  });

  test('answers an unknown route, the removed one included, with a not-found problem', async () => {
    await problem(await get('/api/contacts/c-acme/registration'), 404, 'not-found');
    await problem(await get('/api/nothing-here'), 404, 'not-found');
    await problem(await get('/api'), 404, 'not-found');
    await problem(await fetch(`${server.origin}/api/capacity`, { method: 'DELETE' }), 404, 'not-found');
  });
});

describe('pages and static files beside the API', () => {
  test('serves a page and a file, with the server-wide headers', async () => {
    const page = await get('/');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(page.headers.get('content-security-policy'), HEADERS['Content-Security-Policy']);
    const file = await get('/static/widget.js');
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(await file.text(), 'export const answer = 42;\n');
  });

  test('answers 404 for anything else, and never serves a file outside the folder', async () => {
    for (const path of [
      '/static/missing.js',
      '/static/',
      '/elsewhere',
      '/static/..%2fsecret.txt',
      '/static/%2e%2e/secret.txt',
    ]) {
      assert.equal((await get(path)).status, 404, path);
    }
    // A path that no URL parser has normalised, as a hostile client sends it.
    const status = await new Promise((resolve, reject) => {
      const { port } = new URL(server.origin);
      httpRequest({ host: '127.0.0.1', port, path: '/static/../secret.txt' }, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
        .on('error', reject)
        .end();
    });
    assert.equal(status, 404);
  });
});

describe('loadCapacityApi', () => {
  test('gives mocks/api.ts to Node: handle() answers a plain Request, after the latency asked for', async () => {
    const { createCapacityApi } = await loadCapacityApi();
    const api = createCapacityApi({ baseUrl: 'https://crm.example/partner-api/', latencyMs: 40 });
    api.reset({ tier: 'gold', seedCount: 3 });
    const started = performance.now();
    const response = await api.handle(new Request('https://crm.example/partner-api/capacity'));
    assert.ok(performance.now() - started >= 39, 'the answer waited for the latency');
    assert.deepEqual(await response.json(), cap('gold', 500, 3));
    const elsewhere = await api.handle(new Request('https://other.example/partner-api/capacity'));
    assert.equal(elsewhere.status, 404);
  });
});
