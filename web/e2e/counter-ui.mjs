// Helpers of the counter suite (counter.test.mjs): ticking checkboxes, the demo accounts' headers for the platform's
// date and the demo clock; form-js fields as ui.mjs drives them.
import assert from 'node:assert/strict'

export { field, fill, pick, choose, date } from './ui.mjs'

/** Ticks a checkbox by its label and checks that it stayed ticked. */
export async function tick(page, label) {
  const box = page.getByLabel(label)
  await box.check()
  assert.ok(await box.isChecked(), `ticked: ${label}`)
}

/** Basic-auth headers of a demo account, for the platform's own date and the demo clock (never to act on a case). */
export function as(user) {
  return { Authorization: `Basic ${Buffer.from(`${user}:demo`).toString('base64')}`, 'Content-Type': 'application/json' }
}
