import type { AxeResults } from 'axe-core';

type Axe = typeof import('axe-core');

/**
 * axe's own colour-contrast check, run on disabled controls: its `color-contrast` rule leaves out
 * `disabled` and `aria-disabled` ones (WCAG exempts inactive components), but an `aria-disabled`
 * button stays focusable and is read like any other, so its text must be as legible. The check
 * composites opacity and backgrounds exactly as the rule does for enabled text.
 */
export async function disabledControlContrast(root: Element): Promise<AxeResults> {
  // @ts-expect-error -- axe.min.js has no types of its own; importing it registers window.axe
  await import('axe-core/axe.min.js');
  const axe = (window as unknown as { axe: Axe }).axe;
  axe.configure({
    rules: [
      {
        id: 'disabled-control-contrast',
        selector: 'button[disabled], input[disabled], select[disabled], [aria-disabled="true"]', // axe's selectors know no :disabled
        any: ['color-contrast'],
        all: [],
        none: [],
        tags: ['wcag2aa'],
      },
    ],
  });
  try {
    const results = await axe.run(root, { runOnly: { type: 'rule', values: ['disabled-control-contrast'] } });
    const error = results.incomplete.find((result) => 'error' in result) as { error?: { message: string } } | undefined;
    if (error?.error) throw new Error(`axe could not run the check: ${error.error.message}`);
    return results;
  } finally {
    axe.reset();
  }
}

/** The violations of `results` in words: the element, and what axe measured. */
export function describeViolations(results: AxeResults): string[] {
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
  );
}
