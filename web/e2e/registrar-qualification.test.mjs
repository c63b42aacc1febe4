// Registrar qualifications in the browser (rule R80, 婚姻登记条例 2003 Art. 3): the registrar 黄丽's certificate ran out
// yesterday; the section chief opens "registrar qualifications" from the navigation, sees it expired, is told under
// the field that the end of the validity cannot come before its start, and records the renewal; the list then shows
// the new certificate valid, and the registrar checks a couple in again. The platform's clock is fixed at Monday
// 2026-06-01 09:00 (DEMO_CLOCK_START). Screenshots into e2e/screenshots/registrar-qualification-*.png, each scanned
// for code-like tokens and checked by axe-core.
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
const suite = browserSuite({ shots: dir, failed: 'registrar-qualification-', sample: false })
const { shot, signedIn } = suite

async function call(method, url, user, body) {
  const r = await fetch(`${suite.app.baseUrl}${url}`, { method, headers: as(user), body: body ? JSON.stringify(body) : undefined })
  const text = await r.text()
  return { status: r.status, body: text ? JSON.parse(text) : null }
}

const COUPLE = {
  district: 'shiqi', partyAName: '邓志明', partyAIdNumber: '442000199303260913', partyAPhone: '13800000001',
  partyADeclaredStatus: 'SINGLE', partyBName: '罗晓燕', partyBIdNumber: '442000199303260905', partyBPhone: '13800000002',
  partyBDeclaredStatus: 'SINGLE', bothPresent: true,
}

/** The dialog's date fields, by their place under the certificate number and the authority. */
async function pickDate(page, label, iso) {
  const input = page.locator('.qualification-form label').nth(label === '有效期自' ? 2 : 3).locator('input')
  await input.fill(iso)
  await input.press('Enter')
}

describe('registrar qualifications', () => {
  test('the chief sees an expired certificate, is told what is wrong under the field and records the renewal', async () => {
    const today = await call('GET', '/api/calendar/today', 'chief')
    assert.equal(today.body.today, '2026-06-01')

    // The certificate on record ran out yesterday: the registrar cannot check a couple in.
    const expired = await call('PUT', '/api/registrar-qualifications/clerk-marriage', 'chief', {
      certificateNo: '粤婚登字2021第0107号', issuingAuthority: '广东省民政厅', validFrom: '2021-06-01', validUntil: '2026-05-31',
    })
    assert.equal(expired.status, 200, JSON.stringify(expired.body))
    const refused = await call('POST', '/api/applications', 'clerk-marriage', { serviceCode: 'marriage-registration', data: COUPLE })
    assert.equal(refused.status, 403)
    assert.match(refused.body.detail, /已于2026-05-31到期/)

    const chief = await signedIn('chief')
    await chief.goto(`${suite.app.baseUrl}/workbench`)
    await chief.getByRole('link', { name: '登记员资格', exact: true }).click()
    await chief.waitForURL(/\/workbench\/registrars$/)
    const row = chief.getByTestId('registrar-clerk-marriage')
    await row.getByText('已过期').waitFor()
    assert.match(await row.innerText(), /黄丽/)
    await shot(chief, 'registrar-qualification-10-expired')

    // The renewal with its end before its start: refused under the field, nothing recorded.
    await chief.getByTestId('record-clerk-marriage').click()
    await chief.getByTestId('qualification-certificate').fill('粤婚登字2026第0311号')
    await pickDate(chief, '有效期自', '2026-06-01')
    await pickDate(chief, '有效期至', '2026-05-01')
    await chief.getByTestId('qualification-save').click()
    const error = chief.getByTestId('error-validUntil')
    await error.waitFor()
    assert.equal(await error.innerText(), '“有效期至”不能早于“有效期自”。')
    await shot(chief, 'registrar-qualification-20-invalid', false)

    // Valid for five years: recorded, the list says so.
    await pickDate(chief, '有效期至', '2031-05-31')
    await chief.getByTestId('qualification-save').click()
    await chief.getByTestId('registrars-notice').getByText('已记录黄丽的资格证书 粤婚登字2026第0311号，有效期至 2031-05-31。').waitFor()
    await row.getByText('有效', { exact: true }).waitFor()
    assert.match(await row.innerText(), /粤婚登字2026第0311号/)
    assert.match(await row.innerText(), /2026-06-01 至 2031-05-31/)
    await shot(chief, 'registrar-qualification-30-renewed')

    // On record as the chief entered it, and the registrar checks the couple in under it.
    const list = await call('GET', '/api/registrar-qualifications', 'chief')
    const huang = list.body.find((r) => r.username === 'clerk-marriage')
    assert.equal(huang.certificateNo, '粤婚登字2026第0311号')
    assert.equal(huang.validUntil, '2031-05-31')
    const checkedIn = await call('POST', '/api/applications', 'clerk-marriage', { serviceCode: 'marriage-registration', data: COUPLE })
    assert.equal(checkedIn.status, 201, JSON.stringify(checkedIn.body))
    await chief.context().close()
  })

  test('the list in English shows no internal name either', async () => {
    const page = await signedIn('chief', { width: 1366, height: 900 }, { language: 'en' })
    await page.goto(`${suite.app.baseUrl}/workbench/registrars`)
    const row = page.getByTestId('registrar-clerk-marriage')
    await row.getByText('Valid', { exact: true }).waitFor()
    assert.match(await row.innerText(), /2026-06-01 to 2031-05-31/)
    await shot(page, 'registrar-qualification-40-en', true, { axe: false })
    await page.context().close()
  })

  test('no screenshot of the registrar suite shows a code, a variable name, true/false or an id', () => {
    assert.deepEqual(suite.codeFindings, [])
  })

  test('axe-core finds no accessibility violation on any page of the registrar suite', () => {
    assert.deepEqual(suite.axeViolations, [])
    assert.ok(suite.axeChecked.length > 0)
  })
})
