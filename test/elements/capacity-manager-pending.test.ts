import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { http, passthrough } from 'msw';
import { startMockApi, worker } from '../../mocks/browser.js';
import { defineElement } from '../../src/define-element.js';
import { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import { deepActiveElement } from '../../src/focus.js';
import { disposeTestBackends, testBackend } from '../helpers/backends.js';
import { expectFocusOn, managerWithOpener, panelOf } from '../helpers/capacity-manager.js';
import { readable } from '../helpers/dom.js';
import { makeRegistrations } from '../helpers/registrations.js';

/*
 * The manager opened before its chunk (src/controllers/lazy-body.ts) has arrived: a slow network,
 * or a click before the idle prefetch. MSW's service worker holds the module request until the test
 * lets it through. A file of its own: once the chunk has loaded it stays loaded for the page.
 */

defineElement('capacity-manager', CapacityManagerElement);
defineElement('capacity-meter', CapacityMeterElement);

/** Holds every request for the manager's chunk until `release()`, then lets it through to the server. */
function holdManagerChunk(): { requested: Promise<void>; release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requested!: () => void;
  const requestSeen = new Promise<void>((resolve) => (requested = resolve));
  worker.use(
    http.get(
      ({ request }) => new URL(request.url).pathname.endsWith('/capacity-manager-dialog.ts'),
      async () => {
        requested();
        await released;
        return passthrough();
      },
    ),
  );
  return { requested: requestSeen, release };
}

/** The dialog that stands in while the chunk loads, if one is shown. */
function standInOf(manager: CapacityManagerElement): HTMLDialogElement | undefined {
  const status = [...manager.shadowRoot!.querySelectorAll('[role="status"]')].find(
    (element) => readable(element.textContent) === 'Loading the Capacity Manager…',
  );
  // A closed dialog is not shown: only an open one stands in.
  const dialog = status?.closest('dialog');
  return dialog?.open ? dialog : undefined;
}

before(() => startMockApi());

afterEach(async () => {
  worker.resetHandlers();
  await disposeTestBackends();
});

describe('<capacity-manager> opened before its chunk has arrived', () => {
  it('stands in with a modal loading dialog; closing it is quiet; the manager opens, and announces, when the chunk comes', async () => {
    const chunk = holdManagerChunk();
    const { opener, manager, events } = await managerWithOpener(await testBackend(makeRegistrations(3)));

    // show(), as a click on the navigation button does: the stand-in, modal, named, with focus in it.
    opener.focus();
    manager.show();
    await chunk.requested;
    await waitUntil(() => standInOf(manager)?.open, 'no loading dialog');
    const standIn = standInOf(manager)!;
    expect(standIn.matches(':modal')).to.be.true;
    expect(
      readable(manager.shadowRoot!.getElementById(standIn.getAttribute('aria-labelledby')!)?.textContent),
    ).to.equal('Partner Registration Capacity');
    const focused = deepActiveElement();
    expect(focused && standIn.contains(focused), 'focus is in the dialog').to.be.true;
    expect(events, 'the manager itself has not opened').to.deep.equal([]);
    await expect(manager).to.be.accessible();

    // The host closes it before the chunk comes: quiet, and focus is back on the opener.
    manager.close();
    await waitUntil(() => !standInOf(manager), 'the loading dialog did not go');
    expectFocusOn(opener);
    expect(events).to.deep.equal([]);

    // Now the host sets `open` itself, which announces nothing: the show() before is forgotten.
    manager.open = true;
    await waitUntil(() => standInOf(manager)?.open, 'no loading dialog');
    chunk.release();
    await waitUntil(() => panelOf(manager), 'the manager did not open when its chunk came');
    const dialog = manager.shadowRoot!.querySelector('dialog')!;
    expect(dialog.matches(':modal')).to.be.true;
    expect(standInOf(manager), 'only the manager is left').to.be.undefined;
    expect(events, 'setting open announces nothing').to.deep.equal([]);

    // close() announces, and focus goes back to where it was when `open` was set.
    const closed = oneEvent(manager, 'capacity-manager-close');
    manager.close();
    await closed;
    expectFocusOn(opener);

    // From now on the chunk is there: show() opens at once, and says so.
    const opened = oneEvent(manager, 'capacity-manager-open');
    manager.show();
    await opened;
    expect(standInOf(manager)).to.be.undefined;
    expect(events).to.deep.equal(['capacity-manager-close', 'capacity-manager-open']);
  });
});
