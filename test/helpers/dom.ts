import type { CSSResultOrNative, LitElement } from 'lit';
import { capacityManagerDialogStyles } from '../../src/elements/capacity-manager/capacity-manager-dialog.styles.js';
import { capacityMeterStyles } from '../../src/elements/capacity-meter/capacity-meter-body.styles.js';
import { modalDialog } from '../../src/styles/modal-dialog.js';

/** The element that contains `node` in the flat tree: its slot, its parent, or its shadow root's host. */
export function composedParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

/** `root` and every element under it, inside every open shadow root, depth first. */
export function* deepElements(root: Element): Generator<Element> {
  yield root;
  if (root.shadowRoot) for (const child of root.shadowRoot.children) yield* deepElements(child);
  for (const child of root.children) yield* deepElements(child);
}

/** Every open shadow root at or under `root`. */
export function* deepShadowRoots(root: Element): Generator<ShadowRoot> {
  for (const element of deepElements(root)) if (element.shadowRoot) yield element.shadowRoot;
}

/** The text of `root` and of every shadow root under it (a shadow root's text is not its host's textContent). */
export function deepText(root: Element): string {
  return [root.textContent, ...[...deepShadowRoots(root)].map((shadow) => shadow.textContent)].join('\n');
}

/** Whitespace collapsed, for comparing what a person reads. */
export function readable(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The text of `node` as a person reads it (whitespace collapsed); empty when there is no node. */
export function textOf(node: Node | null | undefined): string {
  return readable(node?.textContent);
}

/** The first element in `host`'s shadow root that matches `selector`. */
export function q(host: Element, selector: string): HTMLElement | null {
  return host.shadowRoot!.querySelector<HTMLElement>(selector);
}

/**
 * The horizontal extent of `element` that can be seen: its box clipped by every ancestor (across
 * shadow roots) that clips overflow, up to the top layer. Undefined for an element with no area.
 */
export function visibleExtent(element: Element): { left: number; right: number } | undefined {
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return undefined;
  let { left, right } = box;
  // A top-layer element (a modal dialog) is not clipped by the ancestors it sits under in the DOM.
  for (
    let ancestor = element.matches(':modal') ? null : composedParent(element);
    ancestor;
    ancestor = composedParent(ancestor)
  ) {
    if (getComputedStyle(ancestor).overflowX !== 'visible') {
      const clip = ancestor.getBoundingClientRect();
      left = Math.max(left, clip.left);
      right = Math.min(right, clip.right);
    }
    if (ancestor.matches(':modal')) break;
  }
  return right > left ? { left, right } : undefined;
}

function describe(element: Element): string {
  const classes = element.getAttribute('class');
  return `<${element.localName}${element.id ? ` id="${element.id}"` : ''}${classes ? ` class="${classes}"` : ''}>`;
}

/**
 * The elements at or under `root` (shadow roots included) whose visible part sticks out of
 * `bounds` horizontally by more than a pixel: what a long string would push out of its box.
 */
export function overflowing(root: Element, bounds: { left: number; right: number }): string[] {
  const found: string[] = [];
  for (const element of deepElements(root)) {
    const extent = visibleExtent(element);
    if (extent && (extent.left < bounds.left - 1 || extent.right > bounds.right + 1)) {
      found.push(`${describe(element)} spans ${Math.round(extent.left)}–${Math.round(extent.right)}`);
    }
  }
  return found;
}

/**
 * The styles an element adopts on top of its static ones once its lazily loaded body is there
 * (src/controllers/lazy-body.ts).
 */
const BODY_STYLES: Partial<Record<string, CSSResultOrNative[]>> = {
  'capacity-meter': [capacityMeterStyles],
  'capacity-manager': [modalDialog, capacityManagerDialogStyles],
};

/**
 * Whether `element` is a LitElement whose shadow root holds exactly its own styles (static, then its body's), adopted.
 */
export function hasOnlyOwnStyles(element: Element): boolean {
  const shadow = element.shadowRoot;
  const elementStyles = (element.constructor as Partial<typeof LitElement>).elementStyles;
  if (!shadow || !elementStyles) return true;
  const styles = [
    ...elementStyles,
    ...(shadow.adoptedStyleSheets.length > elementStyles.length ? (BODY_STYLES[element.localName] ?? []) : []),
  ];
  const own = styles.map((style) => (style instanceof CSSStyleSheet ? style : style.styleSheet));
  return (
    shadow.adoptedStyleSheets.length === own.length &&
    shadow.adoptedStyleSheets.every((sheet, index) => sheet === own[index])
  );
}

const ISOLATING = new Set(['isolate', 'isolate-override', 'plaintext']);

/**
 * The text boxes under `root` that hold `text` without isolating it from the text around them: a
 * bidi control or right-to-left script in it would then reorder its neighbours on screen (a name
 * with U+202E turning the company and country beside it around). Text is isolated by an element of
 * its own that is bidi-isolated (`<bdi>`, `unicode-bidi: isolate`) or a block (a paragraph of its own).
 */
export function unisolated(root: Element, text: string): string[] {
  const found: string[] = [];
  for (const shadow of [...deepShadowRoots(root)]) {
    const walker = document.createTreeWalker(shadow, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      if (!node.data.includes(text)) continue;
      let box = node.parentElement;
      while (box) {
        const style = getComputedStyle(box);
        if (ISOLATING.has(style.unicodeBidi) || !style.display.startsWith('inline')) break;
        box = box.parentElement;
      }
      // Visually hidden text (a live region's announcement) is not laid out for the eye.
      const area = box?.getBoundingClientRect();
      if (area && (area.width <= 1 || area.height <= 1)) continue;
      if (box && box.textContent?.trim() !== text)
        found.push(`<${box.localName}${box.className ? ` class="${box.className}"` : ''}>`);
    }
  }
  return found;
}
