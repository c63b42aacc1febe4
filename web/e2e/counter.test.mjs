// The counter services in the browser, through the UI alone: the registrar checks a couple in and registers their
// marriage on the same case page, refuses an under-age groom with the notice the public tracking page shows; a
// divorce from check-in through the cooling-off period (the demo clock moved to the platform's own dates), the joint
// appearance, review and certificate, a withdrawal by one party during the cooling-off period and a deemed
// withdrawal; the funeral home registers a deceased and sees the automatic result. Each case is found by its number,
// never by queue order. Screenshots into e2e/screenshots/counter-*.png, each scanned for code-like tokens.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { browserSuite } from './ui.mjs'
import { as, caseSteps, choose, date, fill, pick, tick } from './counter-ui.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const dir = path.join(here, 'screenshots')

// The demo clock (POST /api/admin/demo-clock) passes the divorce periods in seconds; never on in a deployment.
process.env.DEMO_TIME_TRAVEL = 'true'
// Its own cases only, opened by number: without the sample (journey.test.mjs runs the first-start default with it).
const suite = browserSuite({ shots: dir, failed: 'counter-', sample: false })
const { pages, shot, signedIn } = suite
const { openStep, completeStep, outcome } = caseSteps(suite)
const state = {}

/** The platform's today plus N days (never this machine's date). */
async function platformDay(offset) {
  const r = await fetch(`${suite.app.baseUrl}/api/calendar/today`, { headers: as('clerk-marriage') })
  assert.equal(r.status, 200)
  const day = new Date(`${(await r.json()).today}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + offset)
  return day.toISOString().slice(0, 10)
}

/** The periods the platform computed for a divorce (a read; the case is advanced through the UI only). */
async function periods(no) {
  const r = await fetch(`${suite.app.baseUrl}/api/divorces/${no}`, { headers: as('clerk-marriage') })
  assert.equal(r.status, 200)
  return r.json()
}

/** The documented demo clock: moves the platform to the given day (only for the waiting periods). */
async function moveClockTo(day) {
  const r = await fetch(`${suite.app.baseUrl}/api/admin/demo-clock`, { method: 'POST', headers: as('admin'), body: JSON.stringify({ to: day }) })
  assert.equal(r.status, 200, await r.text())
}

function nextDay(iso) {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** From the workbench: the counter entry of a service, its start form filled by `fillForm`, submitted; the receipt. */
async function checkIn(page, service, fillForm, name) {
  await page.goto(`${suite.app.baseUrl}/workbench`)
  await page.getByTestId('counter-services').getByRole('link', { name: `受理登记：${service}` }).click()
  await page.locator('.fjs-form').waitFor()
  await fillForm()
  await shot(page, `${name}-checkin-form`)
  await page.getByTestId('counter-submit').click()
  const no = await page.getByTestId('application-no').innerText({ timeout: 60_000 })
  const code = await page.getByTestId('query-code').innerText()
  await shot(page, `${name}-checkin-receipt`)
  await page.getByTestId('open-case').click()
  await page.waitForURL(new RegExp(`/workbench/cases/${no}$`))
  return { no, code }
}

function marriageForm(page, district, a, b) {
  return async () => {
    await choose(page, '登记机关所在镇街', district)
    await fill(page, '当事人甲姓名', a.name)
    await fill(page, '当事人甲身份证件号码', a.id)
    await fill(page, '当事人甲联系电话', '13800000001')
    await choose(page, '当事人甲申报婚姻状况', '未婚')
    await fill(page, '当事人乙姓名', b.name)
    await fill(page, '当事人乙身份证件号码', b.id)
    await fill(page, '当事人乙联系电话', '13800000002')
    await choose(page, '当事人乙申报婚姻状况', '未婚')
    await tick(page, /双方已亲自到场/)
  }
}

function divorceForm(page, district, a, b, certificate, registeredIn = '内地婚姻登记机关') {
  return async () => {
    await choose(page, '登记机关所在镇街', district)
    await fill(page, '当事人甲姓名', a.name)
    await fill(page, '当事人甲身份证件号码', a.id)
    await fill(page, '当事人甲联系电话', '13800000001')
    await fill(page, '当事人乙姓名', b.name)
    await fill(page, '当事人乙身份证件号码', b.id)
    await fill(page, '当事人乙联系电话', '13800000002')
    await fill(page, '结婚证字号', certificate)
    await choose(page, '结婚证持有情况', '两本均在')
    await tick(page, /已提交书面离婚协议/)
    for (const item of ['双方自愿离婚', '子女抚养', '财产分割', '债务处理']) await tick(page, item)
    await page.getByLabel('是', { exact: true }).check()
    await choose(page, '结婚登记地', registeredIn)
    await tick(page, /双方已亲自到场/)
  }
}

/** A divorce checked in and accepted: the case page then shows the cooling-off countdown. */
async function acceptedDivorce(page, name, district, a, b, certificate) {
  const { no } = await checkIn(page, '离婚登记', divorceForm(page, district, a, b, certificate), name)
  assert.match(no, /^LH-\d{8}-\d{4}$/)
  await openStep(page, no, 'Task_AcceptApplication')
  await page.getByLabel('受理并出具受理回执', { exact: true }).check()
  await completeStep(page, no, `${name}-accept`)
  await page.getByTestId('divorce-phase').getByText('离婚冷静期中').waitFor({ timeout: 60_000 })
  return no
}

describe('counter services at the counter, through the web UI', () => {
  test('the catalogue says truthfully where and how each service is done', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 900 } })
    context.setDefaultTimeout(60_000)
    const page = await context.newPage()
    pages.add(page)
    await page.goto(`${suite.app.baseUrl}/portal`)
    const card = (name) => page.locator('.service-card').filter({ has: page.getByRole('link', { name, exact: true }) })
    await card('结婚登记').waitFor()
    for (const name of ['结婚登记', '离婚登记']) {
      const text = await card(name).innerText()
      assert.match(text, /窗口办理/)
      assert.match(text, /婚姻登记处/)
      assert.doesNotMatch(text, /殡仪馆/)
    }
    assert.match(await card('基本殡葬服务费用减免（殡仪馆直接减免）').innerText(), /殡仪馆/)
    assert.match(await card('基本殡葬服务费用减免（异地火化报销）').innerText(), /网上申请/)
    await shot(page, 'counter-01-catalogue')
    await page.goto(`${suite.app.baseUrl}/portal/services/divorce-registration`)
    await page.getByTestId('counter-only').waitFor()
    assert.match(await page.getByTestId('where').innerText(), /冷静期/)
    assert.equal(await page.getByRole('button', { name: '在线申请' }).count(), 0, 'no online application for a counter service')
    await shot(page, 'counter-02-divorce-service')
    await context.close()

    // The registrar sees the counter entry on the service page; the funeral home's clerk does not.
    const registrar = await signedIn('clerk-marriage')
    await registrar.goto(`${suite.app.baseUrl}/portal/services/marriage-registration`)
    await registrar.getByTestId('start-at-counter').waitFor()
    await shot(registrar, 'counter-03-marriage-service-registrar')
    await registrar.goto(`${suite.app.baseUrl}/workbench`)
    const entries = await registrar.getByTestId('counter-services').innerText()
    assert.match(entries, /受理登记：结婚登记/)
    assert.match(entries, /受理登记：离婚登记/)
    assert.doesNotMatch(entries, /殡葬/)
    await shot(registrar, 'counter-04-workbench')
    await registrar.context().close()
  })

  test('a marriage from check-in to certificate on one case page', async () => {
    const page = await signedIn('clerk-marriage')
    // The registry knows this groom by this name and ID number (another name sends the case to a manual check).
    const groom = '王小明'
    const { no } = await checkIn(page, '结婚登记', marriageForm(page, '石岐街道', { name: groom, id: '442000200003151315' }, { name: '吴婷', id: '44200020030303134X' }), 'counter-10-marriage')
    assert.match(no, /^JH-\d{8}-\d{4}$/)
    // Found again in the queue by the groom's whole name (typed with a space, as a clerk might), not by its number.
    for (let i = 0; i < 30; i++) {
      await page.goto(`${suite.app.baseUrl}/workbench`)
      await page.getByLabel('按申请编号或姓名查找').fill('王 小明')
      await page.getByTestId('queue-search-button').click()
      await page.getByText(/当事人为“王 小明”的办件 \d+ 件/).waitFor()
      if (await page.getByRole('link', { name: no }).count()) break
      await page.waitForTimeout(1000) // the background checks run before the registrar's step is in the queue
    }
    assert.doesNotMatch(page.url(), /王|%E7%8E%8B/, 'a name is not put in the address')
    const rows = await page.locator('main table tbody').innerText()
    assert.doesNotMatch(rows, new RegExp(groom), 'the queue shows the name masked')
    await shot(page, 'counter-10-marriage-found-by-name')
    await page.getByRole('link', { name: no }).click()
    await page.waitForURL(/\/workbench\/tasks\//)
    assert.match(await page.getByTestId('case-link').innerText(), new RegExp(no))
    await openStep(page, no, 'Task_ReviewMarriage')
    // The checks in words: ages and the registry's marital status, no codes.
    assert.match(await page.locator('.fjs-form').innerText(), /男方 2\d 周岁.*婚姻状况 甲 未婚、乙 未婚/s)
    await page.getByLabel('已告知，当事人不需要', { exact: true }).check()
    await page.getByLabel('符合条件，予以登记', { exact: true }).check()
    await tick(page, /甲已在登记员面前签署/)
    await tick(page, /乙已在登记员面前签署/)
    await completeStep(page, no, 'counter-11-marriage-review')
    await shot(page, 'counter-12-marriage-case-after-review')

    await openStep(page, no, 'Task_IssueCertificate')
    assert.match(await page.locator('.fjs-form').innerText(), /结婚证字号：J442000-\d{4}-\d{6}/)
    // the limits of a registration decided on the day, in words, not "0"
    const shownFacts = await page.locator('main').innerText()
    assert.match(shownFacts, /法定办结时限（工作日）\s+当场办结/)
    assert.doesNotMatch(shownFacts, /办结时限（工作日）\s+0\b/)
    await tick(page, /双方已核对信息并亲自签名/)
    await tick(page, /已向双方各发结婚证一本/)
    await completeStep(page, no, 'counter-13-marriage-issue')
    await outcome(page, no, '已登记')
    assert.match(await page.getByTestId('case-ended').innerText(), /已登记/)
    await shot(page, 'counter-14-marriage-registered')

    await page.context().close()
  })

  test('a marriage refused: the notice on the case page, printable, and on the public tracking page', async () => {
    const page = await signedIn('clerk-marriage')
    const { no, code } = await checkIn(page, '结婚登记', marriageForm(page, '东区街道', { name: '陈少年', id: '442000200506013512' }, { name: '李小红', id: '440100200207012425' }), 'counter-20-refusal')
    await openStep(page, no, 'Task_IssueRefusalNotice')
    assert.match(await page.locator('.fjs-form').innerText(), /不符合结婚条件：未到法定婚龄/)
    await tick(page, /已向双方说明理由/)
    await fill(page, '告知书中的理由', '男方未满二十二周岁，不符合法定婚龄。')
    await completeStep(page, no, 'counter-21-refusal-task')
    await outcome(page, no, '不予登记')
    const notice = page.getByTestId('decision')
    await notice.waitFor()
    assert.match(await page.getByTestId('decision-reasons').innerText(), /法定婚龄/)
    assert.match(await page.getByTestId('decision-remedy').innerText(), /行政复议.*行政诉讼/s)
    await page.evaluate(() => (window.print = () => (window.__printed = true)))
    await page.getByTestId('print-decision').click()
    assert.equal(await page.evaluate(() => window.__printed), true)
    await page.evaluate(() => document.documentElement.classList.add('print-decision'))
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.getByTestId('case-tasks').isVisible().catch(() => false), false, 'only the notice is printed')
    await shot(page, 'counter-22-refusal-notice-print')
    await page.emulateMedia({ media: 'screen' })
    await page.context().close()

    // The couple, with the number and the query code from the receipt, without signing in.
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 900 } })
    context.setDefaultTimeout(60_000)
    const track = await context.newPage()
    pages.add(track)
    await track.goto(`${suite.app.baseUrl}/track`)
    await track.getByLabel('申请编号').fill(no)
    await track.getByLabel('查询码').fill(code)
    await track.getByRole('button', { name: '查询' }).click()
    await track.getByTestId('decision').waitFor()
    const tracked = await track.locator('main').innerText()
    assert.match(tracked, /不予登记/)
    assert.match(await track.getByTestId('decision-reasons').innerText(), /未达法定婚龄/)
    assert.match(await track.getByTestId('decision-remedy').innerText(), /行政复议/)
    assert.doesNotMatch(tracked, /陈少年|李小红|442000|二十二周岁，不符合法定婚龄。/, 'no personal data, not the typed words')
    await shot(track, 'counter-23-refusal-public-tracking')
    await context.close()
  })

  test('a divorce withdrawn by one party during the cooling-off period', async () => {
    const page = await signedIn('clerk-marriage')
    const no = await acceptedDivorce(page, 'counter-30-withdrawal', '东区街道', { name: '钱涛', id: '44200019831102035X' }, { name: '孙慧', id: '442000198602090462' }, 'J442000-2011-000654')
    const { coolingOffEndsOn } = await periods(no)
    assert.match(await page.getByTestId('divorce-phase').innerText(), new RegExp(`冷静期至 ${coolingOffEndsOn} 届满，还有 \\d+ 日`))
    await shot(page, 'counter-31-cooling-off')
    // The wrong person's ID is refused field by field; the party's own withdraws.
    // Element Plus draws its own radio over the input: the label is what a clerk clicks.
    await page.getByTestId('divorce-panel').locator('label', { hasText: '当事人乙 孙慧' }).click()
    assert.ok(await page.getByLabel('当事人乙 孙慧').isChecked())
    await page.getByLabel('撤回人身份证件号码').fill('44200019831102035X')
    await page.getByTestId('record-withdrawal').click()
    await page.getByTestId('divorce-panel').getByRole('alert').getByText('与本案当事人不符').waitFor()
    await shot(page, 'counter-32-withdrawal-wrong-person')
    await page.getByLabel('撤回人身份证件号码').fill('442000198602090462')
    await page.getByTestId('record-withdrawal').click()
    await outcome(page, no, '已撤回')
    assert.equal(await page.getByTestId('divorce-panel').count(), 0, 'no counter step on an ended case')
    await shot(page, 'counter-33-withdrawn')
    await page.context().close()
  })

  test('a divorce through the cooling-off period, the joint appearance, review and certificate; another deemed withdrawn', async () => {
    const page = await signedIn('clerk-marriage')
    const no = await acceptedDivorce(page, 'counter-40-divorce', '西区街道', { name: '郑华', id: '442000198206180570' }, { name: '王静', id: '442000198410300680' }, 'J442000-2013-000987')
    const lapsing = await acceptedDivorce(page, 'counter-41-lapsing', '石岐街道', { name: '周明', id: '442000198503140137' }, { name: '吴倩', id: '442000198807210245' }, 'J442000-2014-000321')
    const { coolingOffEndsOn, certificateWindowEndsOn } = await periods(no)
    state.windowEnds = (await periods(lapsing)).certificateWindowEndsOn

    // The day after the cooling-off period (the platform's dates): the couple come back together.
    await moveClockTo(nextDay(coolingOffEndsOn))
    await page.goto(`${suite.app.baseUrl}/workbench/cases/${no}`)
    const phase = page.getByTestId('divorce-phase')
    await phase.getByText('等待双方到场申请发证').waitFor({ timeout: 60_000 })
    assert.match(await phase.innerText(), new RegExp(`冷静期已于 ${coolingOffEndsOn} 届满。双方须于 ${certificateWindowEndsOn} 前共同到场申请发证`))
    await page.getByLabel('当事人甲 郑华身份证件号码').fill('442000198206180570')
    await page.getByLabel('当事人乙 王静身份证件号码').fill('442000198410300680')
    // The certificate is applied for at the registry that accepted the application (R97): the city-wide registrar names it.
    await page.getByTestId('appear-registry').selectOption({ label: '西区街道' })
    await shot(page, 'counter-42-appearance')
    // The engine's cooling-off timer fires within seconds of the clock's move; until then the counter is told so.
    for (let i = 0; i < 20; i++) {
      await page.getByTestId('record-appearance').click()
      const answer = page.getByTestId('divorce-panel').locator('[role="alert"], [role="status"]').first()
      await answer.waitFor()
      if (/已登记双方到场/.test(await answer.innerText())) break
      await page.waitForTimeout(1500)
    }
    await openStep(page, no, 'Task_ReviewDivorce')
    assert.match(await page.locator('.fjs-form').innerText(), new RegExp(`冷静期于 ${coolingOffEndsOn} 届满；申请发证期至 ${certificateWindowEndsOn}`))
    await page.getByLabel(/予以登记$/).check()
    await tick(page, /甲已当面签署/)
    await tick(page, /乙已当面签署/)
    await tick(page, /双方已在登记员面前签署离婚协议/)
    await completeStep(page, no, 'counter-43-divorce-review')
    await openStep(page, no, 'Task_IssueCertificate')
    await tick(page, /双方已核对信息并亲自签名/)
    await tick(page, /已在结婚证上加注/)
    await tick(page, /已向双方各发离婚证一本/)
    await completeStep(page, no, 'counter-44-divorce-issue')
    await outcome(page, no, '已登记')
    await shot(page, 'counter-45-divorce-registered')

    // The other couple never came back: the day after their window, the case is deemed withdrawn.
    await moveClockTo(nextDay(state.windowEnds))
    await page.goto(`${suite.app.baseUrl}/workbench/cases/${lapsing}`)
    await outcome(page, lapsing, '视为撤回')
    await shot(page, 'counter-46-deemed-withdrawn')
    await page.context().close()
  })

  test('the funeral home registers a deceased and sees the automatic result', async () => {
    const page = await signedIn('clerk-funeral-home')
    await page.goto(`${suite.app.baseUrl}/workbench`)
    assert.doesNotMatch(await page.getByTestId('counter-services').innerText(), /结婚|离婚/)
    const death = await platformDay(-3)
    const cremation = await platformDay(-1)
    const { no } = await checkIn(page, '基本殡葬服务费用减免（殡仪馆直接减免）', async () => {
      await choose(page, '户籍所在镇街', '小榄镇')
      await fill(page, '逝者姓名', '何丽珍')
      await fill(page, '逝者公民身份号码', '442000195509099194')
      await date(page, '死亡日期', death)
      await fill(page, '死亡证明编号', 'SW4420002026004')
      await fill(page, '死亡地点', '中山市人民医院')
      await date(page, '火化日期', cremation)
      const items = [['遗体接运（公里）', '20', '300'], ['遗体火化', '1', '250'], ['骨灰盒', '1', '100']]
      for (let i = 0; i < items.length; i++) {
        if (i > 0) await page.locator('.fjs-repeat-render-add').click()
        const row = page.locator('.fjs-repeat-row-rows').nth(i)
        await pick(row.locator('.fjs-form-field-select').first(), items[i][0])
        await fill(row, '数量', items[i][1])
        await fill(row, '实际收费（元）', items[i][2])
      }
      await fill(page, '经办人姓名', '陈家豪')
      await fill(page, '经办人公民身份号码', '442000199001011014')
      await choose(page, '与逝者关系', '子女')
      await fill(page, '经办人联系电话', '13800138000')
    }, 'counter-50-funeral')
    assert.match(no, /^BZA-\d{8}-\d{4}$/)
    // A Zhongshan resident who died in Zhongshan: checked against the registries and waived at once, no clerk.
    await outcome(page, no, '已在结算时直接减免')
    assert.match(await page.getByTestId('case-ended').innerText(), /已在结算时直接减免/)
    await shot(page, 'counter-51-funeral-result')
    await page.context().close()
  })

  test('the counter pages in English show no internal name either', async () => {
    const page = await signedIn('chief', undefined, { language: 'en' })
    await page.goto(`${suite.app.baseUrl}/workbench`)
    await page.getByTestId('counter-services').waitFor()
    await shot(page, 'counter-60-en-workbench')
    await page.goto(`${suite.app.baseUrl}/workbench/counter/divorce-registration`)
    await page.locator('.fjs-form').waitFor()
    await shot(page, 'counter-61-en-divorce-checkin')
    await page.context().close()
  })

  test('no screenshot of the counter suite shows a code, a variable name, true/false or an id', () => {
    assert.deepEqual(suite.codeFindings, [])
  })

  test('axe-core finds no accessibility violation on any page of the counter suite', () => {
    assert.deepEqual(suite.axeViolations, [])
    assert.ok(suite.axeChecked.length > 0, 'axe-core checked the pages')
    console.log(`# axe-core checked ${suite.axeChecked.length} pages`)
  })
})
