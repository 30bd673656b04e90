import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Registration, RegistrationPolicy } from '../../src/core/types.js';
import type { CapacityManagerPanelElement } from '../../src/elements/capacity-manager/capacity-manager-panel.js';
import { setMessages } from '../../src/i18n/localizer.js';
import { ControlledBackend, disposeTestBackends, testBackend } from '../helpers/backends.js';
import {
  $,
  $$,
  confirmationOf,
  openManager,
  rowCheckbox,
  rows,
  settled,
  sortButton,
  statusText,
} from '../helpers/capacity-manager.js';
import { readable } from '../helpers/dom.js';
import { makeRegistrations } from '../helpers/registrations.js';

/** A policy that renews: registrations expire after 90 days and may be renewed in their last 30. */
const RENEWING: RegistrationPolicy = { termDays: 90, renewalWindowDays: 30, maxRenewals: null, review: false };
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

/** Registrations that the renewing policy renews now: each expires in 10 days. */
const renewable = (count: number): Registration[] =>
  makeRegistrations(count).map((row) => ({ ...row, expiresAt: inDays(10) }));

/*
 * Issue 13, items 3 and 6: the status region says what a search, a sort, a page or a page size
 * changed, once its answer is there (WCAG 4.1.3); a new page starts at the top of the table; a
 * disabled Deregister says why.
 */

afterEach(() => disposeTestBackends());

type Panel = CapacityManagerPanelElement;

/** A manager on 60 registrations whose reads the test lets through one by one. */
async function heldManager(): Promise<{ panel: Panel; backend: ControlledBackend }> {
  const backend = new ControlledBackend(await testBackend(renewable(60), { policy: RENEWING }));
  const { panel } = await openManager(backend);
  backend.hold.add('listRegistrations');
  return { panel, backend };
}

/** Runs `action`; the status region stays silent until its read is answered, then says `expected`. */
async function expectAnnouncement(
  panel: Panel,
  backend: ControlledBackend,
  action: () => void,
  expected: string,
): Promise<void> {
  action();
  const held = await backend.nextHeld();
  await panel.updateComplete;
  expect(statusText(panel), 'before the answer').to.equal('');
  held.proceed();
  await waitUntil(() => statusText(panel) !== '', `nothing was announced; expected “${expected}”`);
  expect(statusText(panel)).to.equal(expected);
  // Said, not shown: the rows, the sort mark and the range already show it.
  const status = $(panel, '[role="status"]');
  expect(status.getBoundingClientRect().height, 'the status line takes no room').to.be.below(2);
  await settled(panel);
}

function nextPage(panel: Panel): HTMLButtonElement {
  return $<HTMLButtonElement>(panel, '.pages button[title="Next page"]');
}

function setPageSize(panel: Panel, size: number): void {
  const select = $<HTMLSelectElement>(panel, '.page-size select');
  select.value = String(size);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function setFilter(panel: Panel, filter: string): void {
  const select = $<HTMLSelectElement>(panel, '#filter');
  select.value = filter;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function search(panel: Panel, text: string): void {
  const input = $<HTMLInputElement>(panel, '#search');
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
}

describe('<capacity-manager> status messages', () => {
  it('says the range after a page change and a page-size change, once the page is there', async () => {
    const { panel, backend } = await heldManager();
    await expectAnnouncement(panel, backend, () => nextPage(panel).click(), 'Showing 26–50 of 60.');
    await expectAnnouncement(panel, backend, () => setPageSize(panel, 10), 'Showing 1–10 of 60.');
    await expectAnnouncement(panel, backend, () => nextPage(panel).click(), 'Showing 11–20 of 60.');
  });

  it('says what a filter shows, once it is there', async () => {
    const { panel, backend } = await heldManager();
    await expectAnnouncement(panel, backend, () => setFilter(panel, 'pending'), 'No domains to show.');
    await expectAnnouncement(panel, backend, () => setFilter(panel, ''), 'Showing 1–25 of 60.');
  });

  it('says how many domains match a search, and when none does', async () => {
    const { panel, backend } = await heldManager();
    await expectAnnouncement(panel, backend, () => search(panel, 'company-05'), '10 domains match.');
    await expectAnnouncement(panel, backend, () => search(panel, 'company-060'), '1 domain matches.');
    await expectAnnouncement(panel, backend, () => search(panel, 'nothing-here'), 'No domain matches.');
    await expectAnnouncement(panel, backend, () => search(panel, ''), 'Showing 1–25 of 60.');
  });

  it('says the order after a sort', async () => {
    const { panel, backend } = await heldManager();
    await expectAnnouncement(panel, backend, () => sortButton(panel, 'Company').click(), 'Sorted by Company, A to Z.');
    await expectAnnouncement(panel, backend, () => sortButton(panel, 'Company').click(), 'Sorted by Company, Z to A.');
    await expectAnnouncement(
      panel,
      backend,
      () => sortButton(panel, 'Registered').click(),
      'Sorted by Registered, newest first.',
    );
    await expectAnnouncement(
      panel,
      backend,
      () => sortButton(panel, 'Expires').click(),
      'Sorted by Expires, soonest first.',
    );
    await expectAnnouncement(
      panel,
      backend,
      () => sortButton(panel, 'Expires').click(),
      'Sorted by Expires, latest first.',
    );
  });

  it('shows a deregistration’s outcome as well as saying it, after a page change said quietly', async () => {
    const { panel, backend } = await heldManager();
    await expectAnnouncement(panel, backend, () => nextPage(panel).click(), 'Showing 26–50 of 60.');
    backend.hold.delete('listRegistrations');
    rows(panel)[0].querySelector('input')!.click();
    await panel.updateComplete;
    $(panel, '#deregister').click();
    await waitUntil(() => confirmationOf(panel).open, 'the confirmation did not open');
    $(panel, '#confirm').click();
    await waitUntil(() => statusText(panel).startsWith('1 domain deregistered.'), 'no outcome');
    expect($(panel, '[role="status"]').getBoundingClientRect().height, 'on show').to.be.above(10);
  });

  it('shows a renewal’s outcome as well as saying it, after a page change said quietly', async () => {
    const { panel, backend } = await heldManager();
    await expectAnnouncement(panel, backend, () => nextPage(panel).click(), 'Showing 26–50 of 60.');
    backend.hold.delete('listRegistrations');
    rows(panel)[0].querySelector('input')!.click();
    await panel.updateComplete;
    $(panel, '#renew').click();
    await waitUntil(() => $<HTMLDialogElement>(panel, 'dialog.renewal').open, 'the renewal did not open');
    $(panel, '#renew-confirm').click();
    await waitUntil(() => statusText(panel).startsWith('1 domain renewed.'), 'no outcome');
    expect($(panel, '[role="status"]').getBoundingClientRect().height, 'on show').to.be.above(10);
  });

  it('says nothing for each keystroke: one search, one announcement', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(60)));
    const { panel } = await openManager(backend, { searchDelay: 50 });
    const input = $<HTMLInputElement>(panel, '#search');
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(statusText(panel)));
    observer.observe($(panel, '[role="status"]'), { childList: true, subtree: true, characterData: true });
    for (const text of ['c', 'co', 'com', 'comp', 'company-05']) {
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await waitUntil(() => statusText(panel) !== '', 'the search was not announced');
    await settled(panel);
    observer.disconnect();
    expect(said.filter((text) => text !== '')).to.deep.equal(['10 domains match.']);
  });
});

