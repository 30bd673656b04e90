import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement, focusIsLost } from '../focus.js';

/** How a user (or the browser on their behalf) asks a modal dialog to close. */
export type CloseRequest = 'escape' | 'backdrop' | 'browser';

export interface ModalDialogOptions {
  /** The `<dialog>` in the host's shadow root, once rendered. */
  dialog: () => HTMLDialogElement | null;
  /** Whether it should be showing now: the controller makes the dialog follow. */
  open: () => boolean;
  /**
   * The user asked to close it: Escape, a press and release on the backdrop, or the browser closed it
   * itself (a close watcher lets a second Escape through). The host decides: what it leaves open is
   * shown again.
   */
  onRequestClose: (request: CloseRequest) => void;
  /** It was shown, the first time (`again` false) or again after the host was moved in the page. */
  onShown?: (dialog: HTMLDialogElement, again: boolean) => void;
  /** It closed because `open()` turned false, after focus went back. */
  onClosed?: () => void;
  /** Where focus goes back when it closes; default the element focused when it opened. */
  returnFocus?: () => HTMLElement | undefined;
}

/**
 * A native modal `<dialog>` kept in step with its host's state: shown with `showModal()` (focus
 * inside, the page inert, Escape), closed when the state says so with focus back on its opener, one
 * path for every way a user closes it, and kept open when the host is moved in the page (a removed
 * modal dialog stays open but is no longer modal: it is closed on the way out and shown again on the
 * way back, which is neither a closing nor an opening).
 */
export class ModalDialogController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: ModalDialogOptions;
  readonly #wired = new WeakSet<HTMLDialogElement>();
  #opener: HTMLElement | undefined;
  /** It was open when the host left the page: it is shown again, quietly, when the host is back. */
  #moved = false;
  #pressedOnBackdrop = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ModalDialogOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // Shown again after a move, or shown at last if it was asked to open while the host was away.
    if (this.#options.open()) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    const dialog = this.#options.dialog();
    if (!dialog?.open) return;
    this.#moved = true;
    dialog.close();
  }

  hostUpdated(): void {
    const dialog = this.#options.dialog();
    if (!dialog) return;
    this.#wire(dialog);
    const open = this.#options.open();
    if (open && !dialog.open && this.#host.isConnected) {
      const again = this.#moved;
      this.#moved = false;
      if (!again) this.#opener = deepActiveElement();
      dialog.showModal();
      this.#options.onShown?.(dialog, again);
    } else if (!open && dialog.open) {
      const focusWasInside = containsFocus(dialog);
      dialog.close();
      this.#closed(focusWasInside);
    } else if (!open) {
      this.#moved = false;
    }
  }

  /** After it closed for good: focus goes back (if it was in the dialog, or fell to the page). */
  #closed(focusWasInside: boolean): void {
    const target = this.#options.returnFocus?.() ?? this.#opener;
    this.#opener = undefined;
    if (target?.isConnected && (focusWasInside || focusIsLost())) target.focus();
    this.#options.onClosed?.();
  }

  #wire(dialog: HTMLDialogElement): void {
    if (this.#wired.has(dialog)) return;
    this.#wired.add(dialog);
    dialog.addEventListener('cancel', (event) => {
      // Escape: handled here rather than by the browser, so that it takes the same path as the rest.
      if (event.target !== dialog) return;
      event.preventDefault();
      this.#request('escape');
    });
    dialog.addEventListener('close', (event) => {
      // The close event comes a task later. Not the user's doing: a close the state asked for (it is
      // closed there too), the host leaving the page (away, or back and shown again by now).
      if (event.target !== dialog || !this.#host.isConnected || dialog.open || !this.#options.open()) return;
      this.#request('browser');
      // The host let it close: what closing does is done here, as the dialog is closed already.
      if (!this.#options.open()) this.#closed(true);
    });
    // The dialog fills its box with content, so a press whose target is the dialog itself landed on
    // the backdrop. Both press and release must be there: a drag out of a text field is not a dismissal.
    dialog.addEventListener('pointerdown', (event) => {
      this.#pressedOnBackdrop = onBackdrop(dialog, event);
    });
    dialog.addEventListener('click', (event) => {
      const pressed = this.#pressedOnBackdrop;
      this.#pressedOnBackdrop = false;
      if (pressed && onBackdrop(dialog, event)) this.#request('backdrop');
    });
  }

  #request(request: CloseRequest): void {
    this.#options.onRequestClose(request);
    // What the host keeps open is shown again (the browser may have closed it already).
    this.#host.requestUpdate();
  }
}

function onBackdrop(dialog: HTMLDialogElement, event: MouseEvent): boolean {
  if (event.target !== dialog) return false;
  const box = dialog.getBoundingClientRect();
  return event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
}

/** Whether focus is in the dialog, or in a shadow root of an element in it. */
function containsFocus(dialog: HTMLDialogElement): boolean {
  for (
    let node: Node | null = deepActiveElement() ?? null;
    node;
    node = node.parentNode ?? (node as ShadowRoot).host ?? null
  ) {
    if (node === dialog) return true;
  }
  return false;
}
