import { expect } from '@open-wc/testing';
import { http } from 'msw';
import { api, problem, startMockApi, worker } from '../../mocks/browser.js';
import { generateRegistrations } from '../../mocks/seed.js';
import { CapacityError, isCapacityErrorCode, STATUS_BY_CODE, type CapacityErrorCode } from '../../src/core/errors.js';
import { MAX_DEREGISTER_IDS } from '../../src/core/ledger.js';
import { DEFAULT_PAGE_SIZE, DEFAULT_SORT, PAGE_SIZES, SORT_KEYS } from '../../src/core/query.js';
import { TIER_LIMITS } from '../../src/core/tiers.js';
import type { Registration } from '../../src/core/types.js';
import { resolvePointer, validate, type Schema, type SchemaError, type SchemaObject } from '../helpers/json-schema.js';
import { capacity as capacityOf } from '../helpers/registrations.js';

// The mock API (mocks/api.ts, served by MSW) against docs/openapi.json: every operation, with real
// requests through the worker, for its successes and every failure it documents; and the other way
// round, every status the mock answers is documented.

// --- The document, as far as these tests read it ------------------------------------------------------

interface Reference {
  $ref: string;
}
interface MediaType {
  schema: Schema;
  example?: unknown;
  examples?: Record<string, { value: unknown } | Reference>;
}
interface Parameter {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required?: boolean;
  schema: Schema;
  example?: unknown;
}
interface ResponseObject {
  description: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId: string;
  parameters?: (Parameter | Reference)[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject | Reference>;
}
interface OpenApi {
  openapi: string;
  servers: { url: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: {
    securitySchemes: Record<string, { type: string }>;
    schemas: Record<string, SchemaObject>;
    parameters: Record<string, Parameter>;
    responses: Record<string, ResponseObject>;
  };
}

type Method = 'get' | 'post';
/** `GET /capacity`, `POST /registrations`, … as in the document. */
type OperationKey = `${Uppercase<Method>} /${string}`;

let spec: OpenApi;

function deref<T extends object>(node: T | Reference): T {
  return '$ref' in node ? (resolvePointer(spec, node.$ref) as T) : node;
}

function operationOf(key: OperationKey): Operation {
  const [method, path] = key.split(' ') as [Uppercase<Method>, string];
  const operation = spec.paths[path]?.[method.toLowerCase() as Method];
  if (!operation) throw new Error(`${key} is not in the document`);
  return operation;
}

function parametersOf(key: OperationKey): Parameter[] {
  return (operationOf(key).parameters ?? []).map((parameter) => deref(parameter));
}

function operationKeys(): OperationKey[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}` as OperationKey),
  );
}

/** The response key (`"201"`, `"5XX"`) the document answers `status` under, if any. */
function responseKey(operation: Operation, status: number): string | undefined {
  return [String(status), `${Math.floor(status / 100)}XX`, 'default'].find((key) =>
    Object.hasOwn(operation.responses, key),
  );
}

// The key of `content` that describes `contentType`: the exact type, else its range (`text/*`),
// else any (`*/*`), as OpenAPI ranks them.
function mediaKey(content: Record<string, MediaType>, contentType: string): string | undefined {
  return [contentType, `${contentType.split('/')[0]}/*`, '*/*'].find((key) => Object.hasOwn(content, key));
}

function schemaErrors(value: unknown, schema: Schema): string {
  return validate(value, schema, spec)
    .map((error: SchemaError) => `${error.path || '(body)'}: ${error.message}`)
    .join('\n');
}

/** The schema's own `type`, following `$ref`s (for reading URL parameters, which are all text). */
function typeOf(schema: Schema): unknown {
  if (typeof schema === 'boolean') return undefined;
  if (schema.type !== undefined) return schema.type;
  return schema.$ref === undefined ? undefined : typeOf(resolvePointer(spec, schema.$ref) as Schema);
}

/** How `url`'s query breaks the operation's documented query parameters (empty values mean absent, as documented). */
function queryErrors(key: OperationKey, url: URL): string[] {
  const documented = parametersOf(key).filter((parameter) => parameter.in === 'query');
  const errors = documented
    .filter((parameter) => parameter.required && !url.searchParams.get(parameter.name))
    .map((parameter) => `${parameter.name}: required`);
  for (const [name, raw] of url.searchParams) {
    const parameter = documented.find((candidate) => candidate.name === name);
    if (!parameter || raw === '') continue; // unknown parameters are ignored, empty ones are defaults
    const value = typeOf(parameter.schema) === 'integer' && /^\d+$/.test(raw) ? Number(raw) : raw;
    const found = schemaErrors(value, parameter.schema);
    if (found) errors.push(`${name}: ${found}`);
  }
  return errors;
}

// --- The cases ---------------------------------------------------------------------------------------

interface Case {
  /** What the case shows. */
  name: string;
  op: OperationKey;
  /** The status the mock answers with. */
  status: number;
  /** The concrete path when the operation's has a parameter. */
  path?: string;
  /** The query string, with its `?`. */
  query?: string;
  /** A POST's body: serialised as JSON unless it is a string already. */
  body?: unknown;
  /** A POST's Idempotency-Key: a fresh UUID by default, none when null. */
  key?: string | null;
  /** Brings the data into the state the case needs. */
  setup?: () => unknown;
  /** Checks what the document promises beyond the schema. */
  expectBody?: (body: unknown) => void;
  /**
   * Answered in front of the mock the way a host's server answers: the mock has no authentication
   * and never fails by itself, so its 401, 403 and 5XX are served this way. A code: the problem the
   * mock's `problem()` makes of it; `bare`: no problem, as a gateway answers (an HTML page for a 5XX,
   * no body at all otherwise).
   */
  host?: CapacityErrorCode | 'bare';
}

const KEY = 'b7c1b0a4-7c59-4f0e-9a0e-3d0f4b5b7c11';
const SEED = generateRegistrations(60, 11);
const FIRST = SEED[0];
const FULL = generateRegistrations(50, 12);

function seeded(): void {
  api.reset({ registrations: SEED.map((registration) => ({ ...registration })) });
}

const DAY_MS = 86_400_000;
const POLICY = { termDays: 90, renewalWindowDays: 30, maxRenewals: 1, review: false };
const inDays = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();
/** Under POLICY: one renewable now, one not yet, one at its limit, one pending, one that does not expire. */
const LIFECYCLE = [
  { ...SEED[0], expiresAt: inDays(10) },
  { ...SEED[1], expiresAt: inDays(60) },
  { ...SEED[2], expiresAt: inDays(5), renewals: 1 },
  { ...SEED[3], expiresAt: inDays(20), status: 'pending' as const },
  { ...SEED[4] },
];

function underPolicy(): void {
  api.reset({ registrations: LIFECYCLE.map((registration) => ({ ...registration })), policy: POLICY });
}

function post(path: string, body: unknown, key: string | null = crypto.randomUUID()): Promise<Response> {
  const headers = new Headers({
    'Content-Type': 'application/json',
    Accept: 'application/json, application/problem+json',
  });
  if (key !== null) headers.set('Idempotency-Key', key);
  return fetch(`${spec.servers[0].url}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const record = (body: unknown): Record<string, unknown> => body as Record<string, unknown>;

/** The failures every operation documents and only a host answers, with and without a problem body. */
function hostCases(op: OperationKey, request: Partial<Case> = {}): Case[] {
  return [
    { name: 'an expired session', op, status: 401, host: 'unauthorized', ...request },
    { name: 'an expired session, a bare 401', op, status: 401, host: 'bare', ...request },
    { name: 'a user without the right', op, status: 403, host: 'forbidden', ...request },
    { name: 'a user without the right, a bare 403', op, status: 403, host: 'bare', ...request },
    { name: 'a server failure', op, status: 500, host: 'server', ...request },
    { name: 'a gateway’s HTML page', op, status: 502, host: 'bare', ...request },
  ];
}

function contactViewQuery(contactId: string | null, website?: string): string {
  const params = new URLSearchParams();
  if (contactId !== null) params.set('contactId', contactId);
  if (website !== undefined) params.set('website', website);
  return `?${params}`;
}

const CAPACITY_60 = capacityOf('untiered', 50, 60);

const CASES: Case[] = [
  // GET /capacity
  {
    name: 'an empty partner',
    op: 'GET /capacity',
    status: 200,
    expectBody: (body) => {
      expect(body).to.deep.equal(capacityOf('untiered', 50, 0));
    },
  },
  {
    name: 'a full diamond partner',
    op: 'GET /capacity',
    status: 200,
    setup: () => api.reset({ tier: 'diamond', seedCount: 1000 }),
    expectBody: (body) => {
      expect(body).to.deep.equal(capacityOf('diamond', 1000, 1000));
    },
  },
  ...hostCases('GET /capacity'),

  // GET /registrations
  {
    name: 'the defaults',
    op: 'GET /registrations',
    status: 200,
    setup: seeded,
    expectBody: (body) => {
      const page = record(body);
      expect(page).to.include({ total: 60, page: 1, pageSize: DEFAULT_PAGE_SIZE });
      expect((page['items'] as unknown[]).length).to.equal(DEFAULT_PAGE_SIZE);
      expect(page['capacity']).to.deep.equal(capacityOf('untiered', 50, 60));
    },
  },
  ...SORT_KEYS.flatMap((sort) =>
    (['asc', 'desc'] as const).map((order): Case => ({
      name: `sorted by ${sort} ${order}`,
      op: 'GET /registrations',
      status: 200,
      setup: seeded,
      query: `?sort=${sort}&order=${order}`,
    })),
  ),
  ...PAGE_SIZES.map((pageSize): Case => ({
    name: `${pageSize} a page`,
    op: 'GET /registrations',
    status: 200,
    setup: seeded,
    query: `?pageSize=${pageSize}&page=1`,
    expectBody: (body) => {
      expect((record(body)['items'] as unknown[]).length).to.equal(Math.min(pageSize, 60));
    },
  })),
  {
    name: 'a search ignoring case and diacritics',
    op: 'GET /registrations',
    status: 200,
    setup: () => api.reset({ registrations: [{ ...FIRST, company: 'Émile Müller GmbH' }, ...SEED.slice(1)] }),
    query: '?search=%20EMILE%20muller%20',
    expectBody: (body) => {
      expect((record(body)['items'] as { id: string }[]).map(({ id }) => id)).to.deep.equal([FIRST.id]);
    },
  },
  {
    name: 'a page past the end',
    op: 'GET /registrations',
    status: 200,
    setup: seeded,
    query: '?page=9&pageSize=10',
    expectBody: (body) => {
      expect(body).to.deep.include({ items: [], total: 60, page: 9, pageSize: 10 });
    },
  },
  {
    name: 'empty parameters as defaults, unknown ones ignored',
    op: 'GET /registrations',
    status: 200,
    query: '?search=&sort=&order=&page=&pageSize=&tenant=7',
    expectBody: (body) => {
      expect(body).to.deep.include({ items: [], total: 0, page: 1, pageSize: DEFAULT_PAGE_SIZE });
    },
  },
  {
    name: 'only those expiring within 30 days, by expiry',
    op: 'GET /registrations',
    status: 200,
    setup: underPolicy,
    query: '?filter=expiring&sort=expiresAt',
    expectBody: (body) => {
      const ids = (record(body)['items'] as { id: string }[]).map(({ id }) => id);
      expect(ids).to.deep.equal([SEED[2].id, SEED[0].id, SEED[3].id]);
      expect(record(body)['capacity']).to.deep.include({ used: 5, expiringSoon: 3, policy: POLICY });
    },
  },
  {
    name: 'only those pending review',
    op: 'GET /registrations',
    status: 200,
    setup: underPolicy,
    query: '?filter=pending',
    expectBody: (body) => {
      expect((record(body)['items'] as { id: string }[]).map(({ id }) => id)).to.deep.equal([SEED[3].id]);
    },
  },
  ...[
    '?filter=lapsed',
    '?filter=Pending',
    '?pageSize=7',
    '?pageSize=1000',
    '?page=0',
    '?page=two',
    '?page=1.5',
    '?page=-1',
    '?sort=website',
    '?sort=Domain',
    '?order=up',
  ].map((query): Case => ({ name: `“${query}”`, op: 'GET /registrations', status: 400, query })),
  ...hostCases('GET /registrations'),

  // GET /contact-view
  {
    name: 'a contact with no registration, its website’s domain held by nobody',
    op: 'GET /contact-view',
    status: 200,
    setup: seeded,
    query: contactViewQuery('c-new', 'https://www.Globex-Example.com/about'),
    expectBody: (body) => {
      expect(body).to.deep.equal({
        contactId: 'c-new',
        registration: null,
        lapsed: null,
        domain: { name: 'globex-example.com', heldBy: 'nobody' },
        capacity: CAPACITY_60,
      });
    },
  },
  {
    name: 'a registered contact, the domain held by this contact',
    op: 'GET /contact-view',
    status: 200,
    setup: seeded,
    query: contactViewQuery(FIRST.contactId, FIRST.domain),
    expectBody: (body) => {
      expect(body).to.deep.equal({
        contactId: FIRST.contactId,
        registration: FIRST,
        lapsed: null,
        domain: { name: FIRST.domain, heldBy: 'this-contact' },
        capacity: CAPACITY_60,
      });
    },
  },
  {
    name: 'the domain held through another contact, with that registration',
    op: 'GET /contact-view',
    status: 200,
    setup: seeded,
    query: contactViewQuery('c-new', `https://WWW.${FIRST.domain}/team`),
    expectBody: (body) => {
      expect(body).to.deep.include({
        registration: null,
        lapsed: null,
        domain: { name: FIRST.domain, heldBy: 'other-contact', registration: FIRST },
      });
    },
  },
  {
    name: 'the domain held by another partner, who is not disclosed',
    op: 'GET /contact-view',
    status: 200,
    setup: () => api.reset({ unavailableDomains: ['rival.com'] }),
    query: contactViewQuery('c-new', 'http://rival.com/pricing'),
    expectBody: (body) => {
      expect(record(body)['domain']).to.deep.equal({ name: 'rival.com', heldBy: 'other-partner' });
    },
  },
  {
    name: 'a registered contact whose website changed: the registration stays',
    op: 'GET /contact-view',
    status: 200,
    setup: seeded,
    query: contactViewQuery(FIRST.contactId, 'globex-example.com'),
    expectBody: (body) => {
      expect(body).to.deep.include({
        registration: FIRST,
        lapsed: null,
        domain: { name: 'globex-example.com', heldBy: 'nobody' },
      });
    },
  },
  ...[undefined, '', 'ftp://acme.com', 'intranet'].map((website): Case => ({
    name: website === undefined ? 'no website: no domain' : `the website ${JSON.stringify(website)}: no domain`,
    op: 'GET /contact-view',
    status: 200,
    setup: seeded,
    query: contactViewQuery(FIRST.contactId, website),
    expectBody: (body) => {
      expect(body).to.deep.include({ registration: FIRST, domain: null });
    },
  })),
  ...['.', '..', 'crm/42 ü?tab=1#notes'].map((contactId): Case => ({
    name: `the contact id ${JSON.stringify(contactId)}`,
    op: 'GET /contact-view',
    status: 200,
    setup: () => api.reset({ registrations: [{ ...FIRST, contactId }] }),
    query: contactViewQuery(contactId),
    expectBody: (body) => {
      expect(body).to.deep.include({ contactId, registration: { ...FIRST, contactId } });
    },
  })),
  ...[contactViewQuery(null, 'acme.com'), contactViewQuery(''), contactViewQuery('  ', 'acme.com')].map(
    (query): Case => ({ name: `“${query}”`, op: 'GET /contact-view', status: 400, query }),
  ),
  ...hostCases('GET /contact-view', { query: contactViewQuery('c1', 'acme.com') }),

  // POST /registrations
  {
    name: 'a contact with every field',
    op: 'POST /registrations',
    status: 201,
    body: {
      contactId: 'c1',
      website: ' https://www.Acme.com:8080/pricing?x=1 ',
      contactName: ' Ada Lovelace ',
      company: 'Acme Inc.',
      country: 'GB',
    },
    expectBody: (body) => {
      expect(record(body)['registration']).to.include({
        domain: 'acme.com',
        contactId: 'c1',
        contactName: 'Ada Lovelace',
        company: 'Acme Inc.',
        country: 'GB',
      });
      expect(record(body)['capacity'], 'the capacity counts it').to.deep.include({
        tier: 'untiered',
        limit: 50,
        used: 1,
      });
      expect(api.ledger.size).to.equal(1);
    },
  },
  {
    name: 'a contact with only the required fields, an IDN website',
    op: 'POST /registrations',
    status: 201,
    body: { contactId: 'c2', website: 'bücher.de.' },
    expectBody: (body) => {
      expect(record(body)['registration']).to.include({
        domain: 'xn--bcher-kva.de',
        contactName: '',
        company: '',
        country: '',
      });
    },
  },
  {
    name: 'a repeat with the same key, answered with the first answer and applied once',
    op: 'POST /registrations',
    status: 201,
    setup: () => post('/registrations', { contactId: 'c1', website: 'acme.com' }, KEY),
    body: { contactId: 'c1', website: 'acme.com' },
    key: KEY,
    expectBody: (body) => {
      expect(body).to.deep.equal({
        registration: api.ledger.byContact('c1'),
        capacity: capacityOf('untiered', 50, 1),
      });
      expect(api.ledger.size).to.equal(1);
    },
  },
  {
    name: 'no Idempotency-Key',
    op: 'POST /registrations',
    status: 400,
    body: { contactId: 'c1', website: 'acme.com' },
    key: null,
  },
  { name: 'a body that is not JSON', op: 'POST /registrations', status: 400, body: '{"contactId": ' },
  { name: 'a JSON array', op: 'POST /registrations', status: 400, body: [{ contactId: 'c1', website: 'acme.com' }] },
  { name: 'a JSON null', op: 'POST /registrations', status: 400, body: 'null' },
  { name: 'no contactId', op: 'POST /registrations', status: 400, body: { website: 'acme.com' } },
  { name: 'a blank contactId', op: 'POST /registrations', status: 400, body: { contactId: '  ', website: 'acme.com' } },
  {
    name: 'a company that is not text',
    op: 'POST /registrations',
    status: 400,
    body: { contactId: 'c1', website: 'acme.com', company: 42 },
  },
  {
    name: 'a key reused with another body',
    op: 'POST /registrations',
    status: 400,
    setup: () => post('/registrations', { contactId: 'c1', website: 'acme.com' }, KEY),
    body: { contactId: 'c2', website: 'globex.com' },
    key: KEY,
  },
  {
    name: 'a contact already registered',
    op: 'POST /registrations',
    status: 409,
    setup: seeded,
    body: { contactId: FIRST.contactId, website: 'not a website at all' },
    expectBody: (body) => {
      expect(body).to.deep.include({ code: 'contact-already-registered', registration: FIRST });
    },
  },
  {
    name: 'a domain registered through another contact',
    op: 'POST /registrations',
    status: 409,
    setup: seeded,
    body: { contactId: 'c-new', website: `https://WWW.${FIRST.domain}/about` },
    expectBody: (body) => {
      expect(body).to.deep.include({ code: 'domain-already-registered', registration: FIRST });
    },
  },
  {
    name: 'a domain another partner holds',
    op: 'POST /registrations',
    status: 409,
    setup: () => api.reset({ unavailableDomains: ['rival.com'] }),
    body: { contactId: 'c-new', website: 'http://rival.com/pricing' },
    expectBody: (body) => {
      expect(record(body)['code']).to.equal('domain-unavailable');
      expect(body, 'who holds it is not disclosed').to.not.have.any.keys('registration', 'capacity');
    },
  },
  {
    name: 'a full capacity',
    op: 'POST /registrations',
    status: 409,
    setup: () => api.reset({ registrations: FULL }),
    body: { contactId: 'c-new', website: 'new-prospect.com' },
    expectBody: (body) => {
      expect(body).to.deep.include({
        code: 'capacity-exceeded',
        capacity: capacityOf('untiered', TIER_LIMITS.untiered, 50),
      });
    },
  },
  ...[undefined, '', 'ftp://acme.com', 'http://10.0.0.1', 'intranet', 'localhost:8080', `${'a'.repeat(64)}.com`].map(
    (website): Case => ({
      name: website === undefined ? 'no website' : `the website ${JSON.stringify(website)}`,
      op: 'POST /registrations',
      status: 422,
      body: website === undefined ? { contactId: 'c1' } : { contactId: 'c1', website },
    }),
  ),
  ...hostCases('POST /registrations', { body: { contactId: 'c1', website: 'acme.com' } }),

  // POST /registrations/deregister
  {
    name: 'ids present and gone, one repeated',
    op: 'POST /registrations/deregister',
    status: 200,
    setup: seeded,
    body: { ids: [SEED[1].id, 'gone', SEED[2].id, SEED[1].id] },
    expectBody: (body) => {
      expect(body).to.deep.equal({
        removed: [SEED[1].id, SEED[2].id],
        missing: ['gone'],
        capacity: capacityOf('untiered', 50, 58),
      });
    },
  },
  {
    name: `${MAX_DEREGISTER_IDS} ids`,
    op: 'POST /registrations/deregister',
    status: 200,
    setup: seeded,
    body: { ids: Array.from({ length: MAX_DEREGISTER_IDS }, (_, index) => SEED[index]?.id ?? `gone-${index}`) },
    expectBody: (body) => {
      expect(record(body)['capacity']).to.deep.include({ used: 0 });
    },
  },
  {
    name: 'a repeat with the same key, answered with the first answer',
    op: 'POST /registrations/deregister',
    status: 200,
    setup: async () => {
      seeded();
      await post('/registrations/deregister', { ids: [FIRST.id] }, KEY);
    },
    body: { ids: [FIRST.id] },
    key: KEY,
    expectBody: (body) => {
      expect(body).to.deep.include({ removed: [FIRST.id], missing: [] });
    },
  },
  { name: 'no Idempotency-Key', op: 'POST /registrations/deregister', status: 400, body: { ids: ['x'] }, key: null },
  { name: 'a body that is not JSON', op: 'POST /registrations/deregister', status: 400, body: 'ids=x' },
  { name: 'no ids', op: 'POST /registrations/deregister', status: 400, body: {} },
  { name: 'ids that are not an array', op: 'POST /registrations/deregister', status: 400, body: { ids: 'x' } },
  { name: 'no id at all', op: 'POST /registrations/deregister', status: 400, body: { ids: [] } },
  {
    name: `${MAX_DEREGISTER_IDS + 1} ids`,
    op: 'POST /registrations/deregister',
    status: 400,
    setup: seeded,
    body: { ids: Array.from({ length: MAX_DEREGISTER_IDS + 1 }, (_, index) => SEED[index]?.id ?? `gone-${index}`) },
    expectBody: () => {
      expect(api.ledger.size).to.equal(60);
    },
  },
  { name: 'an empty id', op: 'POST /registrations/deregister', status: 400, body: { ids: ['x', ''] } },
  { name: 'an id that is not text', op: 'POST /registrations/deregister', status: 400, body: { ids: [7] } },
  ...hostCases('POST /registrations/deregister', { body: { ids: ['x'] } }),

  // POST /registrations/renew
  {
    name: 'one renewed, each other refused with its reason, in the order given',
    op: 'POST /registrations/renew',
    status: 200,
    setup: underPolicy,
    body: { ids: [SEED[1].id, SEED[0].id, 'gone', SEED[2].id, SEED[3].id, SEED[4].id, SEED[0].id] },
    expectBody: (body) => {
      const result = record(body);
      const renewed = result['renewed'] as Registration[];
      expect(renewed.map(({ id, renewals }) => [id, renewals])).to.deep.equal([[SEED[0].id, 1]]);
      expect(Date.parse(renewed[0].expiresAt!) - Date.parse(LIFECYCLE[0].expiresAt!)).to.equal(90 * DAY_MS);
      const refused = result['refused'] as { id: string; reason: string }[];
      expect(refused.map(({ id, reason }) => [id, reason])).to.deep.equal([
        [SEED[1].id, 'not-yet-renewable'],
        ['gone', 'not-found'],
        [SEED[2].id, 'renewal-limit'],
        [SEED[3].id, 'pending-review'],
        [SEED[4].id, 'no-expiry'],
      ]);
      expect(result['capacity']).to.deep.include({ used: 5, expiringSoon: 2 });
    },
  },
  {
    name: 'a repeat with the same key, answered with the first answer and not renewed again',
    op: 'POST /registrations/renew',
    status: 200,
    setup: async () => {
      underPolicy();
      await post('/registrations/renew', { ids: [FIRST.id] }, KEY);
    },
    body: { ids: [FIRST.id] },
    key: KEY,
    expectBody: (body) => {
      expect((record(body)['renewed'] as Registration[]).map(({ renewals }) => renewals)).to.deep.equal([1]);
      expect(api.ledger.get(FIRST.id)?.renewals).to.equal(1);
    },
  },
  {
    name: 'a policy without renewal',
    op: 'POST /registrations/renew',
    status: 200,
    setup: () =>
      api.reset({ registrations: [{ ...FIRST, expiresAt: inDays(3) }], policy: { ...POLICY, renewalWindowDays: 0 } }),
    body: { ids: [FIRST.id] },
    expectBody: (body) => {
      expect(record(body)['refused']).to.deep.equal([
        { id: FIRST.id, domain: FIRST.domain, reason: 'renewal-not-offered', message: 'Renewal is not offered.' },
      ]);
    },
  },
  { name: 'no Idempotency-Key', op: 'POST /registrations/renew', status: 400, body: { ids: ['x'] }, key: null },
  { name: 'a body that is not JSON', op: 'POST /registrations/renew', status: 400, body: 'ids=x' },
  { name: 'no ids', op: 'POST /registrations/renew', status: 400, body: {} },
  { name: 'no id at all', op: 'POST /registrations/renew', status: 400, body: { ids: [] } },
  {
    name: `${MAX_DEREGISTER_IDS + 1} ids`,
    op: 'POST /registrations/renew',
    status: 400,
    body: { ids: Array.from({ length: MAX_DEREGISTER_IDS + 1 }, (_, index) => `id-${index}`) },
  },
  { name: 'an id that is not text', op: 'POST /registrations/renew', status: 400, body: { ids: [7] } },
  ...hostCases('POST /registrations/renew', { body: { ids: ['x'] } }),
];

/** What a gateway answers: an HTML page for a 5XX, nothing at all otherwise. */
function bareAnswer(status: number): Response {
  if (status < 500) return new Response(null, { status });
  return new Response('<!doctype html><title>Bad Gateway</title><h1>Bad Gateway</h1>', {
    status,
    headers: { 'Content-Type': 'text/html' },
  });
}

/** Makes the case's request through the MSW worker. */
async function send(testCase: Case): Promise<{ url: URL; response: Response }> {
  const [method, template] = testCase.op.split(' ') as [Uppercase<Method>, string];
  const url = new URL(`${spec.servers[0].url}${testCase.path ?? template}${testCase.query ?? ''}`, location.href);
  if (testCase.host) {
    const mswPath = `${spec.servers[0].url}${template.replace(/\{(\w+)\}/g, ':$1')}`;
    const answer = testCase.host === 'bare' ? bareAnswer(testCase.status) : problem(new CapacityError(testCase.host));
    worker.use(http[method === 'GET' ? 'get' : 'post'](mswPath, () => answer.clone(), { once: true }));
  }
  if (method === 'GET')
    return { url, response: await fetch(url, { headers: { Accept: 'application/json, application/problem+json' } }) };
  return {
    url,
    response: await post(
      testCase.path ?? template,
      testCase.body,
      testCase.key === undefined ? crypto.randomUUID() : testCase.key,
    ),
  };
}

// --- The tests --------------------------------------------------------------------------------------

before(async () => {
  const response = await fetch(new URL('../../docs/openapi.json', import.meta.url));
  spec = (await response.json()) as OpenApi;
  await startMockApi();
});
beforeEach(() => api.reset());
afterEach(() => worker.resetHandlers());

describe('docs/openapi.json', () => {
  it('is an OpenAPI 3.1 document served where the mock serves', () => {
    expect(spec.openapi).to.match(/^3\.1\.\d+$/);
    expect(spec.servers[0].url).to.equal(api.baseUrl);
  });

  // Stoplight Prism skips its body checks when `jsonSchemaDialect` is set, though 3.1's default is the same.
  it('leaves the schema dialect to its default', () => {
    expect(spec).to.not.have.property('jsonSchemaDialect');
  });

  it('declares how requests are authenticated, with schemes it defines', () => {
    expect(spec.security, 'top-level security').to.be.an('array').that.is.not.empty;
    for (const requirement of spec.security ?? []) {
      for (const name of Object.keys(requirement)) expect(spec.components.securitySchemes, name).to.have.property(name);
    }
  });

  it('resolves every $ref', () => {
    const refs: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (typeof node === 'object' && node !== null) {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.push(value);
          else walk(value);
        }
      }
    };
    walk(spec);
    expect(refs.length).to.be.greaterThan(20);
    for (const ref of refs) expect(() => resolvePointer(spec, ref), ref).to.not.throw();
  });

