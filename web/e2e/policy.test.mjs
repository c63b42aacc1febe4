// Policy without a release, in the browser (issue 21): administrator A opens the policy tables from the navigation,
// edits the funeral total cap (an unidentified body's basic fees capped at 1,200 yuan instead of none), is told
// which cell is not a valid condition, proposes it for tomorrow and cannot approve it herself; administrator B
// approves it; a waiver accepted today names the released version on its case page and one accepted after the demo
// clock moves to tomorrow names the new version with its effective date. Screenshots into e2e/screenshots/policy-*.png.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { browserSuite } from './ui.mjs'
import { as } from './counter-ui.mjs'

// The effective date comes on the platform's demo clock (README: DEMO_TIME_TRAVEL).
process.env.DEMO_TIME_TRAVEL = 'true'

const here = path.dirname(fileURLToPath(import.meta.url))
const dir = path.join(here, 'screenshots')
const suite = browserSuite({ shots: dir, failed: 'policy-', sample: false })
const { signedIn, shot } = suite

async function call(method, url, user, body) {
  const r = await fetch(`${suite.app.baseUrl}${url}`, { method, headers: as(user), body: body ? JSON.stringify(body) : undefined })
  const text = await r.text()
  return { status: r.status, body: text ? JSON.parse(text) : null }
}

async function ok(method, url, user, body) {
  const r = await call(method, url, user, body)
  assert.ok(r.status < 300, `${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body
}

function plusDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** An unidentified body registered at the funeral home today (the case is accepted when it is registered). */
async function unidentifiedWaiver(today, n) {
  const data = {
    district: 'shiqi', unidentifiedBody: true, policeCertificateNo: `中公刑无名证2026第09${n}号`, deceasedName: '无名氏',
    dateOfDeath: plusDays(today, -2), deathCertificateNo: `SW442000202609${n}`, placeOfDeath: '中山市石岐区',
    cremationDate: today, phone: '13800138000',
    items: [{ itemCode: 'TRANSPORT', quantity: 60, charge: 900 }, { itemCode: 'CREMATION', quantity: 1, charge: 600 }],
  }
  const { applicationNo } = await ok('POST', '/api/applications', 'clerk-funeral-home', { serviceCode: 'funeral-fee-waiver', data })
  return applicationNo
}

async function openPolicyTables(page) {
  await page.getByRole('link', { name: '政策表' }).click()
  await page.getByRole('heading', { name: '政策决策表' }).waitFor()
}

describe('policy without a release, in the browser', () => {
  test('one administrator proposes a new total cap, another approves it, cases keep the version of their acceptance day', async () => {
    const { today } = await ok('GET', '/api/admin/demo-clock', 'admin')
    const tomorrow = plusDays(today, 1)
    const before = await unidentifiedWaiver(today, '01')

    const a = await signedIn('admin')
    await openPolicyTables(a)
    const inForce = await a.getByTestId('policy-in-force-funeral-total-cap').innerText()
    assert.match(inForce, /第\d+版 · 随系统版本发布/)
    await a.getByTestId('policy-edit-funeral-total-cap').click()
    await a.getByTestId('policy-editor').waitFor()
    assert.equal(await a.getByTestId('policy-in-0-0').inputValue(), '"UNIDENTIFIED"')
    const special = await a.getByTestId('policy-in-1-0').inputValue()

    // A condition the engine cannot read is refused, and the page says which cell.
    await a.getByTestId('policy-in-1-0').fill('"TEKUN","DIBAO')
    await a.getByTestId('policy-out-0-0').fill('1200')
    await a.getByTestId('policy-reason').fill('市财政局通知：无名遗体基本殡葬费用设上限1200元')
    await a.getByTestId('policy-effective').fill(tomorrow)
    await a.getByTestId('policy-submit').click()
    await a.getByTestId('policy-rule-1').getByText('不是有效的条件').waitFor()
    await shot(a, 'policy-1-invalid-cell')

    await a.getByTestId('policy-in-1-0').fill(special)
    await a.getByTestId('policy-submit').click()
    await a.getByTestId('policy-notice').getByText('等待另一位管理员审核').waitFor()
    await a.getByTestId('policy-waiting').getByRole('button', { name: '查看' }).first().click()
    await a.getByTestId('policy-not-yours').waitFor()
    assert.equal(await a.getByTestId('policy-approve').count(), 0, 'the proposer has no approve button')
    await shot(a, 'policy-2-proposed')
    const [waiting] = (await ok('GET', '/api/policy/changes', 'admin')).filter((c) => c.status === 'PROPOSED')
    const own = await call('POST', `/api/policy/changes/${waiting.id}/approval`, 'admin', {})
    assert.equal(own.status, 403)
    assert.equal(own.body.detail, '不能审核自己提出的调整，须由另一位管理员审核。')

    const b = await signedIn('admin2')
    await openPolicyTables(b)
    await b.getByTestId('policy-waiting').getByRole('button', { name: '查看' }).first().click()
    await b.getByTestId('policy-change').getByText('市财政局通知').waitFor()
    await b.getByTestId('policy-approve-date').fill(tomorrow)
    await b.getByTestId('policy-approve').click()
    await b.getByTestId('policy-notice').getByText('已发布').waitFor()
    await b.getByTestId('policy-scheduled-funeral-total-cap').getByText(`${tomorrow}起施行`).waitFor()
    await shot(b, 'policy-3-approved')
    const scheduled = await b.getByTestId('policy-scheduled-funeral-total-cap').innerText()
    const newVersion = scheduled.match(/第(\d+)版/)[1]

    await ok('POST', '/api/admin/demo-clock', 'admin', { days: 1 })
    const after = await unidentifiedWaiver(tomorrow, '02')

    const clerk = await signedIn('clerk-funeral-home')
    await clerk.goto(`${suite.app.baseUrl}/workbench/cases/${before}`)
    const oldOne = clerk.getByTestId('case-policy-funeral-total-cap')
    await oldOne.waitFor()
    assert.match(await oldOne.innerText(), /第\d+版 · 随系统版本发布/)
    await clerk.getByTestId('case-policy-versions').getByText('适用政策版本').waitFor()
    await shot(clerk, 'policy-4-case-before')

    await clerk.goto(`${suite.app.baseUrl}/workbench/cases/${after}`)
    const newOne = clerk.getByTestId('case-policy-funeral-total-cap')
    await newOne.waitFor()
    assert.equal(await newOne.innerText(), `第${newVersion}版 · ${tomorrow}起施行`)
    await shot(clerk, 'policy-5-case-after')
  })
})
