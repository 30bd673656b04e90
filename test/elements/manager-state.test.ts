import { expect } from '@open-wc/testing';
import {
  initialManagerState,
  nextManagerState,
  type ManagerEffect,
  type ManagerEvent,
  type ManagerState,
} from '../../src/elements/capacity-manager/manager-state.js';

// The Capacity Manager's opening and closing, with no DOM: what each sequence of events does, and
// which events the manager dispatches for it.

type Opener = string;

function run(events: ManagerEvent<Opener>[]): { state: ManagerState<Opener>; effects: ManagerEffect[] } {
  let state = initialManagerState<Opener>();
  const effects: ManagerEffect[] = [];
  for (const event of events) {
    const next = nextManagerState(state, event);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

const show = (ready: boolean, opener = 'nav'): ManagerEvent<Opener> => ({
  type: 'open',
  announce: true,
  opener,
  ready,
});
const setOpen = (ready: boolean): ManagerEvent<Opener> => ({
  type: 'open',
  announce: false,
  opener: 'somewhere',
  ready,
});
const close: ManagerEvent<Opener> = { type: 'close', announce: true };
const unsetOpen: ManagerEvent<Opener> = { type: 'close', announce: false };
const shown: ManagerEvent<Opener> = { type: 'shown' };
const hidden: ManagerEvent<Opener> = { type: 'hidden' };

describe('the Capacity Manager’s state machine', () => {
  it('show() with the chunk there: open, announced once the dialog shows; close() announced once it has closed', () => {
    // Said once the dialog shows, not before: it may not (the element is not on the page yet).
    expect(run([show(true)])).to.deep.equal({
      state: { phase: 'open', opener: 'nav', shown: false, announceOpen: true, announceClose: false },
      effects: [],
    });
    expect(run([show(true), shown]).effects).to.deep.equal(['announce-open']);
    expect(run([show(true), shown, close]).state).to.include({ phase: 'closed', announceClose: true });
    const closed = run([show(true), shown, close, hidden]);
    expect(closed.effects).to.deep.equal(['announce-open', 'announce-close']);
    expect(closed.state).to.deep.equal(initialManagerState());
  });

  it('the host setting and clearing open announces nothing', () => {
    expect(run([setOpen(true), shown, unsetOpen, hidden]).effects).to.deep.equal([]);
  });

  it('show() before the chunk: loading, then open when it comes, announced when the dialog shows', () => {
    expect(run([show(false)]).state.phase).to.equal('loading');
    expect(run([show(false), { type: 'loaded' }]).state.phase).to.equal('open');
    expect(run([show(false), { type: 'loaded' }, shown]).effects).to.deep.equal(['announce-open']);
  });

  it('a chunk that fails: load-failed until a load succeeds; closing it says nothing', () => {
    expect(run([show(false), { type: 'load-failed' }]).state.phase).to.equal('load-failed');
    expect(run([show(false), { type: 'load-failed' }, { type: 'loaded' }]).state.phase).to.equal('open');
    const abandoned = run([show(false), { type: 'load-failed' }, close]);
    expect(abandoned.state.phase).to.equal('closed');
    expect(abandoned.effects).to.deep.equal([]);
  });

  it('closed before the dialog came: nothing is said, and the next opening starts afresh', () => {
    const { state, effects } = run([show(false), close, setOpen(false), { type: 'loaded' }, shown]);
    expect(effects).to.deep.equal([]);
    expect(state.opener).to.equal('somewhere');
  });

  it('show() then close() in one task, or close() then show(), says nothing', () => {
    expect(run([show(true), close]).effects).to.deep.equal([]);
    const reopened = run([show(true), shown, close, show(true, 'elsewhere')]);
    expect(reopened.effects).to.deep.equal(['announce-open']);
    expect(reopened.state).to.include({ phase: 'open', opener: 'nav', announceOpen: false, announceClose: false });
  });

  it('show() while open, and close() while closed, change nothing', () => {
    const open = run([show(true), shown]);
    expect(nextManagerState(open.state, show(true, 'other'))).to.deep.equal({ state: open.state, effects: [] });
    const closed = initialManagerState<Opener>();
    expect(nextManagerState(closed, close)).to.deep.equal({ state: closed, effects: [] });
  });
});
