// The service loop in the browser, through the UI alone (issue 19): an applicant books a marriage appointment on a
// phone-sized screen, the hall checks the couple in by an ID number, the counter calls the ticket and the counter
// screen opens with the appointment filled in, the couple is registered there and on the case page; the e-copy is
// downloaded and verified on the public page through its QR code; the couple rate on the counter's device; the
// public hall display shows the call (ticket and counter, no names); the applicant sees the appointment served; the manager sees the day's
// figures. The demo clock moves the platform to the booked day. Screenshots into e2e/screenshots/appointments-*.png,
// each scanned for code-like tokens and checked by axe-core.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { browserSuite } from './ui.mjs'
import { qrOf } from './documents-ui.mjs'
import { as, caseSteps, choose, field, fill, rateOnCounterDevice, tick } from './counter-ui.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const dir = path.join(here, 'screenshots')

process.env.DEMO_TIME_TRAVEL = 'true'
const suite = browserSuite({ shots: dir, failed: 'appointments-', sample: false })
const { shot, signedIn } = suite
const { openStep, completeStep, outcome } = caseSteps(suite)

// The registry knows this couple (counter.test.mjs registers the same people in its own application).
const GROOM = { name: '王小明', id: '442000200003151315' }
const BRIDE = { name: '吴婷', id: '44200020030303134X' }

async function platformToday() {
  const r = await fetch(`${suite.app.baseUrl}/api/calendar/today`, { headers: as('clerk-marriage') })
  assert.equal(r.status, 200)
  return (await r.json()).today
}

/** The documented demo clock: the platform moves on by whole days (only to reach the booked day). */
async function moveClockDays(days) {
  const r = await fetch(`${suite.app.baseUrl}/api/admin/demo-clock`, { method: 'POST', headers: as('admin'), body: JSON.stringify({ days }) })
  assert.equal(r.status, 200, await r.text())
}

const daysBetween = (from, to) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

