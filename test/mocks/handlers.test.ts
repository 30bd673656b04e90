import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import * as fetchApi from '../../mocks/api.js';
import { api, createCapacityApi, startMockApi, worker } from '../../mocks/browser.js';
import { generateRegistrations } from '../../mocks/seed.js';
import type { ContactView, RegisterResult } from '../../src/core/types.js';
import { capacity } from '../helpers/registrations.js';

before(() => startMockApi());
beforeEach(() => api.reset());
afterEach(() => worker.resetHandlers());

function post(path: string, body: unknown, key: string | null = crypto.randomUUID()): Promise<Response> {
  const headers = new Headers({ 'Content-Type': 'application/json' });
  if (key !== null) headers.set('Idempotency-Key', key);
  return fetch(`/api/${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function expectProblem(response: Response, status: number, code: string): Promise<Record<string, unknown>> {
  expect(response.status).to.equal(status);
  expect(response.headers.get('Content-Type')).to.equal('application/problem+json');
  const problem = (await response.json()) as Record<string, unknown>;
  expect(problem).to.include({ status, code });
  expect(problem['type']).to.be.a('string');
  expect(problem['title']).to.be.a('string');
  expect(problem['detail']).to.be.a('string');
  return problem;
}

function contactView(contactId: string, website?: string): Promise<Response> {
  const params = new URLSearchParams({ contactId });
  if (website !== undefined) params.set('website', website);
  return fetch(`/api/contact-view?${params}`);
}

async function expectJson<T>(response: Response, status: number): Promise<T> {
  expect(response.status).to.equal(status);
  expect(response.headers.get('Content-Type')).to.equal('application/json');
  return (await response.json()) as T;
}

describe('mock capacity API', () => {
  it('answers a contact with no registration with 200 and no registration, never 404', async () => {
    expect(await expectJson<ContactView>(await contactView('nobody', 'https://www.Acme.com/about'), 200)).to.deep.equal(
      {
        contactId: 'nobody',
        registration: null,
        lapsed: null,
        domain: { name: 'acme.com', heldBy: 'nobody' },
        capacity: capacity('untiered', 50, 0),
      },
    );
  });

  it('says who holds the website’s domain in a contact view', async () => {
    const [own, other] = generateRegistrations(2, 3);
    api.reset({ registrations: [own, other], unavailableDomains: ['https://rival.com/pricing'] });
    const domainOf = async (contactId: string, website: string): Promise<ContactView['domain']> =>
      (await expectJson<ContactView>(await contactView(contactId, website), 200)).domain;
    expect(await domainOf(own.contactId, own.domain)).to.deep.equal({ name: own.domain, heldBy: 'this-contact' });
    expect(await domainOf('c-new', `https://www.${other.domain}/`)).to.deep.equal({
      name: other.domain,
      heldBy: 'other-contact',
      registration: other,
    });
    expect(await domainOf('c-new', 'rival.com')).to.deep.equal({ name: 'rival.com', heldBy: 'other-partner' });
    // The registration stays on its domain when the website changed.
    const moved = await expectJson<ContactView>(await contactView(own.contactId, 'moved-on.com'), 200);
    expect(moved.registration).to.deep.equal(own);
    expect(moved.domain).to.deep.equal({ name: 'moved-on.com', heldBy: 'nobody' });
  });

  it('answers a missing or invalid website with no domain, not an error', async () => {
    for (const website of [undefined, '', '   ', 'ftp://acme.com', 'http://10.0.0.1', 'intranet']) {
      const view = await expectJson<ContactView>(await contactView('c1', website), 200);
      expect(view.domain, String(website)).to.equal(null);
    }
  });

  it('takes any contact id in a contact view, `.`, `..` and slashes included', async () => {
    for (const contactId of ['.', '..', 'crm/42?tab=1#notes %x']) {
      const registered = await expectJson<RegisterResult>(
        await post('registrations', { contactId, website: `${crypto.randomUUID()}.com` }),
        201,
      );
      const view = await expectJson<ContactView>(await contactView(contactId), 200);
      expect(view.contactId).to.equal(contactId);
      expect(view.registration).to.deep.equal(registered.registration);
    }
  });

  it('answers a contact view without a contact id with a validation problem', async () => {
    await expectProblem(await fetch('/api/contact-view'), 400, 'validation');
    await expectProblem(await contactView('  '), 400, 'validation');
  });

  it('answers a registration with the registration and the capacity that counts it', async () => {
    const result = await expectJson<RegisterResult>(
      await post('registrations', { contactId: 'c1', website: 'https://www.acme.com/' }),
      201,
    );
    expect(Object.keys(result)).to.deep.equal(['registration', 'capacity']);
    expect(result.registration).to.deep.equal(api.ledger.byContact('c1'));
    expect(result.registration.domain).to.equal('acme.com');
    expect(result.capacity).to.deep.equal(capacity('untiered', 50, 1));
  });

  it('answers an unknown route, the removed contact path included, with a not-found problem', async () => {
    await expectProblem(await fetch('/api/contacts/nobody/registration'), 404, 'not-found');
    await expectProblem(await fetch('/api/registration'), 404, 'not-found');
    await expectProblem(await fetch('/api/capacity', { method: 'DELETE' }), 404, 'not-found');
    await expectProblem(await post('capacity', {}), 404, 'not-found');
  });

  it('answers an invalid query with a validation problem', async () => {
    await expectProblem(await fetch('/api/registrations?pageSize=7'), 400, 'validation');
    await expectProblem(await fetch('/api/registrations?page=two'), 400, 'validation');
  });

  it('carries capacity and registration members in conflicts', async () => {
    const full = generateRegistrations(50, 2);
    api.reset({ registrations: full });
    const exceeded = await expectProblem(
      await post('registrations', { contactId: 'c-new', website: 'new.com' }),
      409,
      'capacity-exceeded',
    );
    expect(exceeded['capacity']).to.deep.equal(capacity('untiered', 50, 50));
    const taken = await expectProblem(
      await post('registrations', { contactId: full[3].contactId, website: 'x.com' }),
      409,
      'contact-already-registered',
    );
    expect(taken['registration']).to.deep.equal(full[3]);
    await expectProblem(
      await post('registrations', { contactId: 'c-new', website: 'ftp://x.com' }),
      422,
      'invalid-website',
    );
  });

  it('requires an Idempotency-Key on mutations', async () => {
    await expectProblem(await post('registrations', { contactId: 'c1', website: 'acme.com' }, null), 400, 'validation');
    await expectProblem(await post('registrations/deregister', { ids: ['x'] }, null), 400, 'validation');
    expect(api.ledger.size).to.equal(0);
  });

  it('rejects bodies that are not a JSON object', async () => {
    for (const body of ['{"contactId": ', 'null', '42', '"acme.com"', '[1, 2]', '']) {
      await expectProblem(await post('registrations', body), 400, 'validation');
      await expectProblem(await post('registrations/deregister', body), 400, 'validation');
    }
    await expectProblem(await post('registrations/deregister', { ids: 'reg-1' }), 400, 'validation');
    expect(api.ledger.size).to.equal(0);
  });

  it('answers a repeated Idempotency-Key with the first answer, applying the mutation once', async () => {
    const input = { contactId: 'c1', website: 'acme.com' };
    const first = await post('registrations', input, 'key-1');
    const second = await post('registrations', input, 'key-1');
    expect(first.status).to.equal(201);
    expect(second.status).to.equal(201);
    expect(await second.json()).to.deep.equal(await first.json());
    expect(api.ledger.size).to.equal(1);

    const id = api.ledger.byContact('c1')!.id;
    const removed: unknown = await (await post('registrations/deregister', { ids: [id] }, 'key-2')).json();
    const replayed: unknown = await (await post('registrations/deregister', { ids: [id] }, 'key-2')).json();
    expect(replayed).to.deep.equal(removed);
    expect(replayed).to.deep.include({ removed: [id], missing: [] });
  });

  it('keeps keys apart per endpoint and refuses a key reused for another request', async () => {
    await post('registrations', { contactId: 'c1', website: 'acme.com' }, 'key-1');
    await expectProblem(
      await post('registrations', { contactId: 'c2', website: 'globex.com' }, 'key-1'),
      400,
      'validation',
    );
    const deregistered = await post('registrations/deregister', { ids: ['nope'] }, 'key-1');
    expect(deregistered.status).to.equal(200);
    expect(api.ledger.size).to.equal(1);
  });

  it('does not store failures: the same key may succeed once the cause is gone', async () => {
    api.reset({ registrations: generateRegistrations(50, 2) });
    await expectProblem(
      await post('registrations', { contactId: 'c-new', website: 'new.com' }, 'key-1'),
      409,
      'capacity-exceeded',
    );
    await post('registrations/deregister', { ids: [[...api.ledger.all()][0].id] });
    expect((await post('registrations', { contactId: 'c-new', website: 'new.com' }, 'key-1')).status).to.equal(201);
  });

  it('resets to generated data, a tier and limits', async () => {
    api.reset({ seedCount: 30, seed: 5, tier: 'diamond' });
    expect(await (await fetch('/api/capacity')).json()).to.deep.equal(capacity('diamond', 1000, 30));
    expect([...api.ledger.all()].map(({ id }) => id)).to.deep.equal(generateRegistrations(30, 5).map(({ id }) => id));

    api.reset({ tier: 'gold', limits: { gold: 2 } });
    expect(await (await fetch('/api/capacity')).json()).to.deep.equal(capacity('gold', 2, 0));
  });

  it('lets a handler put in front with worker.use answer instead', async () => {
    worker.use(http.get('/api/capacity', () => HttpResponse.json(capacity('gold', 2, 2))));
    expect(await (await fetch('/api/capacity')).json()).to.deep.equal(capacity('gold', 2, 2));
    worker.resetHandlers();
    expect(await (await fetch('/api/capacity')).json()).to.deep.equal(capacity('untiered', 50, 0));
  });

  it('answers a plain Request with no MSW (mocks/api.ts), and nothing outside its base URL', async () => {
    const plain = fetchApi.createCapacityApi({ baseUrl: 'https://crm.example/partner-api' });
    plain.reset({ tier: 'silver', seedCount: 2 });
    const answer = await plain.handle(new Request('https://crm.example/partner-api/capacity'));
    expect(await answer.json()).to.deep.equal(capacity('silver', 500, 2));
    await expectProblem(
      await plain.handle(new Request('https://other.example/partner-api/capacity')),
      404,
      'not-found',
    );
  });

  it('serves another base URL', async () => {
    const other = createCapacityApi({ baseUrl: `${location.origin}/crm/partner-api/` });
    other.reset({ tier: 'platinum' });
    worker.use(...other.handlers);
    expect(other.baseUrl).to.equal(`${location.origin}/crm/partner-api`);
    expect(await (await fetch('/crm/partner-api/capacity')).json()).to.deep.equal(capacity('platinum', 500, 0));
  });
});
