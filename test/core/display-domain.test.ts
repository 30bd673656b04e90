import { expect } from '@open-wc/testing';
import { displayDomain, loadDecoder, onDomainsReadable } from '../../src/core/display-domain.js';
import { decodePunycode } from '../../src/core/punycode.js';

/** The ASCII form the browser's URL parser gives a host name: what the card registers (checkWebsite). */
const ascii = (host: string): string => new URL(`http://${host}`).hostname;

// First: the decoder is fetched by the first domain that needs it (other tests load it).
describe('displayDomain before its decoder is there', () => {
  it('shows a punycode domain in ASCII, fetches the decoder, and says when Unicode can be shown', async () => {
    let readable = 0;
    onDomainsReadable(() => (readable += 1));
    expect(displayDomain('xn--bcher-kva.de'), 'the safe form meanwhile').to.equal('xn--bcher-kva.de');
    expect(readable).to.equal(0);
    await loadDecoder();
    expect(readable, 'the listeners run once').to.equal(1);
    expect(displayDomain('xn--bcher-kva.de')).to.equal('bücher.de');
  });
});

describe('decodePunycode (RFC 3492)', () => {
  // RFC 3492 §7.1's samples, lowercased as a host name is: Chinese, Japanese, mixed with Latin and digits.
  const SAMPLES: readonly [string, string][] = [
    ['ihqwcrb4cv8a8dqg056pqjye', '他们为什么不说中文'],
    ['n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa', 'なぜみんな日本語を話してくれないのか'],
    ['3b-ww4c5e180e575a65lsy2b', '3年b組金八先生'],
    ['-with-super-monkeys-pc58ag80a8qai00g7n9n', '安室奈美恵-with-super-monkeys'],
    ['bcher-kva', 'bücher'],
  ];
  for (const [encoded, decoded] of SAMPLES) {
    it(`${encoded} → ${decoded}`, () => expect(decodePunycode(encoded)).to.equal(decoded));
  }

  it('decodes what Chromium encodes, in many scripts', () => {
    for (const word of [
      'münchen',
      'пример',
      'ελληνικά',
      'مثال',
      'דוגמה',
      'उदाहरण',
      'ตัวอย่าง',
      '한국어',
      'ქართული',
      'ñandú',
    ]) {
      const label = ascii(`${word}.example`).split('.')[0];
      expect(decodePunycode(label.slice('xn--'.length)), label).to.equal(word);
    }
  });

  it('says undefined for what is no punycode', () => {
    for (const label of ['bcher-kv_', 'zzzzzzzzzzzzzzzzzzzz', 'bcher-kva9']) {
      expect(decodePunycode(label), label).to.equal(undefined);
    }
  });
});

describe('displayDomain', () => {
  before(() => loadDecoder());

  const UNICODE = [
    'bücher.de',
    'münchen.example.com',
    '例え.jp',
    '日本語ドメイン.jp',
    'ドメイン名例.com',
    '한국어.kr',
    '중국어中國.kr',
    'пример.рф',
    'пример.com',
    'ελληνικά.gr',
    'مثال.إختبار',
    'דוגמה.co.il',
    'उदाहरण.भारत',
    'ñandú-2024.ar',
  ];
  for (const domain of UNICODE) {
    it(`shows ${ascii(domain)} as ${domain}`, () => expect(displayDomain(ascii(domain))).to.equal(domain));
  }

  it('keeps a plain domain as it is', () => {
    for (const domain of ['acme.com', 'shop.acme.co.uk', 'a-b.io']) expect(displayDomain(domain)).to.equal(domain);
  });

  const HOMOGRAPHS: readonly [string, string][] = [
    ['xn--80ak6aa92e.com', 'аррӏе.com: Cyrillic letters that read as “apple”'],
    [ascii('раураl.com'), 'Cyrillic with a Latin l'],
    [ascii('pаypal.com'), 'a Cyrillic а in a Latin name'],
    [ascii('gοogle.com'), 'a Greek ο in a Latin name'],
    [ascii('bücher.аррӏе.com'), 'one deceptive label: the whole domain stays ASCII'],
    [ascii('例えпример.jp'), 'Han with Cyrillic'],
    [ascii('♥.com'), 'a symbol, no letter'],
  ];
  for (const [domain, why] of HOMOGRAPHS) {
    it(`keeps ${domain} in punycode: ${why}`, () => {
      expect(domain).to.match(/xn--/);
      expect(displayDomain(domain)).to.equal(domain);
    });
  }

  it('shows Cyrillic look-alikes under a Cyrillic top-level domain', () => {
    expect(displayDomain(ascii('аррӏе.рф'))).to.equal('аррӏе.рф');
  });

  it('keeps a label that is no valid punycode, or whose Unicode is ASCII or uppercase, in ASCII', () => {
    for (const domain of ['xn--.com', 'xn--b!cher-kva.de', 'xn--abc-.com', 'xn--Bcher-kva.de']) {
      expect(displayDomain(domain), domain).to.equal(domain);
    }
  });
});
