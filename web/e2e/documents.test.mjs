// Documents anyone can verify, in the browser: a marriage registered at the counter produces its e-copy; the
// registrar downloads it from the case page; the QR code on its page (rendered with pdftoppm, decoded with ZXing from
// the packaged jar) opens the public verification page, signed out, which shows the document as valid and the file
// as the original; a copy with one changed byte is "not a document issued by the bureau"; a chief revokes it on the
// case page and the page says revoked; a forged token is invalid.
// Screenshots into e2e/screenshots/documents-*.png, the page of the PDF into /tmp (docs/screenshots/ holds a committed one).
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
const suite = browserSuite({ shots: dir, failed: 'documents-', sample: false })
const { pages, shot, signedIn } = suite

const { registeredMarriage } = registrarApi(suite)

describe('documents anyone can verify, in the browser', () => {
  test('the e-copy of a registered marriage is downloaded from the case page and verified on the public page', async () => {
    const no = await registeredMarriage()
    const page = await signedIn('clerk-marriage')
    await page.goto(`${suite.app.baseUrl}/workbench/cases/${no}`)
    const item = page.getByTestId('issued-marriage-copy')
    await item.waitFor({ timeout: 60_000 })
    assert.match(await item.innerText(), /结婚登记电子证照（副本）/)
    await shot(page, 'documents-1-case-page')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-marriage-copy').click()])
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'documents-e2e-'))
    const pdf = path.join(work, 'marriage-copy.pdf')
    await download.saveAs(pdf)
    assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), '%PDF-')
    const { url, png } = qrOf(pdf)
    console.log(`# QR code: ${url}; page image ${png}`)
    assert.match(url, /\/verify\/MZWS-\d{4}-\d{8}\.[A-Za-z0-9-]+\.[A-Za-z0-9_-]+$/)

    // Signed out: the page the QR code opens (on the address the suite started the application at).
    const context = await suite.browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'zh-CN' })
    context.setDefaultTimeout(60_000)
    const visitor = await context.newPage()
    pages.add(visitor)
    const target = new URL(url)
    await visitor.goto(`${suite.app.baseUrl}${target.pathname}`)
    const verdict = visitor.getByTestId('verify-verdict')
    await verdict.waitFor()
    assert.match(await verdict.innerText(), /有效/)
    const shown = await visitor.getByTestId('verify-result').innerText()
    for (const fact of ['结婚登记电子证照（副本）', '王小明', '吴婷', no]) assert.ok(shown.includes(fact), `${fact} in ${shown}`)
    assert.ok(!shown.includes('442000200003151315'), 'the ID number is masked as on the document')

    await visitor.getByTestId('verify-file').setInputFiles(pdf)
    await visitor.getByTestId('verify-file-submit').click()
    const fileResult = visitor.getByTestId('verify-file-result')
    await fileResult.waitFor()
    assert.match(await fileResult.innerText(), /一致：该文件即本局出具的文书原件/)
    await shot(visitor, 'documents-2-verified')

    const changed = path.join(work, 'changed.pdf')
    const bytes = fs.readFileSync(pdf)
    bytes[Math.floor(bytes.length / 2)] ^= 1
    fs.writeFileSync(changed, bytes)
    await visitor.getByTestId('verify-file').setInputFiles(changed)
    await visitor.getByTestId('verify-file-submit').click()
    await visitor.getByText('不一致：该文件不是本局出具的文书').waitFor()
    await shot(visitor, 'documents-3-altered')

    // A section chief revokes it on the case page, with a reason: the same page now says revoked, with the date.
    await page.context().close()
    const chief = await signedIn('chief')
    await chief.goto(`${suite.app.baseUrl}/workbench/cases/${no}`)
    await chief.getByTestId('revoke-marriage-copy').click()
    await chief.locator('.el-message-box__input input').fill('当事人身份信息登记错误，依法撤销')
    await chief.locator('.el-message-box__btns').getByRole('button', { name: '撤销文书' }).click()
    await chief.getByTestId('issued-marriage-copy').getByText('已撤销', { exact: true }).waitFor()
    await shot(chief, 'documents-5-revoked-on-case-page')
    await chief.context().close()
    await visitor.goto(`${suite.app.baseUrl}${target.pathname}`)
    await visitor.getByTestId('verify-verdict').waitFor()
    assert.match(await visitor.getByTestId('verify-verdict').innerText(), /已撤销/)
    assert.match(await visitor.getByTestId('verify-revoked').innerText(), /撤销时间：\d{4}-\d{2}-\d{2}.*当事人身份信息登记错误/)
    await shot(visitor, 'documents-6-revoked')

    const forged = target.pathname.replace(/\.[A-Za-z0-9_-]+$/, '.AAAAAAAAAAAAAAAAAAAAAA')
    await visitor.goto(`${suite.app.baseUrl}${forged}`)
    await visitor.getByTestId('verify-verdict').waitFor()
    assert.match(await visitor.getByTestId('verify-verdict').innerText(), /无效/)
    await shot(visitor, 'documents-4-forged')
    await context.close()
  })

  test('no screenshot shows a code-like token, and axe-core finds no violation on the pages', () => {
    assert.deepEqual(suite.codeFindings, [])
    assert.deepEqual(suite.axeViolations, [])
    assert.ok(suite.axeChecked.length > 0, 'axe-core checked the pages')
    console.log(`# axe-core checked ${suite.axeChecked.length} pages`)
  })
})
