// The marriage archive at the registrar's counter, in the browser (R66, R73): a couple registered earlier (through
// the API, as documents.test.mjs does); the registrar opens the archive from the navigation, searches it by the
// bride's ID number stating the purpose, sees the registration, and issues a replacement marriage certificate through
// the page alone; the PDF is downloaded and its QR code (pdftoppm, then ZXing from the packaged jar) opens the public
// verification page, signed out, which says the bureau issued it. Screenshots into e2e/screenshots/archive-*.png.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { browserSuite } from './ui.mjs'
import { qrOf, registrarApi } from './documents-ui.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const dir = path.join(here, 'screenshots')
const suite = browserSuite({ shots: dir, failed: 'archive-', sample: false })
const { pages, shot, signedIn } = suite

const BRIDE_ID = '44200020030303134X'

const { registeredMarriage } = registrarApi(suite)

describe('the marriage archive at the registrar\'s counter, in the browser', () => {
  test('a registrar finds a couple registered earlier and issues a replacement marriage certificate', async () => {
    await registeredMarriage()
    const page = await signedIn('clerk-marriage')
    await page.getByRole('link', { name: '婚姻档案' }).click()
    await page.getByRole('heading', { name: '婚姻登记档案查询' }).waitFor()

    // Asked without a purpose: the page says which field is missing, in words.
    await page.getByTestId('archive-id').fill(BRIDE_ID)
    await page.getByTestId('archive-search').click()
    await page.getByText('“查询事由”为必填项。').waitFor()

    await page.getByTestId('archive-purpose').fill('当事人结婚证遗失，申请补领')
    await page.getByTestId('archive-search').click()
    const records = page.getByTestId('archive-records')
    await records.waitFor()
    const shown = await records.innerText()
    for (const fact of ['结婚登记', '王小明', '吴婷', '婚姻关系存续']) assert.ok(shown.includes(fact), `${fact} in ${shown}`)
    assert.match(shown, /J442000-\d{4}-\d{6}/)
    assert.ok(!(await page.locator('body').innerText()).includes('442000200003151315'), 'the groom\'s number is not shown')
    await shot(page, 'archive-1-found')

    await records.getByRole('button', { name: '补发结婚证' }).click()
    const notice = page.getByTestId('archive-notice')
    await notice.waitFor()
    assert.match(await notice.innerText(), /已补发，补发证件字号 BJ442000-\d{4}-\d{6}/)
    const item = page.getByTestId('issued-marriage-replacement')
    await item.waitFor()
    assert.match(await item.innerText(), /结婚证（补发）电子证照/)
    await shot(page, 'archive-2-replaced')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-marriage-replacement').click()])
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-e2e-'))
    const pdf = path.join(work, 'marriage-replacement.pdf')
    await download.saveAs(pdf)
    assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), '%PDF-')
    const { url } = qrOf(pdf)
    assert.match(url, /\/verify\/MZWS-\d{4}-\d{8}\.[A-Za-z0-9-]+\.[A-Za-z0-9_-]+$/)

    // Signed out, the page the QR code opens: issued by the bureau, under the replacement's own number.
    const context = await suite.browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'zh-CN' })
    context.setDefaultTimeout(60_000)
    const visitor = await context.newPage()
    pages.add(visitor)
    await visitor.goto(`${suite.app.baseUrl}${new URL(url).pathname}`)
    await visitor.getByTestId('verify-verdict').waitFor()
    assert.match(await visitor.getByTestId('verify-verdict').innerText(), /有效/)
    const verified = await visitor.getByTestId('verify-result').innerText()
    for (const fact of ['结婚证（补发）电子证照', '补发结婚证字号', '原结婚证字号', '王小明', '吴婷']) {
      assert.ok(verified.includes(fact), `${fact} in ${verified}`)
    }
    assert.ok(!verified.includes(BRIDE_ID), 'the ID number is masked as on the document')
    await shot(visitor, 'archive-3-verified')
    await context.close()
    await page.context().close()
  })

  test('no screenshot shows a code-like token, and axe-core finds no violation on the pages', () => {
    assert.deepEqual(suite.codeFindings, [])
    assert.deepEqual(suite.axeViolations, [])
    assert.ok(suite.axeChecked.length > 0, 'axe-core checked the pages')
  })
})
