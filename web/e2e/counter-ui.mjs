// Helpers of the counter suite (counter.test.mjs): a browser signed in as a demo account, screenshots scanned for
// code-like tokens, and form-js fields driven by their visible labels, as a clerk sees them.
import assert from 'node:assert/strict'
import path from 'node:path'
import { codeTokens } from './codes.mjs'

/** A form-js field by its visible label (form-js appends a "*" to required ones). */
export function field(scope, label) {
  return scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`))
}

/** Types into a form-js field and checks that the form kept it (form-js applies typed text with a debounce). */
export async function fill(scope, label, value) {
  const input = field(scope, label)
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.fill(value)
    await input.press('Tab')
    if ((await input.inputValue()) === value) return
  }
  assert.equal(await input.inputValue(), value, `field ${label}`)
}

/** A form-js select: open it unless focus already did, and pick the option (searchable ones get text typed first). */
export async function pick(select, option) {
  const list = select.locator('.fjs-dropdownlist')
  if (!(await list.isVisible())) {
    const display = select.locator('.fjs-select-display')
    if (await display.count()) await display.click()
    else await select.locator('input').fill(option.slice(0, 2))
  }
  await list.locator('.fjs-dropdownlist-item', { hasText: option }).first().click()
}

export async function choose(page, label, option) {
  await pick(page.locator('.fjs-form-field-select').filter({ has: page.locator('label', { hasText: label }) }).first(), option)
}

/** A form-js date field; its input format follows the browser's locale, as its placeholder says. */
export async function date(page, label, iso) {
  const input = field(page, label)
  const [y, m, d] = iso.split('-')
  const placeholder = (await input.getAttribute('placeholder')) ?? 'mm/dd/yyyy'
  await input.fill(placeholder.startsWith('yyyy') ? `${y}/${m}/${d}` : `${m}/${d}/${y}`)
  await input.press('Enter')
  await page.locator('body').click({ position: { x: 5, y: 5 } })
}

/** Ticks a checkbox by its label and checks that it stayed ticked. */
export async function tick(page, label) {
  const box = page.getByLabel(label)
  await box.check()
  assert.ok(await box.isChecked(), `ticked: ${label}`)
}

/**
 * Screenshots into `dir`, each page's visible text scanned for code-like tokens (codes.mjs); the findings are kept
 * for the suite's last test. Codes people read aloud (marked data-verbatim) are left out of the scan.
 */
export function screenshots(dir) {
  const findings = []
  async function shot(page, name, fullPage = true) {
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage })
    const text = await page.evaluate(() => {
      const verbatim = [...document.querySelectorAll('[data-verbatim]')]
      verbatim.forEach((e) => (e.style.display = 'none'))
      const all = document.body.innerText
      verbatim.forEach((e) => (e.style.display = ''))
      return all
    })
    const tokens = codeTokens(text)
    if (tokens.length) findings.push(`${name}: ${tokens.join(', ')}`)
  }
  return { shot, findings }
}

/** Basic-auth headers of a demo account, for the platform's own date and the demo clock (never to act on a case). */
export function as(user) {
  return { Authorization: `Basic ${Buffer.from(`${user}:demo`).toString('base64')}`, 'Content-Type': 'application/json' }
}
