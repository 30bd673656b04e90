import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { css, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LazyBody, type ElementBody } from '../../src/controllers/lazy-body.js';
import { defineElement } from '../../src/define-element.js';
import { nextTask } from '../helpers/wait.js';

/** The body a `LazyBodyTestHost` loads: it records the host lifecycle it is given. */
class TestBody implements ElementBody {
  readonly styles = [
    css`
      p {
        color: rgb(10, 20, 30);
      }
    `,
  ];
  readonly #host: LazyBodyTestHost;
  connected = 0;
  updated = 0;
  disconnected = 0;

  constructor(host: LazyBodyTestHost) {
    this.#host = host;
  }

  hostConnected(): void {
    this.connected++;
  }

  hostUpdated(): void {
    this.updated++;
  }

  hostDisconnected(): void {
    this.disconnected++;
  }

  render(): TemplateResult {
    return html`<p>Body of ${this.#host.label}</p>`;
  }
}

/** A load the test settles: each call of `load` waits for `resolve()` or `reject()`. */
class ControlledLoader {
  calls = 0;
  #pending: { resolve: () => void; reject: (error: unknown) => void } | undefined;

  readonly load = (host: LazyBodyTestHost): Promise<TestBody> => {
    this.calls++;
    return new Promise<TestBody>((resolve, reject) => {
      this.#pending = { resolve: () => resolve(new TestBody(host)), reject };
    });
  };

  resolve(): void {
    this.#take().resolve();
  }

  reject(error: unknown): void {
    this.#take().reject(error);
  }

  #take(): { resolve: () => void; reject: (error: unknown) => void } {
    const pending = this.#pending;
    if (!pending) throw new Error('No load is waiting.');
    this.#pending = undefined;
    return pending;
  }
}

