import { expect } from '@open-wc/testing';
import { checkWebsite, normalizeDomain } from '../../src/core/domain.js';
import { CapacityError } from '../../src/core/errors.js';

describe('normalizeDomain', () => {
  it('smoke', () => {
    expect(normalizeDomain('https://www.Acme.com:8080/pricing?x=1')).to.equal('acme.com');
    expect(normalizeDomain('bücher.de')).to.equal('xn--bcher-kva.de');
    expect(checkWebsite('ftp://acme.com')).to.deep.equal({ ok: false, problem: 'scheme' });
    expect(() => normalizeDomain('intranet')).to.throw(CapacityError);
  });
});
