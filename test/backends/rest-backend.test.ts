import { expect } from '@open-wc/testing';
import { delay, getResponse, http, HttpResponse } from 'msw';
import { api, startMockApi, worker } from '../../mocks/browser.js';
import { RestBackend, type RestBackendOptions } from '../../src/backends/rest-backend.js';
import { CapacityError, defaultMessage, type CapacityErrorCode } from '../../src/core/errors.js';
import type { Capacity, Registration } from '../../src/core/types.js';
import { nextTask } from '../helpers/wait.js';
import { describeBackendContract, rejection } from './backend-contract.js';
import { capacity as capacityOf, NOT_EXPIRING } from '../helpers/registrations.js';

before(() => startMockApi());
afterEach(() => worker.resetHandlers());

describeBackendContract('RestBackend', async ({ tier, registrations, policy }) => {
  api.reset({ tier, registrations, ...(policy && { policy }) });
  return { backend: new RestBackend({ baseUrl: '/api' }), teardown: async () => undefined };
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const REGISTRATION: Registration = {
  id: 'reg-1',
  domain: 'acme.com',
  contactId: 'contact-1',
  contactName: 'Ada Lovelace',
  company: 'Acme Inc.',
  country: 'United Kingdom',
  registeredAt: '2025-05-01T09:00:00.000Z',
  ...NOT_EXPIRING,
};
const FULL: Capacity = capacityOf('untiered', 50, 50);

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

function backend(options: Partial<RestBackendOptions> = {}): RestBackend {
  return new RestBackend({ baseUrl: '/api', ...options });
}

function problemResponse(status: number, members: Record<string, unknown>): Response {
  return HttpResponse.json(
    { type: 'about:blank', title: 'A problem', status, ...members },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** Counts the requests to `path` and answers them with `respond` (undefined: on to the mock API). */
function answer(
  method: 'get' | 'post',
  path: string,
  respond: (call: number, request: Request) => Response | undefined | Promise<Response | undefined>,
): { readonly calls: number } {
  const counter = { calls: 0 };
  worker.use(http[method](`/api/${path}`, ({ request }) => respond(++counter.calls, request)));
  return counter;
}

const REGISTER = { contactId: 'contact-1', website: 'acme.com' };
const CAPACITY = capacityOf('untiered', 50, 1);

describe('RestBackend', () => {
  beforeEach(() => api.reset());

  describe('a 0.2 server, without the lifecycle’s fields', () => {
    const { status: _status, expiresAt: _expiresAt, renewals: _renewals, ...oldRegistration } = REGISTRATION;
    const oldCapacity = { tier: 'untiered', limit: 50, used: 1 };

    it('is read with their defaults: registered, no expiry, never renewed; the no-expiry policy', async () => {
      worker.use(
        http.get('/api/capacity', () => HttpResponse.json(oldCapacity)),
        http.get('/api/contact-view', () =>
          HttpResponse.json({
            contactId: 'contact-1',
            registration: oldRegistration,
            domain: null,
            capacity: oldCapacity,
          }),
        ),
        http.get('/api/registrations', () =>
          HttpResponse.json({ items: [oldRegistration], total: 1, page: 1, pageSize: 25, capacity: oldCapacity }),
        ),
        http.post('/api/registrations', () =>
          HttpResponse.json({ registration: oldRegistration, capacity: oldCapacity }, { status: 201 }),
        ),
      );
      const rest = backend();
      expect(await rest.getCapacity()).to.deep.equal(CAPACITY);
      expect(await rest.getContactView({ contactId: 'contact-1' })).to.deep.equal({
        contactId: 'contact-1',
        registration: REGISTRATION,
        lapsed: null,
        domain: null,
        capacity: CAPACITY,
      });
      expect(await rest.listRegistrations({})).to.deep.include({ items: [REGISTRATION], capacity: CAPACITY });
      expect(await rest.register(REGISTER)).to.deep.equal({ registration: REGISTRATION, capacity: CAPACITY });
    });

    it('has no renew route: Renew fails with not-found', async () => {
      worker.use(
        http.post('/api/registrations/renew', () =>
          HttpResponse.json({ code: 'not-found', detail: 'No such route.' }, { status: 404 }),
        ),
      );
      expect((await rejection(backend().renew(['reg-1']))).code).to.equal('not-found');
    });

    it('is still refused where a field it sends is wrong', async () => {
      worker.use(http.get('/api/capacity', () => HttpResponse.json({ ...oldCapacity, expiringSoon: -1 })));
      expect((await rejection(backend().getCapacity())).code).to.equal('bad-response');
    });
  });

  describe('base URL', () => {
    const root = new URL('/api/', location.href).href;
    for (const baseUrl of ['/api', '/api/', `${location.origin}/api`, `${location.origin}/api/?tenant=1#x`]) {
      it(`resolves “${baseUrl}” to an absolute URL ending in a slash`, async () => {
        const rest = backend({ baseUrl });
        expect(rest.baseUrl).to.equal(root);
        expect(await rest.getCapacity()).to.deep.equal(capacityOf('untiered', 50, 0));
      });
    }

    for (const baseUrl of ['api', 'api/']) {
      it(`resolves the page-relative “${baseUrl}” against the document`, async () => {
        const rest = backend({ baseUrl });
        expect(rest.baseUrl).to.equal(new URL('api/', document.baseURI).href);
        if (rest.baseUrl === root) expect((await rest.getCapacity()).used).to.equal(0);
      });
    }

    it('keeps the path of a base URL below the root', () => {
      expect(backend({ baseUrl: 'https://crm.example/partners/v2' }).baseUrl).to.equal(
        'https://crm.example/partners/v2/',
      );
    });
  });

  describe('requests', () => {
    it('sends the contact id and the website as query parameters of one GET', async () => {
      const contactId = 'crm/42?tab=1#notes %x';
      await backend().register({ contactId, website: 'acme.com' });
      const urls: string[] = [];
      answer('get', 'contact-view', (_call, request) => {
        urls.push(request.url);
        return undefined;
      });
      const view = await backend().getContactView({ contactId, website: 'https://www.acme.com/?a=1&b=2' });
      expect(view.registration?.contactId).to.equal(contactId);
      expect(view.domain).to.deep.equal({ name: 'acme.com', heldBy: 'this-contact' });
      const url = new URL(urls[0]);
      expect(url.pathname).to.equal('/api/contact-view');
      expect([...url.searchParams]).to.deep.equal([
        ['contactId', contactId],
        ['website', 'https://www.acme.com/?a=1&b=2'],
      ]);
    });

    it('leaves out a website it does not have', async () => {
      const urls: string[] = [];
      answer('get', 'contact-view', (_call, request) => {
        urls.push(request.url);
        return undefined;
      });
      expect((await backend().getContactView({ contactId: '..' })).domain).to.equal(null);
      expect(new URL(urls[0]).search).to.equal('?contactId=..');
    });

    it('sends the query as URL parameters, leaving defaults out', async () => {
      api.reset({
        registrations: [{ ...REGISTRATION, company: 'R&D + Sons = 100%' }],
      });
      const urls: string[] = [];
      answer('get', 'registrations', (_call, request) => {
        urls.push(request.url);
        return undefined;
      });
      const page = await backend().listRegistrations({
        search: 'r&d + sons = 100%',
        sort: 'company',
        order: 'desc',
        page: 1,
        pageSize: 10,
      });
      expect(page.total).to.equal(1);
      await backend().listRegistrations({});
      const params = new URL(urls[0]).searchParams;
      expect(Object.fromEntries(params)).to.deep.equal({
        search: 'r&d + sons = 100%',
        sort: 'company',
        order: 'desc',
        page: '1',
        pageSize: '10',
      });
      expect(new URL(urls[1]).search).to.equal('');
    });

    it('sends JSON bodies with Accept and Content-Type', async () => {
      const seen: Request[] = [];
      worker.use(
        http.all('/api/*', ({ request }) => {
          seen.push(request.clone());
          return undefined;
        }),
      );
      const { registration } = await backend().register({ ...REGISTER, company: 'Acme' });
      await backend().getCapacity();
      await backend().deregister([registration.id]);
      const [post, get, deregister] = seen;
      expect(post.method).to.equal('POST');
      expect(post.headers.get('Content-Type')).to.equal('application/json');
      expect(post.headers.get('Accept')).to.contain('application/json');
      expect(await post.json()).to.deep.equal({ ...REGISTER, company: 'Acme' });
      expect(get.method).to.equal('GET');
      expect(get.headers.get('Accept')).to.contain('application/json');
      expect(get.headers.has('Content-Type')).to.equal(false);
      expect(new URL(deregister.url).pathname).to.equal('/api/registrations/deregister');
      expect(await deregister.json()).to.deep.equal({ ids: [registration.id] });
    });

    it('uses the fetch it is given', async () => {
      let calls = 0;
      const rest = backend({
        fetch: (input, init) => {
          calls++;
          return fetch(input, init);
        },
      });
      expect((await rest.getCapacity()).limit).to.equal(50);
      expect(calls).to.equal(1);
    });
  });

  describe('host headers', () => {
    function recordHeaders(): Headers[] {
      const seen: Headers[] = [];
      worker.use(
        http.all('/api/*', ({ request }) => {
          seen.push(request.headers);
          return undefined;
        }),
      );
      return seen;
    }

    it('sends a headers object with every request', async () => {
      const seen = recordHeaders();
      const rest = backend({ headers: { 'X-Partner': 'p-42' } });
      await rest.getCapacity();
      await rest.register(REGISTER);
      expect(seen.map((headers) => headers.get('X-Partner'))).to.deep.equal(['p-42', 'p-42']);
    });

    it('calls a headers function for every request, so that each carries a fresh token', async () => {
      const seen = recordHeaders();
      let calls = 0;
      const rest = backend({
        headers: async () => {
          calls++;
          await Promise.resolve();
          return [['Authorization', `Bearer token-${calls}`]];
        },
      });
      await rest.getCapacity();
      await rest.listRegistrations({});
      await rest.register(REGISTER);
      expect(calls).to.equal(3);
      expect(seen.map((headers) => headers.get('Authorization'))).to.deep.equal([
        'Bearer token-1',
        'Bearer token-2',
        'Bearer token-3',
      ]);
    });

    it('does not let host headers replace the JSON headers or the Idempotency-Key', async () => {
      const seen = recordHeaders();
      await backend({ headers: { 'Content-Type': 'text/plain', 'Idempotency-Key': 'fixed' } }).register(REGISTER, {
        idempotencyKey: 'action-1',
      });
      expect(seen[0].get('Content-Type')).to.equal('application/json');
      expect(seen[0].get('Idempotency-Key')).to.equal('action-1');
    });

    it('rejects with the CapacityError a headers function throws, sending nothing', async () => {
      const requests = answer('get', 'capacity', () => undefined);
      const rest = backend({
        headers: () => {
          throw new CapacityError('unauthorized');
        },
      });
      expect((await rejection(rest.getCapacity())).code).to.equal('unauthorized');
      expect(requests.calls).to.equal(0);
    });
  });

  describe('Idempotency-Key', () => {
    function recordKeys(): (string | null)[] {
      const keys: (string | null)[] = [];
      worker.use(
        http.all('/api/*', ({ request }) => {
          keys.push(request.headers.get('Idempotency-Key'));
          return undefined;
        }),
      );
      return keys;
    }

    it('sends a fresh UUID with every mutation and none with reads', async () => {
      const keys = recordKeys();
      const rest = backend();
      const { registration } = await rest.register(REGISTER);
      await rest.deregister([registration.id]);
      await rest.getCapacity();
      expect(keys[0]).to.match(UUID);
      expect(keys[1]).to.match(UUID);
      expect(keys[1]).to.not.equal(keys[0]);
      expect(keys[2]).to.equal(null);
    });

    it('sends the key of the user action when given one', async () => {
      const keys = recordKeys();
      const { registration } = await backend().register(REGISTER, { idempotencyKey: 'register-7' });
      await backend().deregister([registration.id], { idempotencyKey: 'deregister-7' });
      expect(keys).to.deep.equal(['register-7', 'deregister-7']);
    });

    it('lets a retried mutation through the same key be applied once', async () => {
      // The server registers, but the answer is lost on the way back.
      const post = answer('post', 'registrations', async (call, request) => {
        if (call > 1) return undefined;
        await getResponse([...api.handlers], request);
        return HttpResponse.error();
      });
      const rest = backend();
      expect((await rejection(rest.register(REGISTER, { idempotencyKey: 'action-9' }))).code).to.equal('network');
      expect(post.calls, 'a mutation is never retried on its own').to.equal(1);
      expect(api.ledger.size).to.equal(1);

      const { registration } = await rest.register(REGISTER, { idempotencyKey: 'action-9' });
      expect(registration).to.deep.equal(api.ledger.byContact('contact-1'));
      expect((await rest.getCapacity()).used).to.equal(1);
    });
  });

  describe('errors', () => {
    const BY_STATUS: [number, CapacityErrorCode][] = [
      [400, 'validation'],
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'not-found'],
      [409, 'server'],
      [418, 'server'],
      [422, 'invalid-website'],
      [500, 'server'],
    ];
    for (const [status, code] of BY_STATUS) {
      it(`maps a ${status} without a problem body to ${code}`, async () => {
        answer(
          'post',
          'registrations',
          () => new HttpResponse('<h1>Oops</h1>', { status, headers: { 'Content-Type': 'text/html' } }),
        );
        const error = await rejection(backend().register(REGISTER));
        expect(error).to.include({ code, status, message: defaultMessage(code) });
      });
    }

    for (const [status, code] of [
      [401, 'unauthorized'],
      [403, 'forbidden'],
    ] as const) {
      it(`rejects a read with ${code} on ${status}`, async () => {
        answer('get', 'capacity', () => problemResponse(status, { code, detail: 'Your token has expired.' }));
        const error = await rejection(backend().getCapacity());
        expect(error).to.include({ code, status, message: 'Your token has expired.' });
      });
    }

    it('takes the code and detail of a problem, whatever the status', async () => {
      answer('get', 'capacity', () => problemResponse(400, { code: 'forbidden', detail: 'Only admins may see this.' }));
      const error = await rejection(backend().getCapacity());
      expect(error).to.include({ code: 'forbidden', status: 400, message: 'Only admins may see this.' });
    });

    it('falls back to the status and the default message for an unknown code and no detail', async () => {
      answer('get', 'capacity', () => problemResponse(403, { code: 'no-such-code' }));
      const error = await rejection(backend().getCapacity());
      expect(error).to.include({ code: 'forbidden', status: 403, message: defaultMessage('forbidden') });
    });

    const CONFLICTS: [CapacityErrorCode, Record<string, unknown>, Partial<CapacityError>][] = [
      ['capacity-exceeded', { capacity: FULL }, { capacity: FULL }],
      ['domain-already-registered', { registration: REGISTRATION }, { registration: REGISTRATION }],
      ['contact-already-registered', { registration: REGISTRATION }, { registration: REGISTRATION }],
      ['domain-unavailable', {}, {}],
    ];
    for (const [code, members, expected] of CONFLICTS) {
      it(`rejects a registration with ${code} and its members`, async () => {
        answer('post', 'registrations', () => problemResponse(409, { code, detail: `Detail of ${code}.`, ...members }));
        const error = await rejection(backend().register(REGISTER));
        expect(error).to.include({ code, status: 409, message: `Detail of ${code}.` });
        expect(error.capacity).to.deep.equal(expected.capacity);
        expect(error.registration).to.deep.equal(expected.registration);
      });
    }

    it('drops problem members that have the wrong shape', async () => {
      answer('post', 'registrations', () =>
        problemResponse(409, {
          code: 'capacity-exceeded',
          capacity: { tier: 'bronze', limit: 5, used: 5 },
          registration: { id: 1 },
        }),
      );
      const error = await rejection(backend().register(REGISTER));
      expect(error.code).to.equal('capacity-exceeded');
      expect(error.capacity).to.equal(undefined);
      expect(error.registration).to.equal(undefined);
    });

    it('rejects with the mock server’s domain-unavailable when another partner holds the domain', async () => {
      api.reset({ unavailableDomains: ['https://www.rival.com'] });
      const error = await rejection(backend().register({ contactId: 'contact-1', website: 'rival.com/pricing' }));
      expect(error).to.include({ code: 'domain-unavailable', status: 409 });
      expect(error.message).to.contain('rival.com');
      expect(api.ledger.size).to.equal(0);
    });

    it('rejects with invalid-website on 422', async () => {
      answer('post', 'registrations', () =>
        problemResponse(422, { code: 'invalid-website', detail: 'That is not a website.' }),
      );
      const error = await rejection(backend().register(REGISTER));
      expect(error).to.include({ code: 'invalid-website', status: 422, message: 'That is not a website.' });
    });

    it('rejects with not-found for a bare 404: a wrong base URL, as a contact view always answers 200', async () => {
      answer('get', 'contact-view', () => new HttpResponse('Not Found', { status: 404 }));
      const error = await rejection(backend().getContactView({ contactId: 'contact-1' }));
      expect(error).to.include({ code: 'not-found', status: 404 });
    });

    it('rejects with not-found when the capacity is not found', async () => {
      const error = await rejection(backend({ baseUrl: '/no-api-here' }).getCapacity());
      expect(error).to.include({ code: 'not-found', status: 404 });
    });

    const MALFORMED: [string, 'get' | 'post', string, () => Promise<unknown>, Response][] = [
      [
        'unparseable JSON',
        'get',
        'capacity',
        () => backend().getCapacity(),
        new HttpResponse('{"tier": "gold", ', { headers: { 'Content-Type': 'application/json' } }),
      ],
      ['an empty body', 'get', 'capacity', () => backend().getCapacity(), new HttpResponse(null, { status: 200 })],
      [
        'HTML',
        'get',
        'capacity',
        () => backend().getCapacity(),
        new HttpResponse('<!doctype html><title>Login</title>', { headers: { 'Content-Type': 'text/html' } }),
      ],
      [
        'a capacity of an unknown tier',
        'get',
        'capacity',
        () => backend().getCapacity(),
        HttpResponse.json({ tier: 'bronze', limit: 50, used: 1 }),
      ],
      [
        'a contact view whose registration has no domain',
        'get',
        'contact-view',
        () => backend().getContactView({ contactId: 'contact-1' }),
        HttpResponse.json({
          contactId: 'contact-1',
          registration: { ...REGISTRATION, domain: undefined },
          lapsed: null,
          domain: null,
          capacity: CAPACITY,
        }),
      ],
      [
        'a contact view held by another contact without that registration',
        'get',
        'contact-view',
        () => backend().getContactView({ contactId: 'contact-1', website: 'acme.com' }),
        HttpResponse.json({
          contactId: 'contact-1',
          registration: null,
          lapsed: null,
          domain: { name: 'acme.com', heldBy: 'other-contact' },
          capacity: CAPACITY,
        }),
      ],
      [
        'a contact view of an unknown holder',
        'get',
        'contact-view',
        () => backend().getContactView({ contactId: 'contact-1', website: 'acme.com' }),
        HttpResponse.json({
          contactId: 'contact-1',
          registration: null,
          lapsed: null,
          domain: { name: 'acme.com', heldBy: 'someone' },
          capacity: CAPACITY,
        }),
      ],
      [
        'a registration answered without its capacity',
        'post',
        'registrations',
        () => backend().register(REGISTER),
        HttpResponse.json({ registration: REGISTRATION }, { status: 201 }),
      ],
      [
        'a page with a malformed item',
        'get',
        'registrations',
        () => backend().listRegistrations({}),
        HttpResponse.json({ items: [{ id: 'x' }], total: 1, page: 1, pageSize: 25, capacity: FULL }),
      ],
      [
        'a page without capacity',
        'get',
        'registrations',
        () => backend().listRegistrations({}),
        HttpResponse.json({ items: [], total: 0, page: 1, pageSize: 25 }),
      ],
      [
        'a page with a text total',
        'get',
        'registrations',
        () => backend().listRegistrations({}),
        HttpResponse.json({ items: [], total: '0', page: 1, pageSize: 25, capacity: FULL }),
      ],
      [
        'an array for a registration',
        'post',
        'registrations',
        () => backend().register(REGISTER),
        HttpResponse.json([REGISTRATION], { status: 201 }),
      ],
      [
        'a deregistration result without ids',
        'post',
        'registrations/deregister',
        () => backend().deregister(['reg-1']),
        HttpResponse.json({ removed: 'reg-1', missing: [], capacity: FULL }),
      ],
    ];
    for (const [what, method, path, call, response] of MALFORMED) {
      it(`rejects with bad-response on ${what}`, async () => {
        answer(method, path, () => response.clone());
        const error = await rejection(call());
        expect(error.code).to.equal('bad-response');
      });
    }
  });

  describe('retries', () => {
    for (const status of [502, 503, 504]) {
      it(`reads once more after a ${status} and resolves with the second answer`, async () => {
        let tokens = 0;
        const requests = answer('get', 'capacity', (call) =>
          call === 1 ? new HttpResponse(null, { status }) : undefined,
        );
        const capacity = await backend({ headers: () => ({ Authorization: `Bearer ${++tokens}` }) }).getCapacity();
        expect(capacity).to.deep.equal(capacityOf('untiered', 50, 0));
        expect(requests.calls).to.equal(2);
        expect(tokens, 'the retry asks for a fresh token').to.equal(2);
      });
    }

    it('waits before it reads again (backoff), so that a service coming back is not hit at once', async () => {
      const sentAt: number[] = [];
      const rest = backend({
        fetch: () => {
          sentAt.push(performance.now());
          return Promise.resolve(
            sentAt.length === 1
              ? new Response(null, { status: 503 })
              : Response.json({ tier: 'untiered', limit: 50, used: 0 }),
          );
        },
      });
      expect((await rest.getCapacity()).used).to.equal(0);
      expect(sentAt).to.have.length(2);
      expect(sentAt[1] - sentAt[0], 'milliseconds between the two tries').to.be.at.least(250);
    });

    it('reads only once more: a second 503 rejects with server', async () => {
      const requests = answer('get', 'registrations', () =>
        problemResponse(503, { code: 'server', detail: 'Down for maintenance.' }),
      );
      const error = await rejection(backend().listRegistrations({}));
      expect(error).to.include({ code: 'server', status: 503, message: 'Down for maintenance.' });
      expect(requests.calls).to.equal(2);
    });

    it('does not retry a 500', async () => {
      const requests = answer('get', 'capacity', () => new HttpResponse(null, { status: 500 }));
      expect(await rejection(backend().getCapacity())).to.include({ code: 'server', status: 500 });
      expect(requests.calls).to.equal(1);
    });

    it('reads once more after a network error', async () => {
      const requests = answer('get', 'contact-view', (call) => (call === 1 ? HttpResponse.error() : undefined));
      expect((await backend().getContactView({ contactId: 'contact-1' })).registration).to.equal(null);
      expect(requests.calls).to.equal(2);
    });

    it('rejects with network after two network errors', async () => {
      const requests = answer('get', 'capacity', () => HttpResponse.error());
      const error = await rejection(backend().getCapacity());
      expect(error.code).to.equal('network');
      expect(error.status).to.equal(undefined);
      expect(requests.calls).to.equal(2);
    });

    it('rejects with network when fetch throws', async () => {
      const error = await rejection(
        backend({
          fetch: () => Promise.reject(new TypeError('Failed to fetch')),
        }).getCapacity(),
      );
      expect(error.code).to.equal('network');
      expect(error.cause).to.be.instanceOf(TypeError);
    });

    it('never retries a mutation on its own', async () => {
      const register = answer('post', 'registrations', () => new HttpResponse(null, { status: 503 }));
      const deregister = answer('post', 'registrations/deregister', () => HttpResponse.error());
      expect(await rejection(backend().register(REGISTER))).to.include({ code: 'server', status: 503 });
      expect((await rejection(backend().deregister(['reg-1']))).code).to.equal('network');
      expect(register.calls).to.equal(1);
      expect(deregister.calls).to.equal(1);
    });

    it('stops waiting to retry when the caller aborts', async () => {
      let calls = 0;
      // A reply whose body is read at once: from the call to the pause before the retry, only promises run.
      const reply = { ok: false, status: 503, text: () => Promise.resolve('') } as Response;
      const rest = backend({
        fetch: () => {
          calls++;
          return Promise.resolve(reply);
        },
      });
      const controller = new AbortController();
      const call = rejection(rest.getCapacity({ signal: controller.signal }));
      await nextTask(); // the reply has been read and the pause has begun
      const abortedAt = performance.now();
      controller.abort();
      expect((await call).code).to.equal('aborted');
      expect(performance.now() - abortedAt, 'the 300 ms pause ends at once').to.be.below(150);
      expect(calls).to.equal(1);
    });
  });

  describe('timeout and abort', () => {
    it('rejects with timeout when the server does not answer in time, without retrying', async () => {
      const requests = answer('get', 'capacity', async () => {
        await delay('infinite');
        return undefined;
      });
      const error = await rejection(backend({ timeoutMs: 50 }).getCapacity());
      expect(error.code).to.equal('timeout');
      expect(requests.calls).to.equal(1);
    });

    it('rejects a mutation with timeout, with the caller’s signal still unaborted', async () => {
      answer('post', 'registrations', async () => {
        await delay('infinite');
        return undefined;
      });
      const controller = new AbortController();
      const error = await rejection(backend({ timeoutMs: 50 }).register(REGISTER, { signal: controller.signal }));
      expect(error.code).to.equal('timeout');
      expect(controller.signal.aborted).to.equal(false);
    });

    it('answers in time within the timeout', async () => {
      answer('get', 'capacity', async () => {
        await delay(20);
        return undefined;
      });
      expect((await backend({ timeoutMs: 2000 }).getCapacity()).used).to.equal(0);
    });

    it('rejects with aborted when the caller aborts mid-request', async () => {
      const received = deferred();
      answer('get', 'registrations', async () => {
        received.resolve();
        await delay('infinite');
        return undefined;
      });
      const controller = new AbortController();
      const call = rejection(backend().listRegistrations({}, { signal: controller.signal }));
      await received.promise;
      controller.abort();
      const error = await call;
      expect(error.code).to.equal('aborted');
      expect(error.message).to.equal(defaultMessage('aborted'));
    });

    it('rejects with aborted, sending nothing, when the signal has aborted already', async () => {
      let headerCalls = 0;
      // Counted where a request would start, not where the mock API would receive it later.
      let fetchCalls = 0;
      const rest = backend({
        headers: () => ({ 'X-Call': String(++headerCalls) }),
        fetch: (input, init) => {
          fetchCalls++;
          return fetch(input, init);
        },
      });
      expect((await rejection(rest.register(REGISTER, { signal: AbortSignal.abort() }))).code).to.equal('aborted');
      expect(fetchCalls).to.equal(0);
      expect(headerCalls).to.equal(0);
    });
  });

  describe('subscribe', () => {
    it('asks for a refetch when the window regains focus or the page becomes visible, once per moment', () => {
      const rest = backend();
      let changes = 0;
      const unsubscribe = rest.subscribe(() => changes++);
      window.dispatchEvent(new Event('focus'));
      expect(changes).to.equal(1);
      // A tab switch fires both: one refetch is enough.
      document.dispatchEvent(new Event('visibilitychange'));
      expect(changes).to.equal(1);
      unsubscribe();

      let other = 0;
      const unsubscribeOther = rest.subscribe(() => other++);
      document.dispatchEvent(new Event('visibilitychange'));
      expect(other).to.equal(1);
      unsubscribeOther();
      window.dispatchEvent(new Event('focus'));
      expect(changes).to.equal(1);
      expect(other).to.equal(1);
    });

    it('does not ask while the page is hidden', () => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      try {
        let changes = 0;
        const unsubscribe = backend().subscribe(() => changes++);
        document.dispatchEvent(new Event('visibilitychange'));
        expect(changes).to.equal(0);
        unsubscribe();
      } finally {
        delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
      }
      expect(document.visibilityState).to.equal('visible');
    });
  });
});
