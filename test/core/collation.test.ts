import { expect } from '@open-wc/testing';
import { collate, foldCase, searchFolding } from '../../src/core/collation.js';
import { RegistrationLedger } from '../../src/core/ledger.js';
import { matchesSearch, sortRegistrations } from '../../src/core/query.js';
import type { Registration } from '../../src/core/types.js';
import { registration } from '../helpers/registrations.js';

const collator = (locale: string): Intl.Collator => new Intl.Collator(locale, { sensitivity: 'base' });

describe('search folding in the partner’s language', () => {
  it('folds case and the diacritics a language sets aside: “muller” finds “Müller” in German', () => {
    expect(searchFolding('de')('Müller & Söhne')).to.equal('muller & sohne');
    expect(searchFolding('fr')('Élan Côte')).to.equal('elan cote');
  });

  it('keeps a letter a language counts as its own: ñ in Spanish, å in Swedish', () => {
    expect(searchFolding('es')('Peña')).to.equal('peña');
    expect(searchFolding('sv')('Åland')).to.equal('åland');
    expect(searchFolding('de')('Peña')).to.equal('pena');
  });

  it('reads katakana, half-width katakana and full-width Latin as the same text in Japanese', () => {
    const fold = searchFolding('ja');
    expect(fold('カタカナ')).to.equal(fold('かたかな'));
    expect(fold('ｶﾀｶﾅ')).to.equal(fold('かたかな'));
    expect(fold('ＡＣＭＥ')).to.equal('acme');
  });

  it('folds as foldCase does without a locale, or with one that Intl cannot read', () => {
    expect(searchFolding(undefined)).to.equal(foldCase);
    expect(searchFolding('not a tag!')).to.equal(foldCase);
    expect(searchFolding('es')('ACME')).to.equal('acme');
  });

  it('matches a search as the locale folds it', () => {
    const row = registration({ domain: 'pena.es', company: 'Peña Hermanos' });
    expect(matchesSearch(row, 'peña', 'es')).to.be.true;
    expect(matchesSearch(row, 'hermanos pena', 'es')).to.be.false;
    expect(matchesSearch(row, 'pena h', 'es')).to.be.false;
    expect(matchesSearch(row, 'pena h', 'de')).to.be.true;
    expect(matchesSearch(row, 'pena h')).to.be.true;
  });
});

describe('collation: text in the partner’s language’s order', () => {
  it('puts texts equal at base strength in one run, the others in the language’s order', () => {
    expect(collate(['zeta', 'Ärger', 'apple', 'ACME', 'acme', 'Zoë', 'ábaco'], collator('de'), 'de')).to.deep.equal([
      ['ábaco'],
      ['ACME', 'acme'],
      ['apple'],
      ['Ärger'],
      ['zeta'],
      ['Zoë'],
    ]);
  });

  it('sorts ñ after n in Spanish, and Danish aa after z', () => {
    expect(collate(['oso', 'ñandú', 'nube'], collator('es'), 'es').flat()).to.deep.equal(['nube', 'ñandú', 'oso']);
    expect(collate(['aarhus', 'zealand', 'bergen'], collator('da'), 'da').flat()).to.deep.equal([
      'bergen',
      'zealand',
      'aarhus',
    ]);
  });

  const rows: Registration[] = [
    registration({ domain: 'a.example', company: 'Oso Ltd' }),
    registration({ domain: 'b.example', company: 'Ñandú SA' }),
    registration({ domain: 'c.example', company: 'Nube SL' }),
    registration({ domain: 'd.example', company: 'nube sl' }),
  ];
  const companies = (sorted: Registration[]): string[] => sorted.map((row) => `${row.company} ${row.domain}`);

  it('orders registrations in the locale, ties (equal at base strength) by domain whatever the order', () => {
    expect(companies(sortRegistrations(rows, 'company', 'asc', 'es'))).to.deep.equal([
      'Nube SL c.example',
      'nube sl d.example',
      'Ñandú SA b.example',
      'Oso Ltd a.example',
    ]);
    expect(companies(sortRegistrations(rows, 'company', 'desc', 'es'))).to.deep.equal([
      'Oso Ltd a.example',
      'Ñandú SA b.example',
      'Nube SL c.example',
      'nube sl d.example',
    ]);
    // Without a locale, folded text by code unit: "nandu sa" before "nube sl".
    expect(companies(sortRegistrations(rows, 'company', 'asc'))[0]).to.equal('Ñandú SA b.example');
  });

  it('keeps an order per locale in the ledger, each kept through a deregistration', () => {
    const ledger = new RegistrationLedger('untiered', 50, rows);
    const page = (locale?: string): string[] =>
      ledger.query({ sort: 'company' }, locale).items.map((row) => row.company);
    expect(page('es')).to.deep.equal(['Nube SL', 'nube sl', 'Ñandú SA', 'Oso Ltd']);
    expect(page('de')).to.deep.equal(['Ñandú SA', 'Nube SL', 'nube sl', 'Oso Ltd']);
    expect(page()).to.deep.equal(['Ñandú SA', 'Nube SL', 'nube sl', 'Oso Ltd']);
    ledger.deregister(['c.example']);
    expect(page('es')).to.deep.equal(['nube sl', 'Ñandú SA', 'Oso Ltd']);
  });

  it('searches the ledger as the locale folds, and a malformed locale as none', () => {
    const ledger = new RegistrationLedger('untiered', 50, rows);
    const found = (search: string, locale?: string): string[] =>
      ledger.query({ search }, locale).items.map((row) => row.domain);
    expect(found('ñandu', 'es')).to.deep.equal(['b.example']);
    expect(found('nandu', 'es')).to.deep.equal([]);
    expect(found('nandu', 'de')).to.deep.equal(['b.example']);
    expect(found('nandu', 'no such locale!')).to.deep.equal(['b.example']);
  });

  it('finds, in the language, a row registered after its first search there', () => {
    const ledger = new RegistrationLedger('untiered', 50, rows);
    const found = (search: string, locale: string): string[] =>
      ledger.query({ search }, locale).items.map((row) => row.domain);
    expect(found('ñandú', 'es')).to.deep.equal(['b.example']);
    expect(found('カタ', 'ja')).to.deep.equal([]);
    ledger.register(
      { contactId: 'c-new', website: 'e.example', company: 'Ñoño カタカナ', contactName: '', country: '' },
      { id: 'e.example', now: new Date() },
    );
    expect(found('ñoño', 'es')).to.deep.equal(['e.example']);
    expect(found('かた', 'ja')).to.deep.equal(['e.example']);
  });
});
