import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { gearIcon } from './card-templates.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The card's gear: a menu button as the WAI-ARIA Authoring Practices describe it. Enter, Space and
 * ArrowDown open the menu on its first item, ArrowUp on its last; arrows, Home and End move between
 * items; Escape closes it and returns focus to the button; Tab closes it and moves on; a click or focus
 * anywhere else closes it. `render` draws the button (`#gear`) and the menu (`#menu`) of the items given
 * (`[role=menuitem]`), bound to the handlers.
 */
export class GearMenuController implements ReactiveController {
  readonly #host: Host;
  readonly #onOpen: () => void;
  #open = false;

  /** `onOpen` runs as the menu opens (the card fetches what its items open). */
  constructor(host: Host, onOpen: () => void) {
    this.#host = host;
    this.#onOpen = onOpen;
    host.addController(this);
  }

  get open(): boolean {
    return this.#open;
  }

  /** The gear button, named `label`, and its menu of `items` (buttons with `role="menuitem"` and `tabindex="-1"`). */
  render(label: string, items: TemplateResult): TemplateResult {
    return html`
      <button
        id="gear"
        class="gear"
        part="menu-button"
        type="button"
        aria-label=${label}
        aria-haspopup="menu"
        aria-expanded=${this.#open ? 'true' : 'false'}
        aria-controls="menu"
        @click=${this.onButtonClick}
        @keydown=${this.onButtonKeydown}
      >
        ${gearIcon}
      </button>
      <div
        id="menu"
        class="menu"
        part="menu"
        role="menu"
        aria-labelledby="gear"
        ?hidden=${!this.#open}
        @keydown=${this.onMenuKeydown}
        @focusout=${this.onMenuFocusout}
      >
        ${items}
      </div>
    `;
  }

  hostDisconnected(): void {
    this.close(false);
  }

  /** Closes the menu; `returnFocus` puts focus back on the gear. */
  close(returnFocus: boolean): void {
    if (!this.#open) return;
    this.#open = false;
    document.removeEventListener('click', this.#onDocumentClick, true);
    this.#host.requestUpdate();
    if (returnFocus) this.#button?.focus();
  }

  readonly onButtonClick = (): void => {
    if (this.#open) this.close(true);
    else void this.#show('first');
  };

  readonly onButtonKeydown = (event: KeyboardEvent): void => {
    // Enter and Space arrive as a click.
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    void this.#show(event.key === 'ArrowUp' ? 'last' : 'first');
  };

  readonly onMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.#items;
    const index = items.indexOf(event.target as HTMLElement);
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = (index + 1) % items.length;
        break;
      case 'ArrowUp':
        next = (index - 1 + items.length) % items.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.close(true);
        return;
      case 'Tab':
        // Focus moves on to the next element as usual; the menu just closes.
        this.close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    items[next]?.focus();
  };

  // Focus leaving the menu closes it. A click on nothing focusable takes focus nowhere: it goes back to the gear.
  readonly onMenuFocusout = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (next instanceof Node && (this.#menu?.contains(next) || next === this.#button)) return;
    this.close(next === null);
  };

  async #show(focus: 'first' | 'last'): Promise<void> {
    this.#onOpen();
    if (!this.#open) {
      this.#open = true;
      document.addEventListener('click', this.#onDocumentClick, true);
      this.#host.requestUpdate();
    }
    await this.#host.updateComplete;
    const items = this.#items;
    items[focus === 'first' ? 0 : items.length - 1]?.focus();
  }

  // A click outside that did not take focus out of the menu (the host stopped it) still closes it.
  readonly #onDocumentClick = (event: MouseEvent): void => {
    if (event.composedPath().includes(this.#host)) return;
    const active = this.#host.shadowRoot?.activeElement;
    this.close(active instanceof Node && (this.#menu?.contains(active) ?? false));
  };

  get #button(): HTMLElement | null | undefined {
    return this.#host.shadowRoot?.querySelector<HTMLElement>('#gear');
  }

  get #menu(): HTMLElement | null | undefined {
    return this.#host.shadowRoot?.querySelector<HTMLElement>('#menu');
  }

  get #items(): HTMLElement[] {
    return [...(this.#host.shadowRoot?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }
}