  it('gives every operation an id, and every POST a required Idempotency-Key and a JSON body', () => {
    expect(operationKeys()).to.have.members([
      'GET /capacity',
      'GET /contact-view',
      'GET /registrations',
      'POST /registrations',
      'POST /registrations/deregister',
      'POST /registrations/renew',
    ]);
    for (const key of operationKeys()) {
      expect(operationOf(key).operationId, key).to.be.a('string');
      if (!key.startsWith('POST')) continue;
      const idempotencyKey = parametersOf(key).find((parameter) => parameter.name === 'Idempotency-Key');
      expect(idempotencyKey, key).to.deep.include({ in: 'header', required: true });
      expect(operationOf(key).requestBody?.content, key).to.have.key('application/json');
    }
  });

  it('states the limits and defaults that the code has', () => {
    const schemas = spec.components.schemas;
    expect(schemas['Tier'].enum).to.have.members(Object.keys(TIER_LIMITS));
    expect(schemas['SortKey'].enum).to.have.ordered.members([...SORT_KEYS]);
    expect(schemas['PageSize'].enum).to.have.ordered.members([...PAGE_SIZES]);
    const parameters = spec.components.parameters;
    expect(parameters['Sort'].schema).to.include({ default: DEFAULT_SORT });
    expect(parameters['PageSize'].schema).to.include({ default: DEFAULT_PAGE_SIZE });
    expect(parameters['Page'].schema).to.include({ minimum: 1, default: 1 });
    const ids = (schemas['DeregisterRequest'].properties?.['ids'] ?? {}) as SchemaObject;
    expect(ids).to.include({ minItems: 1, maxItems: MAX_DEREGISTER_IDS });
  });

