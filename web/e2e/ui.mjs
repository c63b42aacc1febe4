// What the browser suites share: signing in through the sign-in page, a screenshot of each page checked for code
// tokens (codes.mjs) and by axe-core (axe.mjs), and typing into form-js fields as a person would.
import assert from 'node:assert/strict'
import path from 'node:path'
import { codeTokens } from './codes.mjs'
import { axeCollector } from './axe.mjs'

/**
 * The suite's pages and findings. `browser()` and `baseUrl()` are read when called (the suite starts them in its
 * `before`); `shots` is the screenshot directory.
 */
export function browserUi({ browser, baseUrl, shots }) {
  const pages = new Set()
  /** Every screenshot's visible text with the tokens that look like code, for the suite's last test. */
  const codeFindings = []
  const axe = axeCollector()

  async function signedIn(user, viewport = { width: 1366, height: 900 }) {
    const context = await browser().newContext({ viewport, locale: 'zh-CN' })
    const page = await context.newPage()
    pages.add(page)
    page.on('close', () => pages.delete(page))
    page.on('pageerror', (e) => console.log(`# page error (${user}): ${e.message}`))
    await page.goto(`${baseUrl()}/signin`)
    await page.getByLabel('用户名').fill(user)
    await fill(page, '密码', 'demo')
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'))
    return page
  }

  /**
   * A screenshot of the page, its text scanned for code tokens and the page checked by axe-core (`axe: false` when
   * the same page was checked in another language or size already, to keep the suite's time).
   */
  async function shot(page, name, fullPage = true, { axe: checkAxe = true } = {}) {
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage })
    // Codes people read aloud (query codes, marked data-verbatim in the page) are left out of the scan.
    const text = await page.evaluate(() => {
      const verbatim = [...document.querySelectorAll('[data-verbatim]')]
      verbatim.forEach((e) => (e.style.display = 'none'))
      const all = document.body.innerText
      verbatim.forEach((e) => (e.style.display = ''))
      return all
    })
    const tokens = codeTokens(text)
    if (tokens.length) codeFindings.push(`${name}: ${tokens.join(', ')}`)
    if (checkAxe) await axe.check(page, name)
  }

  return { pages, codeFindings, axeViolations: axe.found, axeChecked: axe.checked, signedIn, shot }
}

/** A form-js select: open it unless focus already did, and pick the option (searchable ones get text typed first). */
export async function pick(field, option) {
  const list = field.locator('.fjs-dropdownlist')
  if (!(await list.isVisible())) {
    const display = field.locator('.fjs-select-display')
    if (await display.count()) await display.click()
    else await field.locator('input').fill(option.slice(0, 2))
  }
  await list.locator('.fjs-dropdownlist-item', { hasText: option }).first().click()
}

export async function choose(page, label, option) {
  await pick(page.locator('.fjs-form-field-select').filter({ has: page.locator('label', { hasText: label }) }).first(), option)
}

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
    await scope.waitForTimeout?.(50)
    if ((await input.inputValue()) === value) return
  }
  assert.equal(await input.inputValue(), value, `field ${label}`)
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

/** The contrast ratio (WCAG 2) of an element's text on its background, as the browser paints it now (e.g. hovered). */
export async function contrastOf(locator) {
  return locator.evaluate((el) => {
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number)
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    }
    // The first opaque background from the element up (a transparent button shows what is behind it).
    let bg = [255, 255, 255]
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor)
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) {
        bg = c.slice(0, 3)
        break
      }
    }
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(bg)].sort((x, y) => y - x)
    return (a + 0.05) / (b + 0.05)
  })
}
