// Fast on a phone: what the browser downloads. The applicant's first page (the service catalogue, opened cold) costs
// at most 300 KB of compressed scripts and styles, every text file comes gzipped, and a second visit downloads no
// script or style again (hashed files are cached a year, immutable). Measured from Chromium's own network events
// (CDP), with the bytes as they crossed the wire.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startAppAndChromium } from './ui.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const BUDGET = 300 * 1024
const PHONE = { width: 390, height: 844 }

let app
let browser

before(async () => {
  ;({ app, browser } = await startAppAndChromium({ sample: false }))
})

after(async () => {
  await browser?.close()
  await app?.stop()
})

/** Every script and style the page asked for while `visit` ran: where it came from and what it cost on the wire. */
async function assetsOf(page, visit) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  const seen = new Map()
  const entry = (id) => seen.get(id) ?? seen.set(id, { bytes: 0, fromCache: false }).get(id)
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    if (type !== 'Script' && type !== 'Stylesheet') return
    Object.assign(entry(requestId), {
      url: response.url,
      type,
      status: response.status,
      encoding: response.headers['content-encoding'] ?? response.headers['Content-Encoding'] ?? '',
      cacheControl: response.headers['cache-control'] ?? response.headers['Cache-Control'] ?? '',
      length: Number(response.headers['content-length'] ?? response.headers['Content-Length'] ?? NaN),
      fromCache: seen.get(requestId)?.fromCache || response.fromDiskCache || response.fromPrefetchCache || false,
    })
  })
  cdp.on('Network.requestServedFromCache', ({ requestId }) => (entry(requestId).fromCache = true))
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    if (seen.has(requestId)) seen.get(requestId).bytes = encodedDataLength
  })
  await visit()
  // The page's lazy chunks have been asked for by now; let their last bytes arrive.
  await page.waitForLoadState('networkidle')
  await cdp.detach()
  return [...seen.values()].filter((a) => a.url)
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`

describe('the browser UI on a phone', () => {
  test("the applicant's first page stays within 300 KB of compressed scripts and styles, and a second visit downloads none", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true })
    const page = await context.newPage()
    const first = await assetsOf(page, async () => {
      await page.goto(`${app.baseUrl}/portal`)
      await page.getByRole('link', { name: '基本殡葬服务费用减免（异地火化报销）' }).waitFor()
    })
    const scripts = first.filter((a) => a.type === 'Script')
    const styles = first.filter((a) => a.type === 'Stylesheet')
    const total = first.reduce((sum, a) => sum + a.bytes, 0)
    console.log(`# first visit of /portal: ${scripts.length} scripts ${kb(scripts.reduce((s, a) => s + a.bytes, 0))}, ` +
      `${styles.length} styles ${kb(styles.reduce((s, a) => s + a.bytes, 0))}, total ${kb(total)} (budget ${kb(BUDGET)})`)
    assert.ok(scripts.length > 0 && styles.length > 0, 'the page loads its scripts and styles')
    for (const a of first) {
      assert.equal(a.status, 200, a.url)
      assert.equal(a.fromCache, false, `${a.url} came over the network on the first visit`)
      // Compressed, unless smaller than the server's threshold (server.compression.min-response-size: 1KB).
      if (a.encoding !== 'gzip') assert.ok(a.length < 1024, `${a.url} (${a.length} bytes) is not compressed`)
      assert.match(a.cacheControl, /max-age=31536000/, a.url)
      assert.match(a.cacheControl, /immutable/, a.url)
    }
    assert.ok(total <= BUDGET, `the first page costs ${kb(total)} of scripts and styles, more than ${kb(BUDGET)}`)
    // Neither the dashboard's charts nor the forms and diagrams come with it.
    for (const lib of ['echarts', 'formjs', 'bpmn']) {
      assert.ok(!first.some((a) => new URL(a.url).pathname.startsWith(`/assets/${lib}-`)), `${lib} is not loaded by the catalogue`)
    }

    // On to the service page (its own chunk, fetched once)...
    await page.getByRole('link', { name: '基本殡葬服务费用减免（异地火化报销）' }).click()
    await page.getByRole('heading', { name: '申请材料' }).waitFor()
    // ...and both pages again, each opened anew: index.html is asked again, no script or style is.
    const second = await assetsOf(page, async () => {
      await page.goto(`${app.baseUrl}/portal`)
      await page.getByRole('link', { name: '基本殡葬服务费用减免（异地火化报销）' }).click()
      await page.getByRole('heading', { name: '申请材料' }).waitFor()
      await page.goto(`${app.baseUrl}/portal`)
      await page.getByRole('link', { name: '基本殡葬服务费用减免（异地火化报销）' }).waitFor()
    })
    const again = second.filter((a) => !a.fromCache || a.bytes > 0)
    console.log(`# second visit: ${second.length} scripts and styles, ${again.length} downloaded again`)
    assert.deepEqual(again.map((a) => a.url), [], 'a second visit downloads no script or style')
    // The browser's own account of the page agrees: every script and style it used came from its cache.
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource')
        .filter((r) => /\/assets\/.*\.(js|css)$/.test(new URL(r.name).pathname))
        .map((r) => ({ name: r.name, transferSize: r.transferSize })))
    assert.ok(resources.length > 0)
    assert.deepEqual(resources.filter((r) => r.transferSize > 0), [])
    await context.close()
  })

  test('the pages that need them load the charts, the forms and the diagrams', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })
    const page = await context.newPage()
    const track = await assetsOf(page, async () => {
      await page.goto(`${app.baseUrl}/track`)
      await page.getByLabel('查询码').waitFor()
    })
    assert.ok(!track.some((a) => /\/assets\/(echarts|formjs|bpmn)-/.test(a.url)), 'the tracking page needs none of them')
    await page.goto(`${app.baseUrl}/signin`)
    await page.getByLabel('用户名').fill('manager')
    await page.getByLabel('密码').fill('demo')
    const dashboard = await assetsOf(page, async () => {
      await page.getByRole('button', { name: '登录' }).click()
      await page.waitForURL(/\/dashboard/)
      await page.locator('.echart svg').first().waitFor()
    })
    assert.ok(dashboard.some((a) => /\/assets\/echarts-/.test(a.url)), 'the dashboard loads the charts')
    assert.ok(!dashboard.some((a) => /\/assets\/(formjs|bpmn)-/.test(a.url)), 'the dashboard needs no form or diagram')
    await context.close()
  })
})
