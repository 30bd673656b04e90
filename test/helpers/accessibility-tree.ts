import { executeServerCommand } from '@web/test-runner-commands';

/**
 * A node of Chromium's computed accessibility tree, as Puppeteer serialises it: what a screen
 * reader is told, not what the DOM says. Properties are present only where they apply.
 */
export interface AXNode {
  role: string;
  name?: string;
  description?: string;
  value?: string | number;
  valuemin?: number;
  valuemax?: number;
  checked?: boolean | 'mixed';
  pressed?: boolean | 'mixed';
  expanded?: boolean;
  haspopup?: string;
  disabled?: boolean;
  focused?: boolean;
  modal?: boolean;
  busy?: boolean;
  live?: string;
  children?: AXNode[];
}

/** Roles Chromium gives to nodes that carry no semantics of their own (wrappers, text boxes). */
const STRUCTURAL = new Set(['none', 'generic', 'InlineTextBox', 'LineBreak']);

/**
 * The accessibility tree under the element `selector` matches (Puppeteer syntax: `>>>` pierces
 * shadow roots, e.g. `#card >>> #menu`), from the `accessibility-tree` command of
 * test/helpers/accessibility-tree-plugin.mjs.
 */
export async function accessibilityTree(selector: string): Promise<AXNode> {
  const { tree } = await executeServerCommand<{ tree: AXNode | null }, { selector: string }>('accessibility-tree', {
    selector,
  });
  if (!tree) throw new Error(`${selector} is not in the accessibility tree.`);
  return tree;
}

/** Every node under `root` (itself included) that `match` accepts, depth first. */
export function findAll(root: AXNode, match: (node: AXNode) => boolean): AXNode[] {
  const found: AXNode[] = [];
  const visit = (node: AXNode): void => {
    if (match(node)) found.push(node);
    node.children?.forEach(visit);
  };
  visit(root);
  return found;
}

/**
 * The one node with `role` (and `name`, when given) under `root`; throws, with the tree, when there is not exactly one.
 */
export function findOne(root: AXNode, role: string, name?: string | RegExp): AXNode {
  const found = findAll(root, (node) => node.role === role && (name === undefined || matches(node.name ?? '', name)));
  if (found.length !== 1) {
    throw new Error(
      `Expected one ${role}${name === undefined ? '' : ` named ${String(name)}`}, found ${found.length} in:\n${outline(root)}`,
    );
  }
  return found[0];
}

function matches(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text === expected : expected.test(text);
}

/** The text a node holds (its static text, joined), as a screen reader reads it in browse mode. */
export function textOf(node: AXNode): string {
  return findAll(node, (child) => child.role === 'StaticText')
    .map((child) => child.name ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The tree as indented lines (`role "name" states`), without structural nodes: for failure messages. */
export function outline(root: AXNode, depth = 0): string {
  const lines: string[] = [];
  const visit = (node: AXNode, level: number): void => {
    const shown = !STRUCTURAL.has(node.role) && !(node.role === 'StaticText' && level > depth + 12);
    if (shown) {
      const { role, name, children: _children, ...states } = node;
      const stateText = Object.entries(states)
        .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
        .join(' ');
      lines.push(
        `${'  '.repeat(level)}${role}${name ? ` "${name.slice(0, 60)}"` : ''}${stateText ? ` ${stateText}` : ''}`,
      );
    }
    for (const child of node.children ?? []) visit(child, shown ? level + 1 : level);
  };
  visit(root, depth);
  return lines.join('\n');
}
