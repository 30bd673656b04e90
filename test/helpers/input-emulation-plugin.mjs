/**
 * A Web Test Runner plugin for what @web/test-runner-commands does not offer through Puppeteer:
 * - `mouse-wheel` `{ x, y, deltaX, deltaY }`: moves the mouse to (x, y) in CSS pixels and turns the wheel there, as a
 *   person scrolls what is under the pointer;
 * - `forced-colors` `{ active }`: Chromium's `forced-colors` media emulation (Windows High Contrast), which the stock
 *   `emulateMedia` command sends to Playwright only.
 */
export function inputEmulationPlugin() {
  /** One DevTools session per page, for the media emulation: it lasts as long as its session. */
  const sessions = new WeakMap();
  return {
    name: 'input-emulation-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'mouse-wheel' && command !== 'forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`The ${command} command needs Chromium through Puppeteer, not ${session.browser.type}.`);
      }
      const page = session.browser.getPage(session.id);
      if (command === 'mouse-wheel') {
        await page.mouse.move(payload.x, payload.y);
        await page.mouse.wheel({ deltaX: payload.deltaX ?? 0, deltaY: payload.deltaY ?? 0 });
        return true;
      }
      let client = sessions.get(page);
      if (!client) {
        client = await page.createCDPSession();
        sessions.set(page, client);
      }
      await client.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}
