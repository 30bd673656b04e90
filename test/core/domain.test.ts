import { expect } from '@open-wc/testing';
import { checkWebsite, normalizeDomain, websiteProblemText, type WebsiteProblem } from '../../src/core/domain.js';
import { CapacityError } from '../../src/core/errors.js';

/** A website as the CRM holds it, and either the domain it registers or why it cannot. */
type Case =
  | { website: string | null | undefined; domain: string; why?: string }
  | { website: string | null | undefined; problem: WebsiteProblem; why?: string };

const label = (char: string, length: number): string => char.repeat(length);
// 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253 characters, the longest host name DNS allows.
const HOST_253 = `${label('a', 63)}.${label('b', 63)}.${label('c', 63)}.${label('d', 61)}`;
const HOST_254 = `${label('a', 63)}.${label('b', 63)}.${label('c', 63)}.${label('d', 62)}`;

const CASES: readonly Case[] = [
  // Contract section 6, every example.
  { website: 'https://www.Acme.com:8080/pricing?x=1', domain: 'acme.com', why: 'contract example' },
  { website: 'acme.com.', domain: 'acme.com', why: 'contract example' },
  { website: 'shop.acme.co.uk', domain: 'shop.acme.co.uk', why: 'contract example' },
  { website: 'bücher.de', domain: 'xn--bcher-kva.de', why: 'contract example' },
  { website: 'ftp://acme.com', problem: 'scheme', why: 'contract example' },
  { website: 'http://10.0.0.1', problem: 'ip-address', why: 'contract example' },
  { website: 'intranet', problem: 'single-label', why: 'contract example' },

  // Plain forms.
  { website: 'acme.com', domain: 'acme.com' },
  { website: 'http://acme.com', domain: 'acme.com' },
  { website: 'https://acme.com/', domain: 'acme.com' },
  { website: 'HTTPS://WWW.ACME.COM/', domain: 'acme.com', why: 'uppercase scheme and host' },
  { website: 'Acme.COM', domain: 'acme.com', why: 'uppercase host' },
  { website: '  acme.com  ', domain: 'acme.com', why: 'surrounding spaces' },
  { website: '\t https://acme.com \n', domain: 'acme.com', why: 'surrounding tabs and newlines' },

  // IDN.
  { website: 'https://www.BÜCHER.de/', domain: 'xn--bcher-kva.de', why: 'uppercase IDN' },
  { website: 'пример.рф', domain: 'xn--e1afmkfd.xn--p1ai', why: 'Cyrillic' },
  { website: 'https://例え.jp', domain: 'xn--r8jz45g.jp', why: 'Japanese' },
  { website: '中国.cn', domain: 'xn--fiqs8s.cn', why: 'Chinese' },
  { website: 'xn--bcher-kva.de', domain: 'xn--bcher-kva.de', why: 'already punycode' },
  { website: 'acme。com', domain: 'acme.com', why: 'ideographic full stop' },

  // Ports, paths, queries, fragments, credentials.
  { website: 'acme.com:8080', domain: 'acme.com', why: 'port without scheme' },
  { website: 'acme.com:8080/path', domain: 'acme.com', why: 'port and path without scheme' },
  { website: 'https://acme.com:443', domain: 'acme.com', why: 'default port' },
  { website: 'acme.com?x=1', domain: 'acme.com', why: 'query only' },
  { website: 'acme.com#contact', domain: 'acme.com', why: 'fragment only' },
  { website: 'https://acme.com?x=1#top', domain: 'acme.com', why: 'query and fragment, no path' },
  { website: 'https://user:pw@www.acme.com', domain: 'acme.com', why: 'credentials' },
  { website: 'https://user@acme.com:8443/a/b?c#d', domain: 'acme.com', why: 'user, port, path, query, fragment' },
  { website: '//acme.com', domain: 'acme.com', why: 'scheme-relative' },
  { website: '//www.acme.com/about', domain: 'acme.com', why: 'scheme-relative with www and path' },

  // Backslashes, read as browsers read them.
  { website: 'acme.com\\pricing', domain: 'acme.com', why: 'backslash before the path' },
  { website: 'https:\\\\www.acme.com\\pricing', domain: 'acme.com', why: 'backslashes after the scheme' },
  { website: '\\\\acme.com', domain: 'acme.com', why: 'leading backslashes' },
  { website: 'http:acme.com', domain: 'acme.com', why: 'http scheme without slashes' },
  { website: 'https:/www.acme.com', domain: 'acme.com', why: 'https scheme with one slash' },

  // Trailing dots.
  { website: 'https://acme.com.:8080/', domain: 'acme.com', why: 'trailing dot before a port' },
  { website: 'www.acme.com.', domain: 'acme.com', why: 'trailing dot and www' },
  { website: 'acme.com..', problem: 'characters', why: 'only one trailing dot is removed' },

  // www.
  { website: 'www.acme.com', domain: 'acme.com' },
  { website: 'www.www.acme.com', domain: 'www.acme.com', why: 'www removed only once' },
  { website: 'www.com', domain: 'www.com', why: 'stripping would leave a single label' },
  { website: 'https://WWW.com/', domain: 'www.com', why: 'uppercase www.com' },
  { website: 'shop.www.acme.com', domain: 'shop.www.acme.com', why: 'only a leading www label' },
  { website: 'www2.acme.com', domain: 'www2.acme.com', why: 'www2 is not www' },
  { website: 'www.', problem: 'single-label', why: 'www alone' },

  // Empty.
  { website: '', problem: 'missing' },
  { website: '   \t\n', problem: 'missing', why: 'whitespace only' },
  { website: null, problem: 'missing' },
  { website: undefined, problem: 'missing' },

  // Other schemes.
  { website: 'mailto:sales@acme.com', problem: 'scheme' },
  { website: 'javascript:alert(1)', problem: 'scheme' },
  { website: 'ftp://files.acme.com/pub', problem: 'scheme' },
  { website: 'data:text/html,<p>acme</p>', problem: 'scheme' },
  { website: 'file:///etc/hosts', problem: 'scheme' },
  { website: 'ws://acme.com', problem: 'scheme' },
  { website: 'tel:+15551234567', problem: 'scheme' },

  // IP addresses.
  { website: '192.168.1.20', problem: 'ip-address', why: 'IPv4 without scheme' },
  { website: 'https://8.8.8.8:443/dns', problem: 'ip-address', why: 'IPv4 with port and path' },
  { website: 'http://0x7f.0.0.1', problem: 'ip-address', why: 'hexadecimal IPv4' },
  { website: 'http://2130706433', problem: 'ip-address', why: 'IPv4 as one number' },
  { website: 'http://127.1', problem: 'ip-address', why: 'shortened IPv4' },
  { website: 'http://0177.0.0.1', problem: 'ip-address', why: 'octal IPv4' },
  { website: 'http://[::1]', problem: 'ip-address', why: 'IPv6 loopback' },
  { website: 'https://[2001:db8::1]:8443/', problem: 'ip-address', why: 'IPv6 with port' },

  // localhost.
  { website: 'localhost', problem: 'localhost' },
  { website: 'localhost:3000', problem: 'localhost' },
  { website: 'http://LOCALHOST.:8080/', problem: 'localhost', why: 'uppercase with trailing dot' },
  { website: 'foo.localhost', problem: 'localhost' },
  { website: 'https://app.dev.localhost/', problem: 'localhost' },

  // Single labels.
  { website: 'https://intranet/wiki', problem: 'single-label' },
  { website: 'intranet.', problem: 'single-label', why: 'single label with trailing dot' },

  // Lengths.
  { website: `${label('a', 63)}.com`, domain: `${label('a', 63)}.com`, why: '63-character label' },
  { website: `${label('a', 64)}.com`, problem: 'too-long', why: '64-character label' },
  { website: `shop.${label('x', 64)}`, problem: 'too-long', why: '64-character top-level label' },
  { website: HOST_253, domain: HOST_253, why: '253-character host' },
  { website: `https://${HOST_253}./`, domain: HOST_253, why: '253-character host with a trailing dot' },
  { website: HOST_254, problem: 'too-long', why: '254-character host' },
  { website: `www.${HOST_253}`, problem: 'too-long', why: 'the host is over 253 even though the domain is not' },

  // Characters.
  { website: 'acme_corp.com', problem: 'characters', why: 'underscore' },
  { website: 'https://my_shop.acme.com', problem: 'characters', why: 'underscore in a subdomain' },
  { website: 'acme corp.com', problem: 'characters', why: 'space inside' },
  { website: 'acme..com', problem: 'characters', why: 'empty label' },
  { website: '.acme.com', problem: 'characters', why: 'leading dot' },
  { website: '-acme.com', problem: 'characters', why: 'label starting with a hyphen' },
  { website: 'acme-.com', problem: 'characters', why: 'label ending with a hyphen' },
  { website: 'acme.-com', problem: 'characters', why: 'top-level label starting with a hyphen' },
  { website: 'acme!.com', problem: 'characters', why: 'exclamation mark' },
  { website: 'http://', problem: 'characters', why: 'scheme without host' },
  { website: '?x=1#top', problem: 'characters', why: 'query and fragment with no host' },
  { website: 'acme-corp.com', domain: 'acme-corp.com', why: 'inner hyphen is allowed' },
  { website: '3m.com', domain: '3m.com', why: 'label starting with a digit' },
];

