import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ModalDialogController, type CloseRequest } from '../../src/controllers/modal-dialog.js';
import { deepActiveElement } from '../../src/focus.js';

/** A host whose dialog follows `open`; it lets the user close it unless `keepOpen`. */
class DialogHost extends LitElement {
  static override properties: PropertyDeclarations = { open: { type: Boolean } };
  declare open: boolean;
  keepOpen = false;
  /** Where focus goes back, if not to the element focused when it opened. */
  returnTarget: HTMLElement | undefined;
  readonly requests: CloseRequest[] = [];
  readonly shown: boolean[] = [];
  closed = 0;

  constructor() {
    super();
    this.open = false;
    new ModalDialogController(this, {
      dialog: () => this.renderRoot.querySelector('dialog'),
      open: () => this.open,
      onRequestClose: (request) => {
        this.requests.push(request);
        if (!this.keepOpen) this.open = false;
      },
      onShown: (dialog, again) => {
        this.shown.push(again);
        dialog.querySelector('button')?.focus();
      },
      onClosed: () => this.closed++,
      returnFocus: () => this.returnTarget,
    });
  }

  get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  protected override render(): TemplateResult {
    return html`<dialog aria-label="Test"><button>Inside</button></dialog>`;
  }
}
customElements.define('dialog-host', DialogHost);

async function page(): Promise<{ host: DialogHost; opener: HTMLButtonElement }> {
  const root = await fixture<HTMLElement>(html`<div><button>Opener</button><dialog-host></dialog-host></div>`);
  const opener = root.querySelector('button')!;
  opener.focus();
  const host = root.querySelector<DialogHost>('dialog-host')!;
  host.open = true;
  await host.updateComplete;
  return { host, opener };
}

describe('ModalDialogController', () => {
  it('shows the dialog as modal when the host opens it, and closes it with focus back on the opener', async () => {
    const { host, opener } = await page();
    expect(host.dialog.matches(':modal')).to.be.true;
    expect(host.shown).to.deep.equal([false]);
    expect(deepActiveElement()?.textContent).to.equal('Inside');
    host.open = false;
    await host.updateComplete;
    expect(host.dialog.open).to.be.false;
    expect(deepActiveElement()).to.equal(opener);
    expect(host.closed).to.equal(1);
  });

  it('gives focus to the element the host names, rather than the one the browser would restore', async () => {
    const { host } = await page();
    const target = document.createElement('button');
    document.body.append(target);
    try {
      host.returnTarget = target;
      host.open = false;
      await host.updateComplete;
      expect(deepActiveElement()).to.equal(target);
    } finally {
      target.remove();
    }
  });

  it('asks the host on Escape, and keeps the dialog the host keeps open', async () => {
    const { host, opener } = await page();
    host.keepOpen = true;
    await sendKeys({ press: 'Escape' });
    await host.updateComplete;
    // Without a user activation the browser does not let the cancel be prevented and closes the dialog
    // as well: the host is asked again, and what it keeps open is shown again.
    expect(host.requests[0]).to.equal('escape');
    expect(host.requests.slice(1)).to.deep.equal(host.requests.length > 1 ? ['browser'] : []);
    expect(host.dialog.matches(':modal'), 'still open').to.be.true;
    host.keepOpen = false;
    await sendKeys({ press: 'Escape' });
    await host.updateComplete;
    expect(host.dialog.open).to.be.false;
    expect(deepActiveElement()).to.equal(opener);
  });

  it('shows again a dialog the browser closed while the host keeps it open; closes for good otherwise', async () => {
    const { host, opener } = await page();
    host.keepOpen = true;
    host.dialog.close(); // what a close watcher does on a second Escape, without a cancel event
    await new Promise((resolve) => host.dialog.addEventListener('close', resolve, { once: true }));
    await host.updateComplete;
    expect(host.requests).to.deep.equal(['browser']);
    expect(host.dialog.matches(':modal')).to.be.true;
    host.keepOpen = false;
    host.dialog.close();
    await new Promise((resolve) => host.dialog.addEventListener('close', resolve, { once: true }));
    await host.updateComplete;
    expect(host.open).to.be.false;
    expect(deepActiveElement()).to.equal(opener);
    expect(host.closed).to.equal(1);
  });

  it('keeps it open, modal and quiet when the host is moved in the page', async () => {
    const { host } = await page();
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    try {
      elsewhere.append(host);
      await host.updateComplete;
      const close = new Promise((resolve) => host.dialog.addEventListener('close', resolve, { once: true }));
      await close; // the close of its removal arrives, and is not the user's
      await host.updateComplete;
      expect(host.dialog.matches(':modal')).to.be.true;
      expect(host.shown).to.deep.equal([false, true]);
      expect(host.requests).to.deep.equal([]);
      expect(host.closed).to.equal(0);
    } finally {
      elsewhere.remove();
    }
  });

  it('asks the host on a press and release on the backdrop, not on a drag that ends there', async () => {
    const { host } = await page();
    host.keepOpen = true;
    const at = { clientX: 2, clientY: 2, bubbles: true };
    host.dialog.dispatchEvent(new PointerEvent('pointerdown', at));
    host.dialog.dispatchEvent(new MouseEvent('click', at));
    expect(host.requests).to.deep.equal(['backdrop']);
    host.dialog.querySelector('button')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    host.dialog.dispatchEvent(new MouseEvent('click', at));
    expect(host.requests).to.deep.equal(['backdrop']);
  });
});