describe('appointments and calling at the counter', () => {
  test('an applicant books on a phone, the hall checks the couple in, the counter calls and registers them, the e-copy verifies, they rate at the counter', async () => {
    const base = suite.app.baseUrl
    const phone = await signedIn('zhangsan', { width: 390, height: 844 })
    await phone.goto(`${base}/portal/appointments`)
    const band = phone.locator('button.band:not([disabled])').first()
    await band.waitFor()
    const day = (await band.getAttribute('data-testid')).slice('band-'.length, 'band-'.length + 10)
    await shot(phone, 'appointments-10-days-phone', true, { axe: false })
    await band.click()
    await phone.getByTestId('partyA-name').fill(GROOM.name)
    await phone.getByTestId('partyA-idNumber').fill(GROOM.id)
    await phone.getByTestId('partyA-phone').fill('13800000001')
    await phone.getByTestId('partyB-name').fill(BRIDE.name)
    await phone.getByTestId('partyB-idNumber').fill(BRIDE.id)
    await shot(phone, 'appointments-11-confirm-phone')
    await phone.getByTestId('appt-book').click()
    const booked = phone.getByTestId('appt-booked')
    await booked.waitFor()
    const bookingNo = (await booked.innerText()).match(/YY\d{8}-\d{8}/)[0]
    assert.ok(bookingNo.startsWith(`YY${day.replaceAll('-', '')}`))
    await phone.getByTestId('appt-mine').getByText('已预约').first().waitFor()
    await shot(phone, 'appointments-12-booked-phone')

    // The booked day comes.
    await moveClockDays(daysBetween(await platformToday(), day))
    assert.equal(await platformToday(), day)

    // Reception: check-in by the groom's ID number, a ticket.
    const desk = await signedIn('clerk-marriage')
    await desk.goto(`${base}/workbench/hall`)
    await desk.getByTestId('hall-reference').fill(GROOM.id)
    await desk.getByTestId('hall-check-in').click()
    const ticket = desk.getByTestId('hall-ticket')
    await ticket.waitFor()
    assert.match(await ticket.innerText(), /排队号 A001/)
    await shot(desk, 'appointments-20-hall-check-in')

    // The hall's screen, no sign-in.
    const screenContext = await suite.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' })
    const screen = await screenContext.newPage()
    suite.pages.add(screen)
    await screen.goto(`${base}/hall/display?office=city`)
    await screen.getByTestId('hall-display').getByText('暂无叫号').waitFor()

    // The counter calls: the registration screen opens with the appointment filled in.
    await desk.getByTestId('hall-counter').fill('3')
    await desk.getByTestId('hall-call').click()
    await desk.waitForURL(/\/workbench\/counter\/marriage-registration\?ticket=/)
    await desk.getByTestId('called-ticket').waitFor()
    await desk.locator('.fjs-form').waitFor()
    assert.equal(await field(desk, '预约号（现场办理可不填）').inputValue(), bookingNo)
    assert.equal(await field(desk, '当事人甲姓名').inputValue(), GROOM.name)
    assert.equal(await field(desk, '当事人乙身份证件号码').inputValue(), BRIDE.id)
    assert.match(await desk.getByTestId('called-ticket').innerText(), /A001.*3号窗口/s)
    await shot(desk, 'appointments-30-counter-called')

    await screen.getByTestId('display-latest').getByText('A001').waitFor({ timeout: 15_000 })
    const shown = await screen.getByTestId('hall-display').innerText()
    assert.match(shown, /3 号窗口/)
    assert.doesNotMatch(shown, new RegExp(`${GROOM.name}|${BRIDE.name}|${GROOM.id}|${bookingNo}`), 'ticket numbers only')
    await shot(screen, 'appointments-40-hall-display', false)
    // E2E_DOCS_IMG=1 refreshes the picture docs/appointments.md shows (CI leaves the committed one alone).
    if (process.env.E2E_DOCS_IMG === '1') {
      fs.mkdirSync(path.resolve(here, '../../docs/screenshots'), { recursive: true })
      fs.copyFileSync(path.join(dir, 'appointments-40-hall-display.png'), path.resolve(here, '../../docs/screenshots/hall-display.png'))
    }

    // The couple is registered on that screen: what the booking did not hold, then submit.
    await choose(desk, '当事人甲申报婚姻状况', '未婚')
    await fill(desk, '当事人乙联系电话', '13800000002')
    await choose(desk, '当事人乙申报婚姻状况', '未婚')
    await tick(desk, /双方已亲自到场/)
    await desk.getByTestId('counter-submit').click()
    const no = await desk.getByTestId('application-no').innerText({ timeout: 60_000 })
    assert.match(no, /^JH-\d{8}-\d{4}$/)
    await shot(desk, 'appointments-31-registered')

    // The registrar registers the couple on the case page: the review, then the certificates.
    await desk.getByTestId('open-case').click()
    await desk.waitForURL(new RegExp(`/workbench/cases/${no}$`))
    await openStep(desk, no, 'Task_ReviewMarriage')
    await desk.getByLabel('已告知，当事人不需要', { exact: true }).check()
    await desk.getByLabel('符合条件，予以登记', { exact: true }).check()
    await tick(desk, /甲已在登记员面前签署/)
    await tick(desk, /乙已在登记员面前签署/)
    await completeStep(desk, no, 'appointments-32-review')
    await openStep(desk, no, 'Task_IssueCertificate')
    await tick(desk, /双方已核对信息并亲自签名/)
    await tick(desk, /已向双方各发结婚证一本/)
    await completeStep(desk, no, 'appointments-33-issue')
    await outcome(desk, no, '已登记')

    // The e-copy of the registration: downloaded from the case page, the QR code on its page opens the public
    // verification page (signed out), which says valid and recognises the downloaded file as the original.
    const copy = desk.getByTestId('issued-marriage-copy')
    await copy.waitFor({ timeout: 60_000 })
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('download-marriage-copy').click()])
    const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'service-loop-')), 'marriage-copy.pdf')
    await download.saveAs(pdf)
    const { url } = qrOf(pdf)
    const visitorContext = await suite.browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'zh-CN' })
    visitorContext.setDefaultTimeout(60_000)
    const visitor = await visitorContext.newPage()
    suite.pages.add(visitor)
    await visitor.goto(`${base}${new URL(url).pathname}`)
    await visitor.getByTestId('verify-verdict').waitFor()
    assert.match(await visitor.getByTestId('verify-verdict').innerText(), /有效/)
    const shownOnPage = await visitor.getByTestId('verify-result').innerText()
    for (const fact of [GROOM.name, BRIDE.name, no]) assert.ok(shownOnPage.includes(fact), `${fact} on the verification page`)
    assert.ok(!shownOnPage.includes(GROOM.id), 'the ID number masked as on the document')
    await visitor.getByTestId('verify-file').setInputFiles(pdf)
    await visitor.getByTestId('verify-file-submit').click()
    await visitor.getByTestId('verify-file-result').waitFor()
    assert.match(await visitor.getByTestId('verify-file-result').innerText(), /一致：该文件即本局出具的文书原件/)
    await shot(visitor, 'appointments-35-ecopy-verified')
    await visitorContext.close()

    // Before they leave, the couple rate the service on the counter's rating device.
    await rateOnCounterDevice(suite, desk, no, new RegExp(`${GROOM.name}|${BRIDE.name}|${GROOM.id}|${BRIDE.id}`), 'appointments-36')

    // The applicant sees it served; the manager sees the day's figures.
    await phone.reload()
    await phone.getByTestId('appt-mine').getByText('已办理').first().waitFor()
    const manager = await signedIn('manager')
    await manager.goto(`${base}/dashboard`)
    const figures = manager.getByTestId('hall-figures')
    await figures.getByText('结婚登记').waitFor()
    await shot(manager, 'appointments-50-dashboard-hall', true, { axe: false })
    for (const p of [phone, desk, screen, manager]) await p.context().close()
  })

  test('the booking page in English shows no internal name either', async () => {
    const page = await signedIn('lisi', { width: 390, height: 844 }, { language: 'en' })
    await page.goto(`${suite.app.baseUrl}/portal/appointments`)
    await page.locator('button.band').first().waitFor()
    await shot(page, 'appointments-60-en-booking-phone')
    await page.context().close()
  })

  test('no screenshot of the appointments suite shows a code, a variable name, true/false or an id', () => {
    assert.deepEqual(suite.codeFindings, [])
  })

  test('axe-core finds no accessibility violation on any page of the appointments suite', () => {
    assert.deepEqual(suite.axeViolations, [])
    assert.ok(suite.axeChecked.length > 0)
  })
})
