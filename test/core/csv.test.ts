import { expect } from '@open-wc/testing';
import { BOM, csvField, csvRecord, csvText } from '../../src/core/csv.js';

// RFC 4180 as spreadsheet programs read it, and OWASP's CSV injection defence.

describe('csvField', () => {
  it('writes a plain field as it is', () => {
    expect(csvField('northwind.example')).to.equal('northwind.example');
    expect(csvField('')).to.equal('');
    expect(csvField('Müller & Söhne')).to.equal('Müller & Söhne');
  });

  it('quotes a field holding a comma, a CR or an LF', () => {
    expect(csvField('Acme, Inc.')).to.equal('"Acme, Inc."');
    expect(csvField('line one\nline two')).to.equal('"line one\nline two"');
    expect(csvField('line one\r\nline two')).to.equal('"line one\r\nline two"');
    expect(csvField('cr\ronly')).to.equal('"cr\ronly"');
  });

  it('quotes a field holding a quote, and doubles its quotes', () => {
    expect(csvField('The "Best" Co')).to.equal('"The ""Best"" Co"');
    expect(csvField('"')).to.equal('""""');
  });

  for (const start of ['=', '+', '-', '@', '\t', '\r']) {
    it(`neutralises a field that begins with ${JSON.stringify(start)} with a leading apostrophe`, () => {
      const value = `${start}HYPERLINK("https://evil.example","x")`;
      const neutralised = `'${value}`;
      const quoted = `"${neutralised.replace(/"/g, '""')}"`;
      expect(csvField(value)).to.equal(quoted);
      // Without quotes to add, the apostrophe alone.
      expect(csvField(`${start}1`)).to.equal(start === '\r' ? `"'${start}1"` : `'${start}1`);
    });
  }

  it('leaves those characters alone anywhere but at the start', () => {
    expect(csvField('a=b')).to.equal('a=b');
    expect(csvField('co-op')).to.equal('co-op');
    expect(csvField('sales@acme.example')).to.equal('sales@acme.example');
    expect(csvField(" '=1")).to.equal(" '=1");
  });
});

describe('csvRecord and csvText', () => {
  it('separates fields with commas and ends each record with CRLF', () => {
    expect(csvRecord(['a', 'b, c', ''])).to.equal('a,"b, c",\r\n');
  });

  it('starts the file with a UTF-8 byte order mark, then every record', async () => {
    const text = csvText([
      ['Domain', 'Company'],
      ['café.example', 'Crème Brûlée SARL'],
    ]);
    expect(text).to.equal(`${BOM}Domain,Company\r\ncafé.example,Crème Brûlée SARL\r\n`);
    // As bytes: EF BB BF, then the UTF-8 of the text.
    const bytes = new Uint8Array(await new Blob([text]).arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).to.equal(text.slice(1)); // TextDecoder drops the BOM
  });
});