  it('lists every CapacityError code, and the status of each as the server answers it', () => {
    const all: Record<CapacityErrorCode, true> = {
      'capacity-exceeded': true,
      'domain-already-registered': true,
      'contact-already-registered': true,
      'domain-unavailable': true,
      'invalid-website': true,
      validation: true,
      'not-found': true,
      unauthorized: true,
      forbidden: true,
      timeout: true,
      network: true,
      server: true,
      'bad-response': true,
      aborted: true,
    };
    const codes = spec.components.schemas['ProblemCode'].enum as string[];
    expect(codes).to.have.members(Object.keys(all));
    expect(codes.every(isCapacityErrorCode)).to.be.true;

    // Each problem schema that fixes a code fixes the status STATUS_BY_CODE gives it. No operation
    // answers `not-found` (the mock answers it only for a URL that is no operation) nor a fixed
    // `server` status, so neither has a schema of its own.
    const fixed = new Map<string, unknown>();
    for (const schema of Object.values(spec.components.schemas)) {
      const constraints = (schema.allOf?.[1] ?? {}) as SchemaObject;
      const code = (constraints.properties?.['code'] as SchemaObject | undefined)?.const;
      if (typeof code === 'string') fixed.set(code, (constraints.properties?.['status'] as SchemaObject).const);
    }
    for (const [code, status] of Object.entries(STATUS_BY_CODE)) {
      if (code !== 'server' && code !== 'not-found') expect(fixed.get(code), code).to.equal(status);
    }
  });

