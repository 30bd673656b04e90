import { expect } from '@open-wc/testing';
import { applyChange } from '../../src/core/contact-view.js';
import { RegistrationLedger } from '../../src/core/ledger.js';
import { daysUntil, isExpiringSoon, NO_EXPIRY_POLICY, renewalOf } from '../../src/core/lifecycle.js';
import type { Registration, RegistrationPolicy } from '../../src/core/types.js';
import { capacity, registration } from '../helpers/registrations.js';

// The registration lifecycle's rules (docs/contract.md#the-registration-lifecycle): src/core/lifecycle.ts and the
// ledger that applies them, with a clock a test moves.

const DAY_MS = 86_400_000;
const TODAY = new Date('2026-12-01T12:00:00.000Z');
const inDays = (days: number): string => new Date(TODAY.getTime() + days * DAY_MS).toISOString();
const POLICY: RegistrationPolicy = { termDays: 90, renewalWindowDays: 30, maxRenewals: 2, review: false };

const row = (name: string, fields: Partial<Registration> = {}): Registration =>
  registration({ id: `r-${name}`, domain: `${name}.com`, contactId: `c-${name}`, ...fields });

/** A ledger under `policy` whose clock is `clock.now`, which a test moves. */
function ledgerOf(
  rows: Registration[],
  policy: RegistrationPolicy = POLICY,
): { ledger: RegistrationLedger; clock: { now: Date } } {
  const clock = { now: TODAY };
  return { ledger: new RegistrationLedger('untiered', 50, rows, { policy, clock: () => clock.now }), clock };
}

const ids = (rows: readonly Registration[]): string[] => rows.map((r) => r.id);

describe('renewalOf', () => {
  const due = row('due', { expiresAt: inDays(10) });
  const cases: [string, Registration, RegistrationPolicy, ReturnType<typeof renewalOf>][] = [
    ['within its window: from its expiry by the term', due, POLICY, { renewable: true, expiresAt: inDays(100) }],
    [
      'on the day its window opens',
      row('x', { expiresAt: inDays(30) }),
      POLICY,
      { renewable: true, expiresAt: inDays(120) },
    ],
    [
      'before its window opens, with from when',
      row('x', { expiresAt: inDays(31) }),
      POLICY,
      { renewable: false, reason: 'not-yet-renewable', renewableFrom: inDays(1) },
    ],
    ['pending review', { ...due, status: 'pending' }, POLICY, { renewable: false, reason: 'pending-review' }],
    ['without expiry', { ...due, expiresAt: null }, POLICY, { renewable: false, reason: 'no-expiry' }],
    ['at its limit', { ...due, renewals: 2 }, POLICY, { renewable: false, reason: 'renewal-limit' }],
    [
      'with no limit',
      { ...due, renewals: 99 },
      { ...POLICY, maxRenewals: null },
      { renewable: true, expiresAt: inDays(100) },
    ],
    [
      'under a window of 0',
      due,
      { ...POLICY, renewalWindowDays: 0 },
      { renewable: false, reason: 'renewal-not-offered' },
    ],
    ['under no term', due, NO_EXPIRY_POLICY, { renewable: false, reason: 'renewal-not-offered' }],
    ['once lapsed', row('x', { expiresAt: inDays(0) }), POLICY, { renewable: false, reason: 'not-found' }],
  ];
  for (const [title, registration, policy, expected] of cases) {
    it(title, () => {
      expect(renewalOf(registration, policy, TODAY)).to.deep.equal(expected);
    });
  }

  it('counts days left rounded up, and expiring soon within 30 days to the millisecond', () => {
    expect(daysUntil(inDays(11.2), TODAY)).to.equal(12);
    expect(daysUntil(inDays(-1), TODAY)).to.equal(0);
    expect(isExpiringSoon(row('x', { expiresAt: inDays(30) }), TODAY)).to.equal(true);
    expect(
      isExpiringSoon(row('x', { expiresAt: new Date(TODAY.getTime() + 30 * DAY_MS + 1).toISOString() }), TODAY),
    ).to.equal(false);
    expect(isExpiringSoon(row('x', { expiresAt: inDays(0) }), TODAY)).to.equal(false);
  });
});

