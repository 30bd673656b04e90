import { executeServerCommand } from '@web/test-runner-commands';

/** Turns the mouse wheel at (x, y), CSS pixels from the viewport's top left (see input-emulation-plugin.mjs). */
export async function wheel(x: number, y: number, delta: { deltaX?: number; deltaY?: number }): Promise<void> {
  await executeServerCommand('mouse-wheel', { x, y, ...delta });
}

/** Emulates `forced-colors: active` (or stops) in Chromium, as Windows' contrast themes set it. */
export async function emulateForcedColors(active: boolean): Promise<void> {
  await executeServerCommand('forced-colors', { active });
}
