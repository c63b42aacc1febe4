// Notifications in the browser: the applicant's page shows what we sent them about a case ("我们给您发送的通知":
// the receipt of a demo case, sent through the outbox by the logging gateways of the embedded default), the applicant
// changes their channels and language in the small section of "我的申请" and the choice holds after a reload, and the
// case's staff see the same notices on the workbench's case page, without addresses. Screenshots into
// e2e/screenshots/notifications-*.png, each scanned for code-like tokens and checked by axe-core.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { browserSuite } from './ui.mjs'
import { as } from './counter-ui.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const dir = path.join(here, 'screenshots')
// The demo cases only (zhangsan's and lisi's are submitted at start-up, each with its receipt): no sample.
const suite = browserSuite({ shots: dir, failed: 'notifications-', sample: false })
const { shot, signedIn } = suite
const state = {}

/** Waits until the case's receipt e-mail and text message are sent (the dispatcher delivers right after start). */
async function receiptSent(no) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const r = await fetch(`${suite.app.baseUrl}/api/applications/${no}/notifications`, { headers: as('zhangsan') })
    assert.equal(r.status, 200)
    const notices = await r.json()
    if (notices.filter((n) => n.template === 'RECEIPT' && n.state === 'SENT').length === 2) return notices
    await new Promise((res) => setTimeout(res, 500))
  }
  assert.fail(`the receipt of ${no} was not sent within a minute`)
}

describe('notifications', () => {
  test("the applicant's case page shows the receipt we sent", async () => {
    const mine = await fetch(`${suite.app.baseUrl}/api/applications/mine?size=50`, { headers: as('zhangsan') })
    assert.equal(mine.status, 200)
    const items = (await mine.json()).items
    assert.ok(items.length > 0, 'zhangsan has demo cases')
    state.no = items[items.length - 1].applicationNo
    await receiptSent(state.no)

    const page = await signedIn('zhangsan')
    await page.goto(`${suite.app.baseUrl}/portal/applications/${state.no}`)
    const panel = page.getByTestId('notifications')
    await panel.getByRole('heading', { name: '我们给您发送的通知' }).waitFor()
    await panel.getByText('已收到申请').first().waitFor()
    const text = await panel.innerText()
    assert.match(text, /已收到申请\s*电子邮件\s*已发送/)
    assert.match(text, /已收到申请\s*短信\s*已发送/)
    assert.doesNotMatch(text, /@|138\d|RECEIPT|EMAIL|SMS|SENT/)
    await panel.scrollIntoViewIfNeeded()
    await shot(page, 'notifications-applicant-case')
    await page.context().close()
  })

  test('the applicant changes their channels and language, and the choice holds', async () => {
    const page = await signedIn('zhangsan')
    await page.goto(`${suite.app.baseUrl}/portal/applications`)
    const settings = page.getByTestId('notification-settings')
    await settings.getByRole('heading', { name: '通知方式' }).waitFor()
    // Nobody chose yet: the default is said in words.
    await settings.getByText('您还没有选择，目前按默认方式通知：电子邮件和短信。').waitFor()
    await settings.getByText('只发电子邮件').click()
    await settings.getByText('English', { exact: true }).click()
    await settings.getByTestId('prefs-save').click()
    await settings.getByTestId('prefs-status').getByText('已保存：只发电子邮件，English。').waitFor()
    await settings.scrollIntoViewIfNeeded()
    await shot(page, 'notifications-preferences-saved')

    await page.reload()
    await page.getByTestId('notification-settings').getByRole('heading', { name: '通知方式' }).waitFor()
    const checked = page.getByTestId('notification-settings').locator('.el-radio.is-checked')
    await checked.first().waitFor()
    assert.deepEqual(await checked.allInnerTexts(), ['只发电子邮件', 'English'])
    const r = await fetch(`${suite.app.baseUrl}/api/me/notification-preferences`, { headers: as('zhangsan') })
    assert.deepEqual(await r.json(), { channels: 'EMAIL', language: 'en', chosen: true })
    await page.context().close()
  })

  test("the case's staff see which notices were sent, by which channel and when", async () => {
    const page = await signedIn('chief')
    await page.goto(`${suite.app.baseUrl}/workbench/cases/${state.no}`)
    const panel = page.getByTestId('notifications')
    await panel.getByRole('heading', { name: '已发给申请人的通知' }).waitFor()
    // The list arrives after the heading (a call of its own).
    await panel.getByText('已收到申请').first().waitFor()
    const text = await panel.innerText()
    assert.match(text, /已收到申请\s*电子邮件\s*已发送\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    assert.doesNotMatch(text, /@|138\d|zhangsan/)
    await panel.scrollIntoViewIfNeeded()
    await shot(page, 'notifications-staff-case')
    await page.context().close()
  })

  test('no screen shows codes or fails the accessibility check', () => {
    assert.deepEqual(suite.codeFindings, [])
    assert.deepEqual(suite.axeViolations, [])
  })
})