  it('has examples that conform to their schemas', () => {
    let count = 0;
    for (const key of operationKeys()) {
      const operation = operationOf(key);
      const media = [
        ...Object.values(operation.requestBody?.content ?? {}),
        ...Object.values(operation.responses).flatMap((response) => Object.values(deref(response).content ?? {})),
      ];
      for (const { schema, example, examples = {} } of media) {
        const values = [
          ...(example === undefined ? [] : [example]),
          ...Object.values(examples).map((entry) => deref(entry).value),
        ];
        for (const value of values) {
          expect(schemaErrors(value, schema), `${key}: ${JSON.stringify(value)}`).to.equal('');
          count++;
        }
      }
      for (const parameter of parametersOf(key)) {
        if (parameter.example === undefined) continue;
        expect(schemaErrors(parameter.example, parameter.schema), `${key} ${parameter.name}`).to.equal('');
        count++;
      }
    }
    const domain = spec.components.schemas['Domain'];
    for (const value of domain['examples'] as unknown[]) expect(schemaErrors(value, domain)).to.equal('');
    expect(count).to.be.greaterThan(15);
  });

  // What RestBackend rejects as `bad-response` (test/backends/rest-backend.test.ts), the document does not allow.
  it('does not allow the answers the widget cannot read', () => {
    const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
    const capacity = capacityOf('untiered', 50, 1);
    const bad: [string, unknown][] = [
      ['Capacity', { tier: 'bronze', limit: 50, used: 1 }],
      ['Capacity', { tier: 'gold', limit: 50.5, used: 1 }],
      ['Capacity', { tier: 'gold', limit: 50, used: -1 }],
      ['Registration', { ...FIRST, domain: undefined }],
      ['Registration', { ...FIRST, registeredAt: 'yesterday' }],
      ['Registration', { ...FIRST, domain: 'WWW.Acme.com' }],
      ['Registration', [FIRST]],
      ['RegistrationPage', { items: [{ id: 'x' }], total: 1, page: 1, pageSize: 25, capacity }],
      ['RegistrationPage', { items: [], total: 0, page: 1, pageSize: 25 }],
      ['RegistrationPage', { items: [], total: '0', page: 1, pageSize: 25, capacity }],
      ['DeregisterResult', { removed: 'reg-1', missing: [], capacity }],
      ['ConflictProblem', { type: 'about:blank', title: 't', status: 409, detail: 'd', code: 'capacity-exceeded' }],
      ['ConflictProblem', { type: 'about:blank', title: 't', status: 409, detail: 'd', code: 'validation' }],
      ['ValidationProblem', { type: 'about:blank', title: 't', status: 400, detail: 'd', code: 'no-such-code' }],
      ['RegisterResult', { ...FIRST }], // the answer of 0.1, the bare registration
      ['RegisterResult', { registration: FIRST }],
      ['RegisterResult', { registration: { id: 'x' }, capacity }],
      ['ContactView', { contactId: FIRST.contactId, domain: null, capacity }],
      ['ContactView', { contactId: FIRST.contactId, registration: null, domain: null }],
      ['ContactView', { contactId: '', registration: null, domain: null, capacity }],
      ['ContactView', { contactId: FIRST.contactId, registration: { id: 'x' }, domain: null, capacity }],
      ...[
        { name: 'acme.com', heldBy: 'other-contact' },
        { name: 'acme.com', heldBy: 'nobody', registration: FIRST },
        { name: 'acme.com', heldBy: 'this-contact', registration: FIRST },
        { name: 'acme.com', heldBy: 'someone' },
        { name: 'WWW.Acme.com', heldBy: 'nobody' },
        { heldBy: 'nobody' },
      ].map((domain): [string, unknown] => ['ContactView', { contactId: 'c1', registration: null, domain, capacity }]),
    ];
    for (const [name, value] of bad)
      expect(schemaErrors(value, ref(name)), `${name} ${JSON.stringify(value)}`).to.not.equal('');
    expect(schemaErrors({ ...FIRST }, ref('Registration'))).to.equal('');
    const held = { name: FIRST.domain, heldBy: 'other-contact', registration: FIRST };
    expect(schemaErrors({ contactId: 'c1', registration: null, domain: held, capacity }, ref('ContactView'))).to.equal(
      '',
    );
  });
});

