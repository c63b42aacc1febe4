// Policy parameters without a release, in the browser (issue 21): administrator A proposes a shorter statutory time
// limit for the funeral reimbursement (15 working days from tomorrow) in 政策表's parameter section and cannot
// approve it herself; administrator B opens it from 待审核的调整 and approves it; the parameter list shows it
// scheduled, and once the demo clock moves to tomorrow, in force from its date. Screenshots into
// e2e/screenshots/policy-parameters-*.png.
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
const suite = browserSuite({ shots: dir, failed: 'policy-parameters-', sample: false })
const { signedIn, shot } = suite

const LIMIT = 'funeral-fee-reimbursement.statutory-limit'

async function ok(method, url, user, body) {
  const r = await fetch(`${suite.app.baseUrl}${url}`, { method, headers: as(user), body: body ? JSON.stringify(body) : undefined })
  const text = await r.text()
  assert.ok(r.status < 300, `${method} ${url}: ${r.status} ${text}`)
  return text ? JSON.parse(text) : null
}

function plusDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

async function openPolicy(page) {
  await page.getByRole('link', { name: '政策表' }).click()
  await page.getByRole('heading', { name: '政策参数' }).waitFor()
}

describe('policy parameters without a release, in the browser', () => {
  test('one administrator proposes a new time limit, another approves it, the list shows it in force from its date', async () => {
    const { today } = await ok('GET', '/api/admin/demo-clock', 'admin')
    const tomorrow = plusDays(today, 1)

    const a = await signedIn('admin')
    await openPolicy(a)
    assert.equal(await a.getByTestId(`param-in-force-${LIMIT}`).innerText(), '20个工作日 · 随系统版本发布')
    await a.getByTestId(`param-edit-${LIMIT}`).click()
    await a.getByTestId('param-editor').waitFor()
    const value = a.getByTestId('param-value').locator('input')
    await value.fill('15')
    await value.blur()
    await a.getByTestId('param-reason').fill('市政府提速要求：异地火化报销法定时限缩短为15个工作日')
    await a.getByTestId('param-effective').fill(tomorrow)
    await shot(a, 'policy-parameters-1-propose')
    await a.getByTestId('param-submit').click()
    await a.getByTestId('policy-notice').getByText('等待另一位管理员审核').waitFor()
    await a.getByTestId('policy-waiting').getByRole('button', { name: '查看' }).first().click()
    await a.getByTestId('policy-change-value').getByText('15个工作日').waitFor()
    await a.getByTestId('policy-not-yours').waitFor()
    assert.equal(await a.getByTestId('policy-approve').count(), 0, 'the proposer has no approve button')
    await shot(a, 'policy-parameters-2-proposed')

    const b = await signedIn('admin2')
    await openPolicy(b)
    await b.getByTestId('policy-waiting').getByRole('button', { name: '查看' }).first().click()
    await b.getByTestId('policy-change').getByText('市政府提速要求').waitFor()
    await b.getByTestId('policy-approve').click()
    await b.getByTestId('policy-notice').getByText('已发布').waitFor()
    await b.getByTestId(`param-scheduled-${LIMIT}`).getByText(`15个工作日 · ${tomorrow}起施行`).waitFor()
    assert.equal(await b.getByTestId(`param-in-force-${LIMIT}`).innerText(), '20个工作日 · 随系统版本发布')
    await shot(b, 'policy-parameters-3-approved')

    await ok('POST', '/api/admin/demo-clock', 'admin', { days: 1 })
    await b.reload()
    await b.getByRole('heading', { name: '政策参数' }).waitFor()
    await b.getByTestId(`param-in-force-${LIMIT}`).getByText(`15个工作日 · ${tomorrow}起施行`).waitFor()
    const text = await b.getByTestId('policy-parameters').innerText()
    assert.doesNotMatch(text, /statutory-limit|WORKING|PARAMETER/, 'no keys or codes on the screen')
    await shot(b, 'policy-parameters-4-in-force')
  })
})