describe('RegistrationLedger: the lifecycle', () => {
  it('registers under the policy: expiry one term ahead, pending when the vendor reviews', () => {
    const { ledger } = ledgerOf([], { ...POLICY, review: true });
    const added = ledger.register({ contactId: 'c-1', website: 'acme.com' }, { id: 'r-1' });
    expect(added).to.deep.include({
      status: 'pending',
      expiresAt: inDays(90),
      renewals: 0,
      registeredAt: TODAY.toISOString(),
    });
    expect(ledger.capacity()).to.deep.equal({
      ...capacity('untiered', 50, 1),
      policy: { ...POLICY, review: true },
      expiringSoon: 0,
    });
    const { ledger: plain } = ledgerOf([], NO_EXPIRY_POLICY);
    expect(plain.register({ contactId: 'c-1', website: 'acme.com' }, { id: 'r-1' })).to.deep.include({
      status: 'registered',
      expiresAt: null,
    });
  });

  it('lapses a registration when the clock passes its expiry: out of the capacity, the list and its domain', () => {
    const { ledger, clock } = ledgerOf([
      row('soon', { expiresAt: inDays(5) }),
      row('later', { expiresAt: inDays(50) }),
    ]);
    expect(ledger.capacity()).to.deep.include({ used: 2, expiringSoon: 1 });
    clock.now = new Date(Date.parse(inDays(5)) - 1);
    expect(ledger.capacity()).to.deep.include({ used: 2 });
    clock.now = new Date(inDays(5));
    expect(ledger.capacity()).to.deep.include({ used: 1, expiringSoon: 0 });
    expect(ids(ledger.query({ sort: 'domain' }).items)).to.deep.equal(['r-later']);
    expect(ledger.get('r-soon')).to.equal(undefined);
    // Its contact's view says it lapsed; another contact may take its domain.
    const view = ledger.contactView({ contactId: 'c-soon', website: 'soon.com' });
    expect(view).to.deep.include({ registration: null, domain: { name: 'soon.com', heldBy: 'nobody' } });
    expect(view.lapsed).to.deep.include({ id: 'r-soon', expiresAt: inDays(5) });
    ledger.register({ contactId: 'c-other', website: 'soon.com' }, { id: 'r-other' });
    expect(ledger.contactView({ contactId: 'c-soon', website: 'soon.com' }).domain?.heldBy).to.equal('other-contact');
  });

  it('registers a contact whose registration lapsed anew, and no longer says it lapsed', () => {
    const { ledger, clock } = ledgerOf([row('a', { expiresAt: inDays(1) })]);
    clock.now = new Date(inDays(2));
    expect(ledger.contactView({ contactId: 'c-a' }).lapsed?.id).to.equal('r-a');
    const again = ledger.register({ contactId: 'c-a', website: 'a.com' }, { id: 'r-a2' });
    expect(again.expiresAt).to.equal(inDays(92));
    expect(ledger.contactView({ contactId: 'c-a' })).to.deep.include({ registration: again, lapsed: null });
  });

  it('sets aside a row already lapsed when restoring, so that the contact’s active one wins', () => {
    const old = row('a', { id: 'r-old', expiresAt: inDays(-10) });
    const current = row('a', { id: 'r-new', expiresAt: inDays(80) });
    const { ledger } = ledgerOf([old, current]);
    expect(ledger.byContact('c-a')?.id).to.equal('r-new');
    expect(ledger.capacity().used).to.equal(1);
    expect(ledger.contactView({ contactId: 'c-a' }).lapsed).to.equal(null);
    // Without an active one, the contact's view says it lapsed; a copy of the ledger keeps it so.
    const alone = ledgerOf([old]).ledger;
    expect(alone.contactView({ contactId: 'c-a' }).lapsed).to.deep.equal(old);
    expect([...alone.lapsed()]).to.deep.equal([old]);
  });

  it('renews from the current expiry by the term, refusing each other id with its reason, in the order given', () => {
    const { ledger } = ledgerOf([
      row('due', { expiresAt: inDays(10) }),
      row('early', { expiresAt: inDays(60) }),
      row('spent', { expiresAt: inDays(10), renewals: 2 }),
      row('pending', { expiresAt: inDays(10), status: 'pending' }),
      row('forever'),
    ]);
    const result = ledger.renew(['r-early', 'r-due', 'r-gone', 'r-spent', 'r-pending', 'r-forever', 'r-due']);
    expect(result.renewed.map(({ id, expiresAt, renewals }) => [id, expiresAt, renewals])).to.deep.equal([
      ['r-due', inDays(100), 1],
    ]);
    expect(result.refused.map(({ id, domain, reason }) => [id, domain, reason])).to.deep.equal([
      ['r-early', 'early.com', 'not-yet-renewable'],
      ['r-gone', undefined, 'not-found'],
      ['r-spent', 'spent.com', 'renewal-limit'],
      ['r-pending', 'pending.com', 'pending-review'],
      ['r-forever', 'forever.com', 'no-expiry'],
    ]);
    expect(result.refused[0]).to.deep.include({
      renewableFrom: inDays(30),
      message: `early.com can be renewed from ${inDays(30).slice(0, 10)}.`,
    });
    expect(result.capacity).to.deep.include({ used: 5, expiringSoon: 2 });
    expect(ledger.get('r-due')).to.deep.equal(result.renewed[0]);
  });

  it('keeps the kept orders and the search right after a renewal', () => {
    const { ledger } = ledgerOf([
      row('a', { expiresAt: inDays(10) }),
      row('b', { expiresAt: inDays(20) }),
      row('c', { expiresAt: inDays(40) }),
    ]);
    expect(ids(ledger.query({ sort: 'expiresAt' }).items)).to.deep.equal(['r-a', 'r-b', 'r-c']);
    expect(ids(ledger.query({ sort: 'domain' }).items)).to.deep.equal(['r-a', 'r-b', 'r-c']);
    ledger.renew(['r-a']);
    expect(ids(ledger.query({ sort: 'expiresAt' }).items)).to.deep.equal(['r-b', 'r-c', 'r-a']);
    expect(ledger.query({ sort: 'domain' }).items[0]).to.deep.include({ id: 'r-a', renewals: 1 });
    expect(ids(ledger.query({ search: 'a.com' }).items)).to.deep.equal(['r-a']);
    expect(ids(ledger.query({ filter: 'expiring' }).items)).to.deep.equal(['r-b']);
  });

  it('approves pending registrations and leaves the others alone', () => {
    const { ledger } = ledgerOf([row('p', { status: 'pending' }), row('q')]);
    expect(ids(ledger.query({ filter: 'pending' }).items)).to.deep.equal(['r-p']);
    expect(ids(ledger.approve(['r-p', 'r-q', 'r-gone']))).to.deep.equal(['r-p']);
    expect(ledger.get('r-p')?.status).to.equal('registered');
    expect(ledger.query({ filter: 'pending' }).total).to.equal(0);
  });

  it('filters to those expiring within 30 days and sorts by expiry, those without one last ascending', () => {
    const { ledger } = ledgerOf([
      row('never'),
      row('late', { expiresAt: inDays(31) }),
      row('soon', { expiresAt: inDays(3) }),
      row('edge', { expiresAt: inDays(30) }),
      row('also-never'),
    ]);
    expect(ids(ledger.query({ filter: 'expiring', sort: 'expiresAt' }).items)).to.deep.equal(['r-soon', 'r-edge']);
    expect(ids(ledger.query({ sort: 'expiresAt' }).items)).to.deep.equal([
      'r-soon',
      'r-edge',
      'r-late',
      'r-also-never',
      'r-never',
    ]);
    // Ties stay in domain order whatever the order.
    expect(ids(ledger.query({ sort: 'expiresAt', order: 'desc' }).items)).to.deep.equal([
      'r-also-never',
      'r-never',
      'r-late',
      'r-edge',
      'r-soon',
    ]);
    expect(ledger.query({ filter: 'expiring', search: 'edge' }).total).to.equal(1);
    expect(() => ledger.query({ filter: 'lapsed' as 'pending' })).to.throw('Filtering by “lapsed” is not supported.');
  });

  it('counts a deregistered registration out of those expiring soon', () => {
    const { ledger } = ledgerOf([row('a', { expiresAt: inDays(3) }), row('b', { expiresAt: inDays(4) })]);
    expect(ledger.deregister(['r-a']).capacity.expiringSoon).to.equal(1);
  });

  it('takes a new policy for what comes next, and refuses one that is none', () => {
    const { ledger } = ledgerOf([]);
    ledger.policy = { ...POLICY, termDays: 30 };
    expect(ledger.register({ contactId: 'c', website: 'c.com' }, { id: 'r' }).expiresAt).to.equal(inDays(30));
    expect(() => {
      ledger.policy = { ...POLICY, termDays: 0 };
    }).to.throw('The policy is not valid.');
  });
});

describe('applyChange: renewed', () => {
  it('puts the renewed registration in the contact’s view, as its own or as its domain’s holder', () => {
    const own = row('a', { expiresAt: inDays(5) });
    const holder = row('b', { expiresAt: inDays(5) });
    const renewedOwn = { ...own, expiresAt: inDays(95), renewals: 1 };
    const renewedHolder = { ...holder, expiresAt: inDays(95), renewals: 1 };
    const after = capacity('untiered', 50, 2);
    const change = { type: 'renewed', registrations: [renewedHolder, renewedOwn], capacity: after } as const;
    const mine = {
      contactId: 'c-a',
      registration: own,
      lapsed: null,
      domain: null,
      capacity: capacity('untiered', 50, 2),
    };
    expect(applyChange(mine, change)).to.deep.equal({ ...mine, registration: renewedOwn, capacity: after });
    const theirs = {
      ...mine,
      contactId: 'c-x',
      registration: null,
      domain: { name: 'b.com', heldBy: 'other-contact' as const, registration: holder },
    };
    expect(applyChange(theirs, change).domain).to.deep.equal({ ...theirs.domain, registration: renewedHolder });
  });
});
