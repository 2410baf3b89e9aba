import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** The WCAG 2.0 and 2.1 level A and AA rules axe-core has. */
export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface Finding {
  view: string;
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** The CSS selector of a co-author's task pane in the playground. */
export const paneSelector = (coAuthor = 1) => `[aria-label="Task pane of Co-author ${coAuthor}"]`;

/**
 * Runs axe-core's WCAG 2.1 A/AA rules over the part of the page `within` selects (a task pane, a dialog) as it is now, and returns the serious and critical
 * violations as plain records (a rule, what it means and where), so a failing test says what to fix.
 */
export async function seriousViolations(page: Page, within: string, view: string): Promise<Finding[]> {
  // A dialog fading in has its colours part-way to their final values: judge contrast once motion has ended.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );
  const results = await new AxeBuilder({ page }).include(within).withTags(WCAG_21_AA).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      view,
      rule: violation.id,
      impact: violation.impact ?? "",
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(" ")}: ${node.html.slice(0, 160)}`),
    }));
}
