/**
 * The Capacity Manager's opening and closing as one state machine, with no DOM. The manager's dialog
 * and table are a chunk of their own: until it has loaded (`loading`), or when it could not be
 * (`load-failed`, until a retry succeeds), a small dialog stands in; `open` is the real dialog. Its open and close
 * events are
 * for `show()`, `close()` and the user, never for the host setting `open` (docs/contract.md#events),
 * and are announced when the real dialog does open or close: an opening closed before the dialog came
 * (or a close() and show() in one task) says nothing.
 */
export type ManagerPhase = 'closed' | 'loading' | 'load-failed' | 'open';

export interface ManagerState<Opener> {
  phase: ManagerPhase;
  /** Where focus was when it was asked to open: it goes back there when it closes. */
  opener: Opener | undefined;
  /** Whether the real dialog is showing. */
  shown: boolean;
  /** `show()` opened it: `capacity-manager-open` is due once the real dialog shows. */
  announceOpen: boolean;
  /** `close()` or the user closed it: `capacity-manager-close` is due once the real dialog has closed. */
  announceClose: boolean;
}

export type ManagerEvent<Opener> =
  /** `show()` (`announce`) or the host setting `open` (quiet); `ready` when the chunk is there. */
  | { type: 'open'; announce: boolean; opener: Opener | undefined; ready: boolean }
  /** `close()` or the user (`announce`), or the host clearing `open` (quiet). */
  | { type: 'close'; announce: boolean }
  | { type: 'loaded' }
  | { type: 'load-failed' }
  /** The real dialog showed, or closed. */
  | { type: 'shown' }
  | { type: 'hidden' };

export type ManagerEffect = 'announce-open' | 'announce-close';

export function initialManagerState<Opener>(): ManagerState<Opener> {
  return { phase: 'closed', opener: undefined, shown: false, announceOpen: false, announceClose: false };
}

/** The state after `event`, and the events to dispatch now. */
export function nextManagerState<Opener>(
  state: ManagerState<Opener>,
  event: ManagerEvent<Opener>,
): { state: ManagerState<Opener>; effects: ManagerEffect[] } {
  const { phase } = state;
  const to = (changes: Partial<ManagerState<Opener>>, effects: ManagerEffect[] = []) => ({
    state: { ...state, ...changes },
    effects,
  });
  switch (event.type) {
    case 'open':
      if (phase !== 'closed') return to({});
      // Reopened before the dialog had closed: nothing happened, so nothing is said, and focus still goes back to the
      // first opener.
      return to({
        phase: event.ready ? 'open' : 'loading',
        opener: state.shown ? state.opener : event.opener,
        announceOpen: event.announce && !state.shown,
        announceClose: false,
      });
    case 'close':
      if (phase === 'closed') return to({});
      return to({ phase: 'closed', announceOpen: false, announceClose: event.announce && state.shown });
    case 'loaded':
      return phase === 'loading' || phase === 'load-failed' ? to({ phase: 'open' }) : to({});
    case 'load-failed':
      return phase === 'loading' ? to({ phase: 'load-failed' }) : to({});
    case 'shown':
      return to({ shown: true, announceOpen: false }, state.announceOpen ? ['announce-open'] : []);
    case 'hidden':
      return to(
        { shown: false, announceClose: false, opener: undefined },
        state.announceClose ? ['announce-close'] : [],
      );
  }
}
