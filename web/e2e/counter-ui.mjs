// Helpers of the counter suite (counter.test.mjs): screenshots scanned for code-like tokens and checked by axe-core,
// the demo accounts' headers for the platform's date and the demo clock; form-js fields as ui.mjs drives them.
import assert from 'node:assert/strict'
import { browserUi } from './ui.mjs'

export { field, fill, pick, choose, date } from './ui.mjs'

/** Ticks a checkbox by its label and checks that it stayed ticked. */
export async function tick(page, label) {
  const box = page.getByLabel(label)
  await box.check()
  assert.ok(await box.isChecked(), `ticked: ${label}`)
}

/**
 * Screenshots into `dir`, each page's visible text scanned for code-like tokens (codes.mjs) and the page checked by
 * axe-core (axe.mjs); the findings are kept for the suite's last tests. Codes people read aloud (marked data-verbatim) are left out of the scan.
 */
export function screenshots(dir) {
  // ui.mjs's shot (screenshot, code scan, axe); this suite signs in its own way, so only the shots are taken from it.
  const ui = browserUi({ browser: () => null, baseUrl: () => null, shots: dir })
  return { shot: ui.shot, findings: ui.codeFindings, axeViolations: ui.axeViolations, axeChecked: ui.axeChecked }
}

/** Basic-auth headers of a demo account, for the platform's own date and the demo clock (never to act on a case). */
export function as(user) {
  return { Authorization: `Basic ${Buffer.from(`${user}:demo`).toString('base64')}`, 'Content-Type': 'application/json' }
}