describe('the mock API conforms to docs/openapi.json', () => {
  for (const testCase of CASES) {
    it(`${testCase.op}: ${testCase.name} → ${testCase.status}${testCase.host ? ' (as a host answers)' : ''}`, async () => {
      await testCase.setup?.();
      const operation = operationOf(testCase.op);
      const { url, response } = await send(testCase);

      // The status is the case's, and documented for the operation.
      expect(response.status).to.equal(testCase.status);
      const key = responseKey(operation, response.status);
      expect(key, `${testCase.op} does not document ${response.status}`).to.be.a('string');
      const documented = deref(operation.responses[key!]);

      // The content type is a documented one, and the body conforms to its schema. Only the host's
      // bare answers fall to the range of any type: the mock's own are JSON.
      const contentType = (response.headers.get('Content-Type') ?? '').split(';')[0].trim();
      const content = documented.content ?? {};
      const media = mediaKey(content, contentType);
      expect(media, `${testCase.op} ${response.status} ${contentType}`).to.equal(
        testCase.host === 'bare' ? '*/*' : contentType,
      );
      const text = await response.text();
      const body: unknown = contentType.endsWith('json') ? JSON.parse(text) : text;
      expect(schemaErrors(body, content[media!].schema), text).to.equal('');
      if (contentType === 'application/problem+json') expect(record(body)['status']).to.equal(response.status);

      // A request the mock accepts, or refuses for what the data says rather than for its shape (409,
      // 422, and the host's answers), is one the document allows.
      if (response.status !== 400) {
        expect(queryErrors(testCase.op, url), url.search).to.deep.equal([]);
        const requestBody = operationOf(testCase.op).requestBody;
        if (requestBody)
          expect(schemaErrors(testCase.body, requestBody.content['application/json'].schema)).to.equal('');
      } else if (testCase.op.startsWith('GET')) {
        expect(queryErrors(testCase.op, url), `${url.search} is within the documented parameters`).to.not.deep.equal(
          [],
        );
      }

      testCase.expectBody?.(body);
    });
  }

  // The reverse: the cases above are every kind of answer the mock gives (read from mocks/api.ts and
  // the ledger's checks), so the statuses they answer with are all there is to document.
  it('documents every status the mock answers, and every documented status is answered by a case', () => {
    for (const op of operationKeys()) {
      const operation = operationOf(op);
      const cases = CASES.filter((testCase) => testCase.op === op);
      const answered = new Set(cases.map((testCase) => responseKey(operation, testCase.status)));
      expect(answered.has(undefined), `${op} answers an undocumented status`).to.be.false;
      expect([...answered], op).to.have.members(Object.keys(operation.responses));
      // The mock itself answers everything but authentication and server failures.
      const byMock = new Set(cases.filter((testCase) => !testCase.host).map((testCase) => testCase.status));
      const hostOnly = Object.keys(operation.responses).filter((status) => !byMock.has(Number(status)));
      expect(hostOnly, op).to.have.members(['401', '403', '5XX']);
    }
    expect(new Set(CASES.map((testCase) => testCase.op))).to.have.keys(operationKeys());
  });
});
