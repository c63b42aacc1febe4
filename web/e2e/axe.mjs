// The accessibility check of the browser suite: axe-core (the library's own rules, WCAG 2.x A and AA) run in the
// page as the user sees it. Each suite calls `axeCheck(page, name)` wherever it takes a screenshot and fails at the
// end on any violation, naming the page, the rule and the elements.
import { createRequire } from 'node:module'
import fs from 'node:fs'

const require = createRequire(import.meta.url)
const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

const OPTIONS = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }

/** The violations on the page now, each as one line: page, rule, impact, the first elements. */
export async function axeViolations(page, name) {
  // Evaluated through the browser's debugging protocol: the platform's Content-Security-Policy rightly refuses inline
  // scripts, and the check must see the page under that same policy.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(`${source}\n;void 0`)
  const violations = await page.evaluate((options) => window.axe.run(document, options).then((r) => r.violations), OPTIONS)
  return violations.map(
    (v) => `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`,
  )
}

/** Collects the violations of every checked page, for one assertion at the end of a suite. */
export function axeCollector() {
  const found = []
  const checked = []
  return {
    found,
    /** The pages checked, by name: a suite asserts there were some, so a check that never ran cannot pass. */
    checked,
    async check(page, name) {
      found.push(...(await axeViolations(page, name)))
      checked.push(name)
    },
  }
}