/** A host as the widget's elements use `LazyBody`: it loads its body when it becomes `active`. */
class LazyBodyTestHost extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }

    p {
      margin: 0;
      color: rgb(1, 2, 3);
    }
  `;

  @property() label = 'test';
  @property({ type: Boolean }) active = false;
  /** Set by each test before the body loads. */
  loader = new ControlledLoader();
  readonly lazy: LazyBody<TestBody> = new LazyBody<TestBody>(this, () => this.loader.load(this));
  /** Updates run, to wait for one without waiting for the load. */
  updates = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.active && changed.has('active')) void this.lazy.load();
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.lazy.updateComplete(() => super.getUpdateComplete());
  }

  protected override updated(): void {
    this.updates++;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.lazy.body) return this.lazy.body.render();
    return this.lazy.failed ? html`<p class="failed">Could not load.</p>` : nothing;
  }
}

defineElement('lazy-body-test-host', LazyBodyTestHost);

declare global {
  interface HTMLElementTagNameMap {
    'lazy-body-test-host': LazyBodyTestHost;
  }
}

async function host(): Promise<LazyBodyTestHost> {
  return fixture<LazyBodyTestHost>(html`<lazy-body-test-host></lazy-body-test-host>`);
}

function shown(el: LazyBodyTestHost): string | undefined {
  return el.shadowRoot!.querySelector('p')?.textContent;
}

/**
 * Whether `promise` has settled after a task: long enough for every update and microtask queued
 * now to run; the load it might wait for is held by the test and cannot settle meanwhile.
 */
async function settledNow(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await nextTask();
  return settled;
}

/** Replaces console.error while `run` runs; returns what was logged. */
async function loggingErrors(run: () => Promise<void>): Promise<unknown[][]> {
  const original = console.error;
  const logged: unknown[][] = [];
  console.error = (...args: unknown[]) => void logged.push(args);
  try {
    await run();
  } finally {
    console.error = original;
  }
  return logged;
}

describe('LazyBody', () => {
  it('renders nothing of the body until it has loaded', async () => {
    const el = await host();
    expect(el.shadowRoot!.children).to.have.length(0);
    expect(el.lazy.body).to.be.undefined;

    const loading = el.lazy.load();
    await waitUntil(() => el.updates === 2, 'load() did not request an update');
    expect(el.shadowRoot!.children, 'nothing while loading').to.have.length(0);
    expect(el.lazy.failed).to.be.false;

    el.loader.resolve();
    await loading;
    await el.updateComplete;
    expect(shown(el)).to.equal('Body of test');
    expect(el.lazy.body).to.be.instanceOf(TestBody);
  });

  it('resolves updateComplete only once the body has rendered', async () => {
    const el = await host();
    void el.lazy.load();
    const complete = el.updateComplete;
    expect(await settledNow(complete), 'updateComplete while loading').to.be.false;

    el.loader.resolve();
    expect(await complete).to.be.true;
    expect(shown(el), 'rendered when updateComplete resolves').to.equal('Body of test');
  });

  it('resolves updateComplete only once the body has rendered when an update starts the load', async () => {
    const el = await host();
    el.active = true;
    // Asked before the update that starts the load has run.
    const complete = el.updateComplete;
    await waitUntil(() => el.loader.calls === 1, 'the update did not start the load');
    expect(await settledNow(complete), 'updateComplete while loading').to.be.false;
    expect(el.shadowRoot!.children).to.have.length(0);

    el.loader.resolve();
    expect(await complete).to.be.true;
    expect(shown(el)).to.equal('Body of test');
  });

  it("adopts the body's styles after the host's own", async () => {
    const el = await host();
    const hostSheets = [...el.shadowRoot!.adoptedStyleSheets];
    expect(hostSheets).to.have.length(1);

    el.active = true;
    await waitUntil(() => el.loader.calls === 1, 'the update did not start the load');
    el.loader.resolve();
    await el.updateComplete;

    const sheets = el.shadowRoot!.adoptedStyleSheets;
    expect(sheets).to.have.length(2);
    expect(sheets[0] === hostSheets[0], "the host's static styles first").to.be.true;
    expect(sheets[1] === el.lazy.body!.styles[0].styleSheet, "then the body's").to.be.true;
    const paragraph = el.shadowRoot!.querySelector('p')!;
    const style = getComputedStyle(paragraph);
    expect(style.color, "the body's rule, after the host's").to.equal('rgb(10, 20, 30)');
    expect(style.marginTop, "the host's rule still applies").to.equal('0px');
    expect(getComputedStyle(el).display).to.equal('block');
  });

  it('gives the body the host lifecycle from then on', async () => {
    const el = await host();
    el.active = true;
    await waitUntil(() => el.loader.calls === 1, 'the update did not start the load');
    el.loader.resolve();
    await el.updateComplete;
    const body = el.lazy.body!;
    expect(body.connected, 'hostConnected on a connected host').to.equal(1);
    expect(body.updated, 'hostUpdated after the update that rendered it').to.be.at.least(1);

    const before = body.updated;
    el.label = 'changed';
    await el.updateComplete;
    expect(body.updated).to.equal(before + 1);
    expect(shown(el)).to.equal('Body of changed');

    el.remove();
    expect(body.disconnected).to.equal(1);
  });

  it('sets failed and logs once when the load fails; load() tries again and succeeds', async () => {
    const el = await host();
    const error = new Error('offline');
    const logged = await loggingErrors(async () => {
      const loading = el.lazy.load();
      el.loader.reject(error);
      await loading; // a failed load resolves: the host shows the failure
      await el.updateComplete;
    });
    expect(el.lazy.failed).to.be.true;
    expect(el.lazy.body).to.be.undefined;
    expect(logged).to.have.length(1);
    expect(logged[0]).to.deep.equal(['<lazy-body-test-host>: its code could not be loaded.', error]);
    expect(el.shadowRoot!.querySelector('p.failed'), 'the host says so').to.exist;

    const retry = el.lazy.load();
    // Still failed while the retry runs, so that the host keeps its Retry (and the focus on it) in place.
    expect(el.lazy.failed, 'failed until the retry settles').to.be.true;
    expect(el.lazy.loading).to.be.true;
    expect(el.loader.calls).to.equal(2);
    el.loader.resolve();
    await retry;
    await el.updateComplete;
    expect(el.lazy.failed).to.be.false;
    expect(el.lazy.loading).to.be.false;
    expect(shown(el)).to.equal('Body of test');
  });

  it('shares one load between concurrent load() calls, and loads nothing once loaded', async () => {
    const el = await host();
    const first = el.lazy.load();
    const second = el.lazy.load();
    expect(second).to.equal(first);
    expect(el.loader.calls).to.equal(1);

    el.loader.resolve();
    await Promise.all([first, second]);
    await el.lazy.load();
    expect(el.loader.calls).to.equal(1);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('p')).to.have.length(1);
  });
});
