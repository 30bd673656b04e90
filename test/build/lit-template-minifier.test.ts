import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { minifyCssTemplate, minifyHtmlTemplate } from '../../scripts/lit-template-minifier.mjs';
import { capacityManagerPanelStyles } from '../../src/elements/capacity-manager/capacity-manager-panel.styles.js';
import { deregisterConfirmationStyles } from '../../src/elements/capacity-manager/deregister-confirmation.styles.js';
import { modalDialog } from '../../src/styles/modal-dialog.js';
import { capacityManagerDialogStyles } from '../../src/elements/capacity-manager/capacity-manager-dialog.styles.js';
import { capacityMeterStyles } from '../../src/elements/capacity-meter/capacity-meter-body.styles.js';
import { leadRegistrationCardStyles } from '../../src/elements/lead-registration-card/lead-registration-card.styles.js';
import { theme } from '../../src/styles/theme.js';

// The self-contained build minifies the white space of every html``, svg`` and css`` template
// (vite.config.ts). The test suite runs on the sources, so here: what the minifier does, and that
// the browser reads what it makes as it reads the original. (`npm run smoke:dist` checks the build.)

/** The stylesheet as the browser reads it: its rules serialised by the CSSOM. */
function parsed(cssText: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  return Array.from(sheet.cssRules, (rule) => rule.cssText);
}

/** The parsed fragment with every run of white space as one space: what renders outside `white-space: pre*`. */
function rendered(markup: string, svg = false): string {
  const template = document.createElement('template');
  template.innerHTML = svg ? `<svg>${markup}</svg>` : markup;
  const describe = (node: Node): string => {
    if (node instanceof Text) return JSON.stringify(node.data.replace(/[ \t\n\r\f]+/g, ' '));
    if (node instanceof Comment) return `<!--${node.data}-->`;
    const element = node as Element;
    const attributes = Array.from(
      element.attributes ?? [],
      (attribute) => `${attribute.name}=${JSON.stringify(attribute.value)}`,
    );
    const children = Array.from(node.childNodes, describe).join('');
    return `<${element.localName ?? '#fragment'} ${attributes.join(' ')}>${children}</>`;
  };
  return describe(template.content);
}

const html = (parts: string[]): string[] => minifyHtmlTemplate(parts);
const css = (text: string): string => minifyCssTemplate([text])[0];

describe('Lit template minifier', () => {
  describe('css', () => {
    const sheets: [string, CSSResult][] = [
      ['theme', theme],
      ['card', leadRegistrationCardStyles],
      ['manager', capacityManagerDialogStyles],
      ['manager panel', capacityManagerPanelStyles],
      ['deregister confirmation', deregisterConfirmationStyles],
      ['modal dialog frame', modalDialog],
      ['meter', capacityMeterStyles],
    ];
    for (const [name, sheet] of sheets) {
      it(`leaves the ${name} stylesheet as the browser reads it, smaller`, () => {
        const minified = css(sheet.cssText);
        expect(minified.length).to.be.below(sheet.cssText.length * 0.85);
        expect(parsed(minified)).to.deep.equal(parsed(sheet.cssText));
      });
    }

    it('drops comments and the white space that separates nothing', () => {
      expect(
        css('\n  /* note */\n  :host {\n    color: red;\n    margin: 0 auto;\n  }\n  a,\n  b > c {\n    x: 1;\n  }\n'),
      ).to.equal(':host{color:red;margin:0 auto}a, b > c{x:1}');
    });

    it('keeps what separates tokens: descendant combinators, calc operators, !important, a comment between words', () => {
      expect(css('.a :hover { width: calc(100% - 2px) !important }')).to.equal(
        '.a :hover{width:calc(100% - 2px) !important}',
      );
      expect(css('@media screen and (max-width: 40rem) { a { b: c/**/d } }')).to.equal(
        '@media screen and (max-width:40rem){a{b:c d}}',
      );
    });

    it('leaves strings alone', () => {
      expect(css(`a::before { content: "  a ;  } /* b */ \\"  "; quotes: '  ’ ' }`)).to.equal(
        `a::before{content:"  a ;  } /* b */ \\"  ";quotes:'  ’ '}`,
      );
    });

    it('keeps a space next to an expression, and as many parts', () => {
      expect(minifyCssTemplate(['\n  a {\n    color: ', ';\n  }\n  ', '\n  b { x: y }\n'])).to.deep.equal([
        'a{color:',
        '}',
        ' b{x:y}',
      ]);
    });

    it('refuses a stylesheet that preserves white space', () => {
      expect(() => css('p { white-space: pre-wrap }')).to.throw(/white-space/);
      expect(() => css('p { white-space: pre }')).to.throw(/white-space/);
      expect(() => css('p { white-space: nowrap }')).not.to.throw();
    });
  });

  describe('html', () => {
    const cases: [string, string[], boolean?][] = [
      ['indentation', ['\n  <div class="card">\n    <span>Lead</span>\n    <button>Go</button>\n  </div>\n']],
      ['text and expressions', ['<p>\n  ', ' of\n  ', ' domains used\n</p>']],
      [
        'words split over lines',
        [
          '<p>The contact’s website is now\n  <span class="domain">',
          '</span>. It stays\n  <b>',
          '</b>:\n  a note.</p>',
        ],
      ],
      [
        'attributes over lines',
        [
          '<button\n  id="register"\n  class="button primary"\n  aria-disabled=',
          '\n  @click=',
          '\n>\n  Register\n</button>',
        ],
      ],
      ['attribute values with line breaks and expressions', ['<p title="a\n   b  ', "\n  c\" data-x='  \n y'>x</p>"]],
      ['void and table fragments', ['<col class=', ' />'], false],
      ['a lone col in a colgroup', ['<colgroup>\n  <col class="check" />\n  ', '\n</colgroup>']],
      ['svg shapes', ['<circle cx="10" r="8" />\n<path d="M6 10l2 2" />'], true],
      ['comments', ['<!-- keep\n   me -->\n<p>x</p>']],
      ['less-than in text', ['<p>1 < 2\n   and 3 > 2</p>']],
    ];
    for (const [name, parts, svg] of cases) {
      it(`keeps the parsed fragment as it renders: ${name}`, () => {
        const minified = html(parts);
        expect(minified).to.have.length(parts.length);
        const marker = 'lit$123$';
        expect(rendered(minified.join(marker), svg)).to.equal(rendered(parts.join(marker), svg));
      });
    }

    it('makes a run of white space with a line break one space, outside attribute values', () => {
      expect(html(['\n  <p title="a\n b">\n    one\n    <b>two</b>\n  </p>\n'])).to.deep.equal([
        ' <p title="a\n b"> one <b>two</b> </p> ',
      ]);
    });

    it('drops the white space before a tag’s > but keeps the one before />', () => {
      expect(
        html(['<input\n  type="checkbox"\n  .checked=', '\n/>\n<button\n  type="button"\n>x</button>']),
      ).to.deep.equal(['<input type="checkbox" .checked=', ' /> <button type="button">x</button>']);
    });

    it('leaves white space without a line break, and after a backslash, as it is', () => {
      expect(html(['<p>a  b</p>\\\n  <p>c</p>'])).to.deep.equal(['<p>a  b</p>\\\n  <p>c</p>']);
    });

    it('refuses elements whose white space is significant', () => {
      expect(() => html(['<pre>\n  a\n</pre>'])).to.throw(/<pre>/);
      expect(() => html(['<textarea>', '</textarea>'])).to.throw(/<textarea>/);
    });
  });
});
