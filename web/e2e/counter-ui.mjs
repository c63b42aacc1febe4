// Helpers of the counter suites (counter.test.mjs, appointments.test.mjs): ticking checkboxes, the demo accounts' headers for the platform's
// date and the demo clock; form-js fields as ui.mjs drives them.
import assert from 'node:assert/strict'

export { field, fill, pick, choose, date } from './ui.mjs'

/** Ticks a checkbox by its label and checks that it stayed ticked. */
export async function tick(page, label) {
  const box = page.getByLabel(label)
  await box.check()
  assert.ok(await box.isChecked(), `ticked: ${label}`)
}

/** Basic-auth headers of a demo account, for the platform's own date and the demo clock (never to act on a case). */
export function as(user) {
  return { Authorization: `Basic ${Buffer.from(`${user}:demo`).toString('base64')}`, 'Content-Type': 'application/json' }
}

/**
 * A case's steps on its page in the workbench, as a registrar works them: open the step to do now, submit it and go
 * back to the case page, and wait for the case's outcome. Bound to a browser suite (its address and screenshots).
 */
export function caseSteps(suite) {
  const shot = (...args) => suite.shot(...args)
  /** On the case page (opened by its number): the step to do now, opened on the task page. */
  async function openStep(page, no, taskKey) {
    if (!page.url().endsWith(`/workbench/cases/${no}`)) await page.goto(`${suite.app.baseUrl}/workbench/cases/${no}`)
    const open = page.getByTestId(`open-task-${taskKey}`)
    for (let i = 0; i < 3 && !(await open.isVisible()); i++) {
      // The page looks again by itself while the background checks run; a reload after that.
      await open.waitFor({ timeout: 60_000 }).catch(() => page.reload())
    }
    await open.click()
    await page.waitForURL(/\/workbench\/tasks\//)
    await page.getByTestId('complete').waitFor()
    assert.match(await page.getByTestId('case-link').innerText(), new RegExp(no))
  }

  /** Submits the task form and goes back to the case page. */
  async function completeStep(page, no, name) {
    if (name) await shot(page, name)
    await page.getByTestId('complete').click()
    await page.getByText('已提交，办件进入下一环节。').waitFor({ timeout: 60_000 })
    await page.getByTestId('back-to-case').click()
    await page.waitForURL(new RegExp(`/workbench/cases/${no}$`))
    await page.getByTestId('case-status').waitFor()
  }

  async function outcome(page, no, text) {
    const status = page.getByTestId('case-outcome')
    for (let i = 0; i < 20 && !(await status.innerText()).includes(text); i++) {
      await page.waitForTimeout(1000)
      await page.goto(`${suite.app.baseUrl}/workbench/cases/${no}`)
      await status.waitFor()
    }
    assert.match(await status.innerText(), new RegExp(text))
  }

  return { openStep, completeStep, outcome }
}

/**
 * The person served rates the service on the counter's rating device before they leave (窗口评价器): on the case page
 * (`page`, the registrar's, showing the ended case `no`) the registrar pairs the tablet with a one-time code and puts
 * the case on it; the tablet (a context of its own, no sign-in) refuses a wrong code, shows the case without anything
 * personal (`hidden`: what must not appear), takes the rating and thanks; the case's history then records it.
 */
export async function rateOnCounterDevice(suite, page, no, hidden, shotPrefix) {
  const card = page.getByTestId('counter-device')
  await card.getByTestId('counter-device-pair').click()
  await card.getByLabel('窗口名称（群众看到的名称）').fill('3号窗口')
  await card.getByTestId('counter-device-make-code').click()
  const code = (await card.getByTestId('counter-device-code').innerText()).trim()
  assert.match(code, /^\d{6}$/)
  await suite.shot(page, `${shotPrefix}-1-device-pairing-code`)
  const tabletContext = await suite.browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN' })
  tabletContext.setDefaultTimeout(60_000)
  const tablet = await tabletContext.newPage()
  suite.pages.add(tablet)
  await tablet.goto(`${suite.app.baseUrl}/counter-device`)
  await tablet.getByLabel('配对码').fill(code === '000000' ? '000001' : '000000')
  await tablet.getByTestId('pairing-submit').click()
  await tablet.getByText('配对码不正确或已失效，请在工作台上重新生成。').waitFor()
  await tablet.getByLabel('配对码').fill(code)
  await tablet.getByTestId('pairing-submit').click()
  await tablet.getByTestId('device-idle').waitFor()
  assert.match(await tablet.getByTestId('device-counter').innerText(), /3号窗口/)
  await suite.shot(tablet, `${shotPrefix}-2-device-idle`)
  await card.getByTestId('counter-device-refresh').click()
  await card.getByTestId('counter-device-offer').click()
  await card.getByTestId('counter-device-offered').waitFor()
  await tablet.getByText('请您对本次服务作出评价').waitFor()
  const onTablet = await tablet.locator('main').innerText()
  assert.match(onTablet, new RegExp(`结婚登记 · ${no}`))
  assert.doesNotMatch(onTablet, hidden, 'the device shows nothing personal')
  await suite.shot(tablet, `${shotPrefix}-3-device-rating`)
  await tablet.getByTestId('rating-levels').getByText('非常满意', { exact: true }).click()
  await tablet.getByPlaceholder('评价内容（可选，不超过500字）').fill('登记员很耐心')
  await tablet.getByTestId('rating-submit').click()
  await tablet.getByTestId('device-thanks').waitFor()
  await suite.shot(tablet, `${shotPrefix}-4-device-thanks`)
  // The rating is the case's one rating: the case page shows it in the history, and offers nothing more.
  await page.reload()
  await page.getByRole('tab', { name: '办理过程' }).click()
  await page.getByText('申请人已在窗口评价器上评价（非常满意）').waitFor()
  assert.equal(await page.getByTestId('counter-device').count(), 0)
  await tabletContext.close()
}
