// What the browser suites share: the application and Chromium started and stopped around the suite, signing in
// through the sign-in page, a screenshot of each page checked for code tokens (codes.mjs) and by axe-core (axe.mjs),
// and typing into form-js fields as a person would.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, afterEach, before } from 'node:test'
import { chromium } from 'playwright-core'
import { codeTokens } from './codes.mjs'
import { axeCollector } from './axe.mjs'
import { startApp } from './app.mjs'

/** Debian's Chromium, headless (no browser is downloaded); CHROMIUM names another binary. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
}

/** The application and Chromium, started side by side (Chromium is up long before the application). */
export async function startAppAndChromium({ sample }) {
  const [app, browser] = await Promise.allSettled([startApp({ sample }), launchChromium()])
  if (app.status === 'rejected' || browser.status === 'rejected') {
    if (browser.status === 'fulfilled') await browser.value.close()
    if (app.status === 'fulfilled') await app.value.stop()
    throw app.status === 'rejected' ? app.reason : browser.reason
  }
  return { app: app.value, browser: browser.value }
}

/**
 * A browser suite's setup, the same in every file: the packaged application (app.mjs) and Chromium started before
 * its tests and stopped after them; after each test every page still open leaves a picture
 * (`FAILED-<failed><test>.png`, what the user would have seen) and is closed. Returns `browserUi`'s helpers with
 * `suite.app` and `suite.browser`, set once `before` ran.
 */
export function browserSuite({ shots, failed = '', sample = true }) {
  const suite = { app: null, browser: null }
  const ui = browserUi({ browser: () => suite.browser, baseUrl: () => suite.app.baseUrl, shots })
  before(async () => {
    fs.mkdirSync(shots, { recursive: true })
    Object.assign(suite, await startAppAndChromium({ sample }))
  })
  afterEach(async (t) => {
    for (const page of ui.pages) {
      if (!page.isClosed()) {
        await page.screenshot({ path: path.join(shots, `FAILED-${failed}${t.name.slice(0, 40).replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {})
        await page.context().close()
      }
    }
    ui.pages.clear()
  })
  after(async () => {
    await suite.browser?.close()
    await suite.app?.stop()
  })
  return Object.assign(suite, ui)
}

/**
 * The suite's pages and findings. `browser()` and `baseUrl()` are read when called (the suite starts them in its
 * `before`); `shots` is the screenshot directory.
 */
export function browserUi({ browser, baseUrl, shots }) {
  const pages = new Set()
  /** Every screenshot's visible text with the tokens that look like code, for the suite's last test. */
  const codeFindings = []
  const axe = axeCollector()

  /** A page of a demo account signed in through the sign-in page, in Chinese or (`language: 'en'`) English. */
  async function signedIn(user, viewport = { width: 1366, height: 900 }, { language = 'zh-CN' } = {}) {
    const context = await browser().newContext({ viewport, locale: 'zh-CN' })
    // A loaded machine (several builds at once) answers slowly: every wait may take a minute.
    context.setDefaultTimeout(60_000)
    const page = await context.newPage()
    pages.add(page)
    page.on('close', () => pages.delete(page))
    page.on('pageerror', (e) => console.log(`# page error (${user}): ${e.message}`))
    const english = language === 'en'
    if (english) {
      await page.goto(`${baseUrl()}/track`)
      await page.evaluate((l) => localStorage.setItem('civil.language', l), language)
    }
    await page.goto(`${baseUrl()}/signin`)
    await page.getByLabel(english ? 'User name' : '用户名').fill(user)
    await fill(page, english ? 'Password' : '密码', 'demo')
    await page.getByRole('button', { name: english ? 'Sign in' : '登录', exact: true }).click()
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
