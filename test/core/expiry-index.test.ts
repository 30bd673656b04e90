import { expect } from '@open-wc/testing';
import { ExpiryIndex } from '../../src/core/expiry-index.js';
import type { Registration } from '../../src/core/types.js';
import { registration } from '../helpers/registrations.js';

const at = (ms: number): string => new Date(ms).toISOString();
const row = (domain: string, expiresAt: number | null): Registration =>
  registration({ domain, expiresAt: expiresAt === null ? null : at(expiresAt) });
const domains = (rows: readonly Registration[]): string[] => rows.map((one) => one.domain);

describe('ExpiryIndex', () => {
  it('keeps its rows in expiry order when one is inserted before the last (a renewal, a shorter term)', () => {
    const index = new ExpiryIndex();
    index.insert([row('a.example', 10), row('c.example', 30)]);
    index.insert([row('b.example', 20), row('never.example', null)]);
    expect(domains(index.rowsBy(25))).to.deep.equal(['a.example', 'b.example']);
    expect(index.countBy(30)).to.equal(3);
  });

  it('sorts rows restored in any order on the next look, and drops those gone', () => {
    const index = new ExpiryIndex();
    const rows = [row('c.example', 30), row('a.example', 10), row('b.example', 20)];
    for (const one of rows) index.restore(one);
    expect(domains(index.rowsBy(20))).to.deep.equal(['a.example', 'b.example']);
    index.drop(new Set([rows[1]]));
    expect(domains(index.rowsBy(30))).to.deep.equal(['b.example', 'c.example']);
  });
});
