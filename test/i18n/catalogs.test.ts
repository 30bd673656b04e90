import { expect } from '@open-wc/testing';
import { messageShape } from '../../src/i18n/message-shape.js';
import { documentedRow, ENGLISH, MESSAGE_IDS, TRANSLATIONS, unpadded } from '../helpers/catalogs.js';

// The CI check of the catalogs (issue 14): every locale holds every id, each message is well formed and
// asks for no value its English does not give, and counts as its language counts.

describe('message catalogs', () => {
  it('the English is well formed, every plural with an “other” branch', () => {
    for (const id of MESSAGE_IDS) expect(() => messageShape(ENGLISH[id]), id).not.to.throw();
  });

  for (const [locale, messages] of Object.entries(TRANSLATIONS)) {
    describe(locale, () => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];

      it('holds every id of the English, and no other', () => {
        expect(Object.keys(messages).sort()).to.deep.equal(MESSAGE_IDS);
      });

      it('asks for no value the English does not give', () => {
        for (const id of MESSAGE_IDS) {
          const english = messageShape(ENGLISH[id]).values;
          const translated = messageShape(messages[id]).values;
          expect(
            [...translated].filter((name) => !english.has(name)),
            `${locale} ${id}`,
          ).to.deep.equal([]);
        }
      });

      it('counts as the language counts: a plural’s branches are its categories, all of them where a number shows', () => {
        for (const id of MESSAGE_IDS) {
          // The English counts where a plural of it tells one from other ("1 domain", "2 domains").
          const counts = messageShape(ENGLISH[id]).plurals.some((plural) => plural.keys.includes('one'));
          const plurals = messageShape(messages[id]).plurals;
          for (const plural of plurals) {
            const unknown = plural.keys.filter((key) => !key.startsWith('=') && !categories.includes(key));
            expect(unknown, `${locale} ${id}: branches ${locale} has no category for`).to.deep.equal([]);
            if (counts && plural.showsNumber) {
              const missing = categories.filter((category) => !plural.keys.includes(category));
              expect(missing, `${locale} ${id}: the plural forms of ${plural.name} it lacks`).to.deep.equal([]);
            }
          }
          // A language with more than one form chooses among them where the English does (on the value it agrees with).
          if (counts && categories.length > 1) expect(plurals, `${locale} ${id}: no plural`).not.to.be.empty;
        }
      });
    });
  }

  it('docs/localization.md lists every id with its English text', async () => {
    const response = await fetch('/docs/localization.md');
    expect(response.ok, 'docs/localization.md is served').to.be.true;
    const text = await response.text();
    const table = text.slice(text.indexOf('<!-- messages:start -->'), text.indexOf('<!-- messages:end -->'));
    const rows = table
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map(unpadded);
    expect(rows, 'run npm run docs:messages').to.deep.equal(MESSAGE_IDS.map((id) => unpadded(documentedRow(id))));
  });
});
