import { isServer, LitElement } from 'lit';
import { onDomainsReadable } from '../core/display-domain.js';
import {
  englishLocalizer,
  localizerFor,
  onMessagesChange,
  readLanguageTag,
  warnOnce,
  type Localizer,
} from '../i18n/localizer.js';

const connected = new Set<LocalizedElement>();
const observed = new WeakSet<Node>();
let observer: MutationObserver | undefined;

/** The node above `node`, across a shadow root to its host. */
const above = (node: Node): Node | null => node.parentNode ?? (node as Partial<ShadowRoot>).host ?? null;

/**
 * An element that speaks its page's language (docs/contract.md#language-and-direction): that of the
 * nearest `lang` on it or above it, across shadow roots (so that a card's Capacity Manager speaks the
 * card's), else the browser's. An update waits for that language's messages, so that nothing shows in
 * English first. A change of `lang` anywhere above it, of the browser's languages or of the messages a
 * host sets renders it again.
 *
 * @internal
 */
export class LocalizedElement extends LitElement {
  /**
   * The words and formats of the element's language, as of its last update (English until it is
   * connected: a server renders it so).
   *
   * @internal
   */
  localizer: Localizer = englishLocalizer;

  override connectedCallback(): void {
    // A server renders it in English (and some renderers call this there).
    if (isServer) return super.connectedCallback();
    // Known before the first update (which waits for its messages): a backend call made meanwhile carries it.
    const previous = this.localizer;
    this.localizer = localizerOf(this);
    super.connectedCallback();
    connected.add(this);
    if (!observer) {
      observer = new MutationObserver(recheck);
      addEventListener('languagechange', recheck);
      const renderAll = (): void => connected.forEach((element) => element.requestUpdate());
      onMessagesChange(renderAll);
      // Every element shows domains (their text, names and announcements): once they can be read in Unicode.
      onDomainsReadable(renderAll);
    }
    // A change of `lang` inside a shadow root is not seen from the document: each root above is observed.
    for (let node = above(this); node; node = above(node)) {
      if ((node.nodeType === 9 || node.nodeType === 11) && !observed.has(node)) {
        observed.add(node);
        observer.observe(node, { attributeFilter: ['lang'], subtree: true });
      }
    }
    // Moved under another `lang` while it was away.
    if (this.hasUpdated && this.localizer !== previous) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- Lit's own signature
  protected override scheduleUpdate(): void | Promise<unknown> {
    const localizer = localizerOf(this);
    const ready = localizer.ready;
    // Waits for the messages, then looks again: `lang` may have changed meanwhile.
    if (ready) return ready.then(() => this.scheduleUpdate());
    this.localizer = localizer;
    return super.scheduleUpdate();
  }
}

/** Renders again every element whose language has changed. */
function recheck(): void {
  for (const element of connected)
    if (element.hasUpdated && localizerOf(element) !== element.localizer) element.requestUpdate();
}

function localizerOf(element: Element): Localizer {
  // The nearest `lang` that can be read: lang="" says "unknown", and one that is no tag says nothing.
  let declared: string | undefined;
  for (let node: Node | null = element; node && !declared; node = above(node)) {
    const value = (node as Partial<Element>).getAttribute?.('lang')?.trim();
    if (!value) continue;
    declared = readLanguageTag(value);
    if (declared?.toLowerCase() !== value.toLowerCase()) {
      warnOnce('lang', `lang="${value}" is ${declared ? `read as "${declared}"` : 'no language tag'}.`);
    }
  }
  return localizerFor(declared, typeof navigator === 'undefined' ? [] : navigator.languages);
}
