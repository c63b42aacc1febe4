// The dashboard of a bureau's year (docs/people.md, "The bureau's year"): signs in as the manager on a running platform
// (BASE_URL) whose database holds that year, and saves the annual statistics and the dashboard over the year as
// PNG files. The browser's clock is put on the year's last day, so "this year" is that year.
//   BASE_URL=http://127.0.0.1:18565 YEAR=2021 OUT=../docs/screenshots node e2e/bureau-year-screenshot.mjs
import fs from 'node:fs'
import path from 'node:path'
import { launchChromium } from './ui.mjs'

const base = (process.env.BASE_URL ?? '').replace(/\/$/, '')
const year = Number(process.env.YEAR ?? '2021')
const out = process.env.OUT ?? 'bureau-year'
if (!base || !Number.isInteger(year)) throw new Error('set BASE_URL (a running platform) and YEAR')
fs.mkdirSync(out, { recursive: true })

// The suites' one Chromium launch (its own copy here lacked --disable-component-update).
const browser = await launchChromium()
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 1000 }, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.clock.setFixedTime(new Date(`${year}-12-31T10:00:00+08:00`))
  await page.goto(`${base}/signin`)
  await page.getByLabel('用户名').fill('manager')
  await page.getByLabel('密码').fill('demo')
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'))

  await page.goto(`${base}/dashboard/annual`)
  await page.locator('main table').first().waitFor({ timeout: 120_000 })
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: path.join(out, `bureau-year-${year}-annual.png`), fullPage: true })

  // The dashboard's own range: the last weeks before the browser's day, December of the year.
  await page.goto(`${base}/dashboard`)
  await page.locator('.echart svg').first().waitFor({ timeout: 120_000 })
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(2000)
  await page.screenshot({ path: path.join(out, `bureau-year-${year}-dashboard.png`), fullPage: true })
  console.log(`saved ${out}/bureau-year-${year}-annual.png and -dashboard.png`)
} finally {
  await browser.close()
}