describe('<capacity-manager> table scrolling and reasons', () => {
  it('shows a new page, or a new page size, from its top', async () => {
    const backend = await testBackend(makeRegistrations(260));
    const { panel } = await openManager(backend);
    const scroller = $(panel, '.scroller');
    for (const change of [() => nextPage(panel).click(), () => setPageSize(panel, 100)]) {
      scroller.scrollTop = scroller.scrollHeight;
      expect(scroller.scrollTop, 'the table scrolls').to.be.above(0);
      const before = statusText(panel);
      change();
      await waitUntil(() => statusText(panel) !== before && statusText(panel) !== '', 'the change was not answered');
      await settled(panel);
      expect(scroller.scrollTop, 'the new page starts at the top').to.equal(0);
    }
  });

  it('a disabled Renew and Deregister say why, with the visible note beside them', async () => {
    const { panel } = await openManager(await testBackend(renewable(3), { policy: RENEWING }));
    for (const id of ['#renew', '#deregister']) {
      const button = $(panel, id);
      expect(button.getAttribute('aria-disabled'), id).to.equal('true');
      const note = panel.shadowRoot!.getElementById(button.getAttribute('aria-describedby') ?? '');
      expect(note?.textContent.trim(), id).to.equal('Select domains to renew or deregister them.');
      expect(note!.getClientRects().length, 'the note is visible').to.be.above(0);
    }
    rowCheckbox(panel, 'company-001.com').click();
    await panel.updateComplete;
    for (const id of ['#renew', '#deregister']) {
      const button = $(panel, id);
      expect(button.getAttribute('aria-disabled'), id).to.equal('false');
      expect(button.hasAttribute('aria-describedby'), `${id}: no reason once it can act`).to.equal(false);
    }
  });

  it('column headers are shown whole: wrapped, never cut off', async () => {
    // A translation longer than any built-in one, in every column.
    const long = 'Name der zuständigen Kontaktperson';
    const labels = [
      'table.domain',
      'table.company',
      'table.contactName',
      'table.country',
      'table.registeredAt',
    ] as const;
    setMessages('en', Object.fromEntries(labels.map((id) => [id, long])));
    try {
      for (const width of [800, 320]) {
        await setViewport({ width, height: 600 });
        const { panel } = await openManager(await testBackend(makeRegistrations(3)));
        await new Promise(requestAnimationFrame);
        const cut = $$(panel, 'th button.sort').flatMap((button) => {
          const label = button.querySelector('span')!;
          const box = label.getBoundingClientRect();
          const header = button.closest('th')!.getBoundingClientRect();
          const clipped =
            label.scrollWidth > label.clientWidth + 1 ||
            box.bottom > header.bottom + 1 ||
            box.right > header.right + 1 ||
            getComputedStyle(label).textOverflow === 'ellipsis';
          return clipped ? [`${width} px: ${Math.round(box.bottom)} > ${Math.round(header.bottom)}`] : [];
        });
        expect(cut).to.deep.equal([]);
        expect(readable($$(panel, 'th button.sort')[2].textContent)).to.equal(long);
      }
    } finally {
      setMessages('en', Object.fromEntries(labels.map((id) => [id, undefined])));
      await setViewport({ width: 800, height: 600 });
    }
  });
});
