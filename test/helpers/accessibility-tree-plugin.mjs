/**
 * A Web Test Runner plugin for the `accessibility-tree` command: Chromium's computed accessibility
 * tree (roles, names, states) under an element, every node included (the stock `a11y-snapshot`
 * command keeps only "interesting" nodes, which drops groups, meters and status regions).
 * `selector` may pierce shadow roots with `>>>` (Puppeteer). Answers `{ tree }`, `tree` null when the
 * element is not in the accessibility tree (hidden, inert, or a wrapper Chromium leaves out).
 */
export function accessibilityTreePlugin() {
  return {
    name: 'accessibility-tree-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'accessibility-tree') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(
          `The accessibility-tree command needs Chromium through Puppeteer, not ${session.browser.type}.`,
        );
      }
      const page = session.browser.getPage(session.id);
      const selector = payload?.selector;
      const root = selector ? await page.$(selector) : null;
      if (selector && !root) throw new Error(`Nothing matches ${selector}.`);
      try {
        // Wrapped: a command that returns null counts as unknown to the test runner.
        return { tree: strip(await page.accessibility.snapshot({ root, interestingOnly: false })) };
      } finally {
        await root?.dispose();
      }
    },
  };
}

/** Drops Chromium's bookkeeping (node and loader ids) so that the tree is plain data. */
function strip(node) {
  if (!node) return null;
  // eslint-disable-next-line no-unused-vars -- taken out, not used
  const { backendNodeId, loaderId, children, ...rest } = node;
  return children ? { ...rest, children: children.map(strip) } : rest;
}
