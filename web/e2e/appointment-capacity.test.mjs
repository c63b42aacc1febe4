// A registry office's places for a day, through the UI alone (issue 19): the chief opens "appointment places" from
// the navigation, tries to lower a band below the places already booked and is told how many are booked under the
// field, lowers it to five and closes the afternoon; an applicant then sees four places left in the morning and the
// afternoon full on the booking page. The platform's clock is fixed at Monday 2026-06-01 09:00 (DEMO_CLOCK_START).
// Screenshots into e2e/screenshots/appointment-capacity-*.png, each scanned for code-like tokens and checked by
// axe-core.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { browserSuite } from './ui.mjs'
import { as } from './counter-ui.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const dir = path.join(here, 'screenshots')

process.env.DEMO_TIME_TRAVEL = 'true'
process.env.DEMO_CLOCK_START = '2026-06-01'
const suite = browserSuite({ shots: dir, failed: 'appointment-capacity-', sample: false })
const { shot, signedIn } = suite

const DAY = '2026-06-03'

describe('appointment places per day', () => {
  test('the chief cannot go below the booked places, lowers a band and closes another; the applicant sees the new places', async () => {
    const base = suite.app.baseUrl
    const today = await fetch(`${base}/api/calendar/today`, { headers: as('chief') }).then((r) => r.json())
    assert.equal(today.today, '2026-06-01')

    // One couple has booked the morning of the day (the booking itself is the appointments suite's subject).
    const booked = await fetch(`${base}/api/appointments`, {
      method: 'POST',
      headers: as('zhangsan'),
      body: JSON.stringify({
        service: 'marriage-registration', office: 'city', day: DAY, band: 'am',
        partyA: { name: '王小明', idNumber: '442000200003151315' }, partyB: { name: '吴婷', idNumber: '44200020030303134X' },
      }),
    })
    assert.equal(booked.status, 201, await booked.text())

    const chief = await signedIn('chief')
    await chief.goto(`${base}/workbench`)
    await chief.getByRole('link', { name: '预约名额', exact: true }).click()
    await chief.waitForURL(/\/workbench\/appointments\/schedule$/)
    const morning = chief.getByTestId(`cell-${DAY}-am`)
    await morning.getByText('1 / 30').waitFor()
    await shot(chief, 'appointment-capacity-10-schedule')

    // Below the booked place: refused, under the field, with the number booked; nothing changed.
    await morning.click()
    await chief.getByTestId('capacity-input').fill('0')
    await chief.getByTestId('capacity-reason').fill('登记员外出培训')
    await chief.getByTestId('capacity-save').click()
    const refused = chief.getByTestId('capacity-error')
    await refused.waitFor()
    assert.equal(await refused.innerText(), '该时段已有1个名额被预约，名额不能少于1。')
    await shot(chief, 'appointment-capacity-20-below-booked', false)

    // Five places: saved, the table says so.
    await chief.getByTestId('capacity-input').fill('5')
    await chief.getByTestId('capacity-save').click()
    await chief.getByTestId('schedule-notice').getByText('名额由 30 调整为 5').waitFor()
    await morning.getByText('1 / 5').waitFor()

    // The afternoon closed (nobody booked it): no places at all.
    const afternoon = chief.getByTestId(`cell-${DAY}-pm`)
    await afternoon.click()
    await chief.getByTestId('capacity-input').fill('0')
    await chief.getByTestId('capacity-save').click()
    assert.equal(await chief.getByTestId('reason-error').innerText(), '请填写调整原因，至多200个字。')
    await chief.getByTestId('capacity-reason').fill('登记员休假')
    await chief.getByTestId('capacity-save').click()
    await afternoon.getByText('已关闭').waitFor()
    assert.match(await afternoon.innerText(), /0 \/ 0/)
    await shot(chief, 'appointment-capacity-30-changed')

    // The applicant's booking page shows the new places at once.
    const applicant = await signedIn('lisi', { width: 390, height: 844 })
    await applicant.goto(`${base}/portal/appointments`)
    const am = applicant.getByTestId(`band-${DAY}-am`)
    await am.waitFor()
    assert.match(await am.innerText(), /余4个/)
    const pm = applicant.getByTestId(`band-${DAY}-pm`)
    assert.match(await pm.innerText(), /已约满/)
    assert.ok(await pm.isDisabled(), 'a closed band cannot be chosen')
    await shot(applicant, 'appointment-capacity-40-applicant-phone', true, { axe: false })
    for (const p of [chief, applicant]) await p.context().close()
  })

  test('the places page in English shows no internal name either', async () => {
    const page = await signedIn('chief', { width: 1366, height: 900 }, { language: 'en' })
    await page.goto(`${suite.app.baseUrl}/workbench/appointments/schedule`)
    await page.getByTestId(`cell-${DAY}-am`).getByText('1 / 5').waitFor()
    await page.getByTestId(`cell-${DAY}-am`).click()
    await page.getByTestId('capacity-input').fill('0')
    await page.getByTestId('capacity-reason').fill('Registrar away')
    await page.getByTestId('capacity-save').click()
    assert.equal(await page.getByTestId('capacity-error').innerText(), 'One place of this band is already booked; it cannot have fewer than 1.')
    await shot(page, 'appointment-capacity-50-en', true, { axe: false })
    await page.context().close()
  })

  test('no screenshot of the places suite shows a code, a variable name, true/false or an id', () => {
    assert.deepEqual(suite.codeFindings, [])
  })

  test('axe-core finds no accessibility violation on any page of the places suite', () => {
    assert.deepEqual(suite.axeViolations, [])
    assert.ok(suite.axeChecked.length > 0)
  })
})
