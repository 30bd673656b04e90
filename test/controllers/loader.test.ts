import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { Loader } from '../../src/controllers/loader.js';
import { CapacityError } from '../../src/core/errors.js';

/** A run the test settles: its arguments, its signal, and the hands to settle it. */
interface Run {
  args: [string];
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

class LoaderHost extends LitElement {
  static override properties = { key: {} };
  declare key: string | undefined;
  readonly runs: Run[] = [];
  readonly loader = new Loader<[string], string>(this, {
    args: () => (this.key === undefined ? undefined : [this.key]),
    run: (args, signal) => new Promise((resolve, reject) => this.runs.push({ args, signal, resolve, reject })),
    keepValue: ([previous], [next]) => previous[0] === next[0],
  });

  constructor() {
    super();
    this.key = 'a';
  }

  protected override render(): TemplateResult {
    return html`${this.loader.status}:${this.loader.value ?? ''}`;
  }
}
customElements.define('loader-host', LoaderHost);

const settled = async (host: LoaderHost): Promise<string> => {
  await new Promise((resolve) => setTimeout(resolve)); // the run's promise settles in a task of its own
  await host.updateComplete;
  return host.shadowRoot!.textContent.trim();
};

describe('Loader', () => {
  it('runs with the host’s arguments before its first render, and renders the answer', async () => {
    const host = await fixture<LoaderHost>(html`<loader-host></loader-host>`);
    expect(host.shadowRoot!.textContent.trim()).to.equal('pending:');
    expect(host.runs.map((run) => run.args)).to.deep.equal([['a']]);
    host.runs[0].resolve('answer a');
    expect(await settled(host)).to.equal('complete:answer a');
  });

  it('a change of arguments aborts the run under way, whose late answer is dropped', async () => {
    const host = await fixture<LoaderHost>(html`<loader-host></loader-host>`);
    host.key = 'b';
    await host.updateComplete;
    expect(host.runs.map((run) => [run.args[0], run.signal.aborted])).to.deep.equal([
      ['a', true],
      ['b', false],
    ]);
    host.runs[1].resolve('answer b');
    host.runs[0].resolve('answer a, late');
    expect(await settled(host)).to.equal('complete:answer b');
  });

  it('keeps the value on show while a run it may stand for is pending, and drops it otherwise', async () => {
    const host = await fixture<LoaderHost>(html`<loader-host></loader-host>`);
    host.runs[0].resolve('apple');
    await settled(host);
    host.key = 'avocado'; // the same first letter: keepValue says the value may stay
    await host.updateComplete;
    expect(host.shadowRoot!.textContent.trim()).to.equal('pending:apple');
    host.key = 'banana';
    await host.updateComplete;
    expect(host.shadowRoot!.textContent.trim()).to.equal('pending:');
  });

  it('a failure is its error, as a CapacityError; reload() runs again and clears it', async () => {
    const host = await fixture<LoaderHost>(html`<loader-host></loader-host>`);
    host.runs[0].reject(new TypeError('boom'));
    expect(await settled(host)).to.equal('error:');
    expect(host.loader.error).to.be.instanceOf(CapacityError);
    expect(host.loader.error?.code).to.equal('server');
    host.loader.reload();
    await host.updateComplete;
    expect(host.loader.error).to.equal(undefined);
    expect(host.runs).to.have.length(2);
    host.runs[1].resolve('again');
    expect(await settled(host)).to.equal('complete:again');
  });

  it('has nothing to read without arguments: idle, no run', async () => {
    const host = await fixture<LoaderHost>(html`<loader-host .key=${undefined}></loader-host>`);
    expect(host.runs).to.deep.equal([]);
    expect(host.loader.status).to.equal('idle');
  });

  it('a host that leaves the page mid-run aborts it, and reads again on its return, keeping its value', async () => {
    const host = await fixture<LoaderHost>(html`<loader-host></loader-host>`);
    host.runs[0].resolve('first');
    await settled(host);
    host.loader.reload();
    const parent = host.parentElement!;
    host.remove();
    expect(host.runs[1].signal.aborted).to.be.true;
    parent.append(host);
    await host.updateComplete;
    expect(host.runs).to.have.length(3);
    expect(host.shadowRoot!.textContent.trim()).to.equal('pending:first');
  });

  it('a value set from what the page learned replaces the answer, with no run', async () => {
    const host = await fixture<LoaderHost>(html`<loader-host></loader-host>`);
    host.runs[0].resolve('read');
    await settled(host);
    host.loader.value = 'learned';
    await host.updateComplete;
    expect(host.shadowRoot!.textContent.trim()).to.equal('complete:learned');
    expect(host.runs).to.have.length(1);
  });
});