const show = (website: string | null | undefined): string =>
  typeof website === 'string' ? JSON.stringify(website) : String(website);

describe('checkWebsite', () => {
  it('has at least 45 cases', () => {
    expect(CASES.length).to.be.at.least(45);
  });

  for (const testCase of CASES) {
    const title = `${show(testCase.website)} → ${'domain' in testCase ? testCase.domain : `rejected (${testCase.problem})`}${testCase.why ? ` — ${testCase.why}` : ''}`;
    it(title, () => {
      if ('domain' in testCase) {
        expect(checkWebsite(testCase.website)).to.deep.equal({ ok: true, domain: testCase.domain });
      } else {
        expect(checkWebsite(testCase.website)).to.deep.equal({ ok: false, problem: testCase.problem });
      }
    });
  }
});

describe('normalizeDomain', () => {
  for (const testCase of CASES) {
    if ('domain' in testCase) {
      it(`${show(testCase.website)} → ${testCase.domain}`, () => {
        expect(normalizeDomain(testCase.website)).to.equal(testCase.domain);
      });
    } else {
      it(`${show(testCase.website)} throws invalid-website (${testCase.problem})`, () => {
        let thrown: unknown;
        try {
          normalizeDomain(testCase.website);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).to.be.instanceOf(CapacityError);
        const error = thrown as CapacityError;
        expect(error.code).to.equal('invalid-website');
        expect(error.name).to.equal('CapacityError');
        expect(error.message).to.equal(websiteProblemText(testCase.problem));
      });
    }
  }
});

describe('websiteProblemText', () => {
  const problems: readonly WebsiteProblem[] = [
    'missing',
    'scheme',
    'ip-address',
    'localhost',
    'single-label',
    'too-long',
    'characters',
  ];
  for (const problem of problems) {
    it(`explains ${problem} in a sentence`, () => {
      const text = websiteProblemText(problem);
      expect(text).to.match(/^[A-Z].{20,}\.$/);
      // Words for a person, not the machine code.
      if (problem.includes('-')) expect(text).not.to.contain(problem);
    });
  }

  it('gives every problem its own text', () => {
    expect(new Set(problems.map(websiteProblemText)).size).to.equal(problems.length);
  });
});
