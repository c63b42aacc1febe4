// The browser suite: one funeral-fee reimbursement from the applicant's form to the decision, through the counter
// workbench, the public tracking page and the managers' dashboard, in headless Chromium (Debian's package, driven by
// playwright-core; no browser is downloaded). Each page is saved as a screenshot under e2e/screenshots/.
import { after, afterEach, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { browserUi, choose, date, field, fill, pick, startAppAndChromium } from './ui.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const shots = path.join(here, 'screenshots')
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

let app
let browser
const state = {}

// Signing in, screenshots (with the code-token scan and axe-core) and form-js typing are shared (ui.mjs).
const ui = browserUi({ browser: () => browser, baseUrl: () => app.baseUrl, shots })
const { pages, codeFindings, signedIn, shot } = ui

/** Opens the task of the one case in the signed-in clerk's queue whose subject has this whole name (the queue search). */
async function openByName(page, name) {
  await page.goto(`${app.baseUrl}/workbench`)
  await page.getByLabel('按申请编号或姓名查找').fill(name)
  await page.getByTestId('queue-search-button').click()
  await page.getByText(`当事人为“${name}”的办件 1 件`).waitFor()
  await page.locator('.el-table a[href^="/workbench/tasks/"]').first().click()
  await page.waitForURL(/\/workbench\/tasks\//)
}

/** A day N days from the platform's own today (never this machine's: the suite gives the same result any day). */
async function platformDay(offset) {
  const response = await fetch(`${app.baseUrl}/api/calendar/today`, {
    headers: { Authorization: `Basic ${Buffer.from('zhangsan:demo').toString('base64')}` },
  })
  assert.equal(response.status, 200)
  const day = new Date(`${(await response.json()).today}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + offset)
  return day.toISOString().slice(0, 10)
}

before(async () => {
  fs.mkdirSync(shots, { recursive: true })
  // The first-start default: with the demo sample of the past months.
  ;({ app, browser } = await startAppAndChromium({ sample: true }))
})

// A failed step leaves a picture of every open page, to see what the user would have seen.
afterEach(async (t) => {
  for (const page of pages) {
    if (!page.isClosed()) {
      await page.screenshot({ path: path.join(shots, `FAILED-${t.name.slice(0, 40).replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {})
      await page.context().close()
    }
  }
  pages.clear()
})

after(async () => {
  await browser?.close()
  await app?.stop()
})

describe('a funeral-fee reimbursement through the web UI', () => {
  test('the public sees the service catalogue and its requirements', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/portal`)
    // Keyboard first: the first Tab reaches "skip to the main content", which moves the focus past the navigation.
    await page.getByRole('link', { name: '基本殡葬服务费用减免（异地火化报销）' }).waitFor()
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), '跳到主要内容')
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main')
    await page.getByRole('link', { name: '基本殡葬服务费用减免（异地火化报销）' }).click()
    await assert.doesNotReject(page.getByRole('heading', { name: '申请材料' }).waitFor())
    assert.match(await page.locator('main').innerText(), /法定办结时限: 20 个工作日/)
    await shot(page, '01-service')
    // Each service says where and how it is done, from the catalogue: never the funeral home's counter for a marriage.
    await page.goto(`${app.baseUrl}/portal/services/marriage-registration`)
    const where = await page.getByTestId('where').innerText()
    assert.match(where, /婚姻登记处/)
    assert.doesNotMatch(where, /殡仪馆/)
    await context.close()
  })

  test('the applicant applies with the form and uploads, and gets a number and a query code', async () => {
    const page = await signedIn('zhangsan')
    await page.goto(`${app.baseUrl}/portal/services/funeral-fee-reimbursement/apply`)
    await page.locator('.fjs-form').waitFor()
    await choose(page, '户籍所在镇街', '小榄镇')
    await fill(page, '逝者姓名', '𠮷林')
    await fill(page, '逝者公民身份号码', '442000194503012129')
    await date(page, '死亡日期', await platformDay(-18))
    await fill(page, '死亡证明编号', 'SW4401002026077')
    await fill(page, '火化证明编号', 'HZ440100202600123')
    await date(page, '火化日期', await platformDay(-15))
    await fill(page, '火化殡仪馆名称', '广州市殡葬服务中心')
    const items = [
      ['遗体接运（公里）', '200', '800'],
      ['遗体存放（天）', '3', '300'],
      ['遗体火化', '1', '350'],
      ['骨灰盒', '1', '120.5'],
    ]
    for (let i = 0; i < items.length; i++) {
      if (i > 0) await page.locator('.fjs-repeat-render-add').click()
      const row = page.locator('.fjs-repeat-row-rows').nth(i)
      await pick(row.locator('.fjs-form-field-select').first(), items[i][0])
      await fill(row, '数量', items[i][1])
      await fill(row, '实际收费（元）', items[i][2])
    }
    await page.getByLabel('否', { exact: true }).check()
    await fill(page, '申请人姓名', '张三')
    await fill(page, '申请人公民身份号码', '442000199001011014')
    await choose(page, '与逝者关系', '子女')
    await fill(page, '联系电话', '13800138000')
    await fill(page, '开户银行', '中国工商银行中山分行')
    await fill(page, '银行账号', '6222020000123456789')
    await page.getByLabel(/本人承诺/).click()
    await page.waitForTimeout(300)
    assert.ok(await page.getByLabel(/本人承诺/).isChecked(), 'declaration ticked')

    // A submission without the required materials is stopped at the upload inputs.
    await page.getByRole('button', { name: '提交申请' }).click()
    await assert.doesNotReject(page.getByText('请上传：火化证明（扫描件）').waitFor())

    await page.setInputFiles('#file-cremationCertificateFile', { name: '火化证明.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.locator('.uploaded', { hasText: '火化证明.pdf' }).waitFor()
    await page.setInputFiles('#file-invoiceFile', [
      { name: 'invoice-1.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: 'invoice-2.pdf', mimeType: 'application/pdf', buffer: PDF },
    ])
    await page.locator('.uploaded', { hasText: 'invoice-2.pdf' }).waitFor()
    await shot(page, '02-apply-form')

    // A draft: saved, listed under "my applications", resumed with the typed values and the uploaded files.
    await page.getByRole('button', { name: '保存草稿' }).click()
    await page.goto(`${app.baseUrl}/portal/applications`)
    const drafts = page.getByTestId('drafts')
    await drafts.getByText('基本殡葬服务费用减免（异地火化报销）').waitFor()
    await shot(page, '02-drafts')
    await drafts.getByRole('link', { name: '继续填写' }).click()
    await page.getByText(/已恢复 .* 保存的草稿/).waitFor()
    await page.locator('.fjs-form').waitFor()
    assert.equal(await field(page, '逝者姓名').inputValue(), '𠮷林')
    await page.locator('.uploaded', { hasText: 'invoice-2.pdf' }).waitFor()

    await page.getByRole('button', { name: '提交申请' }).click()
    const no = await page.getByTestId('application-no').innerText({ timeout: 20_000 })
    const code = await page.getByTestId('query-code').innerText()
    assert.match(no, /^BZB-\d{8}-\d{4}$/)
    assert.match(code, /^[A-Z0-9]{6,16}$/)
    Object.assign(state, { no, code })
    await shot(page, '03-apply-receipt')

    await page.goto(`${app.baseUrl}/portal/applications`)
    await page.getByRole('link', { name: no }).waitFor()
    assert.equal(await page.getByTestId('drafts').count(), 0, 'the submitted draft is gone')
    await shot(page, '04-my-applications')
    await page.goto(`${app.baseUrl}/portal/applications/${no}`)
    await page.getByTestId('what-next').waitFor()
    assert.match(await page.getByTestId('what-next').innerText(), /系统正在核验您的信息|工作人员正在审核/)
    await shot(page, '04-application-submitted')
    await page.context().close()
  })

  test('the clerk of Xiaolan takes it from the queue, accepts it, and approves it with the invoice checked', async () => {
    assert.ok(state.no, 'needs the application of the step before')
    const page = await signedIn('clerk-funeral-xl')
    assert.equal(new URL(page.url()).pathname, '/workbench')
    // The registry checks run in the background before the task reaches the queue.
    let taken = false
    for (let i = 0; i < 30 && !taken; i++) {
      await page.goto(`${app.baseUrl}/workbench`)
      await page.getByRole('heading', { name: '我的待办' }).waitFor()
      if (await page.getByRole('link', { name: state.no }).count()) {
        await shot(page, '05-workbench-queue')
        // The queue also holds the demo sample's cases: take this one by its number.
        await page.getByRole('link', { name: state.no }).click()
        await page.waitForURL(/\/workbench\/tasks\//)
        taken = true
      } else {
        await page.waitForTimeout(1000)
      }
    }
    assert.ok(taken, `case ${state.no} never reached the queue of clerk-funeral-xl`)
    await page.getByRole('heading', { name: /受理/ }).waitFor()
    assert.match(await page.locator('main').innerText(), new RegExp(state.no))
    assert.match(await page.locator('main').innerText(), /𠮷林/)

    // The engine's facts in words, not variable names.
    const facts = await page.getByTestId('facts').innerText()
    assert.match(facts, /自动核验全部通过|身份信息核验通过/)
    assert.doesNotMatch(facts, /checksPassed|identityVerified|hukouLocal/)

    // A comment for colleagues: kept with the case, shown in its history, never to the applicant.
    await page.getByLabel('新增意见').fill('已电话联系家属核实火化地点。')
    await page.getByTestId('add-comment').click()
    await page.getByTestId('comments').getByText('已电话联系家属核实火化地点。').waitFor()
    await page.getByRole('tab', { name: '办理过程' }).click()
    await page.locator('.case-timeline .comment', { hasText: '已电话联系家属核实火化地点。' }).waitFor()
    await shot(page, '05-task-comment')

    // The materials preview and the diagram of the case.
    await page.getByRole('tab', { name: /材料/ }).click()
    await page.getByRole('button', { name: '预览' }).first().click()
    await page.locator('.preview iframe').waitFor()
    await shot(page, '06-task-materials')
    await page.getByRole('tab', { name: '流程图' }).click()
    await page.locator('.case-diagram .step-current').first().waitFor({ timeout: 15_000 })
    await shot(page, '06-task-accept')

    // The session expires while the clerk decides: signing in again in the dialog finishes the same action.
    await page.getByLabel('受理', { exact: true }).check()
    await page.context().clearCookies()
    await page.getByTestId('complete').click()
    const dialog = page.getByRole('dialog', { name: '登录已过期' })
    await dialog.waitFor()
    assert.equal(await dialog.getByLabel('用户名').inputValue(), 'clerk-funeral-xl')
    await dialog.getByLabel('密码', { exact: true }).fill('demo')
    await shot(page, '06-session-expired', false)
    await dialog.getByRole('button', { name: '登录', exact: true }).click()
    await page.getByText('已提交，办件进入下一环节。').waitFor({ timeout: 20_000 })

    // Accepted: the statutory clock runs, and the applicant sees the expected completion date and the next step.
    const applicant = await signedIn('zhangsan')
    await applicant.goto(`${app.baseUrl}/portal/applications/${state.no}`)
    const whatNext = applicant.getByTestId('what-next')
    await whatNext.getByText(/预计 \d{4}-\d{2}-\d{2} 前办结/).waitFor({ timeout: 20_000 })
    assert.match(await whatNext.innerText(), /工作人员正在审核/)
    await shot(applicant, '06-applicant-expected-date')
    await applicant.context().close()

    // The review task follows with the amount computed from the DMN tables: back on the case's page, its step to do
    // now (the queue's "next case" could be one of the demo sample's), which the clerk claims.
    await page.getByTestId('back-to-case').click()
    await page.waitForURL(new RegExp(`/workbench/cases/${state.no}$`))
    await page.getByTestId('open-task-Task_ReviewReimbursement').click()
    await page.waitForURL(/\/workbench\/tasks\//)
    await page.getByRole('heading', { name: /审核/ }).waitFor({ timeout: 20_000 })
    await page.getByRole('button', { name: '领取', exact: true }).click()
    await page.getByRole('button', { name: '退回队列', exact: true }).waitFor()
    await page.getByRole('tab', { name: '申请信息' }).click()
    assert.match(await page.locator('main').innerText(), /1090\.5/)
    const reviewUrl = page.url()

    // The chief opens the same task while the clerk holds it: told who holds it, and a 409 naming him on submit,
    // with what was typed kept.
    const chief = await signedIn('chief')
    await chief.goto(reviewUrl)
    await chief.getByText('该办件已由 陈明 领取').waitFor()
    await chief.getByLabel(/已核对发票/).check()
    await chief.getByLabel('同意报销', { exact: true }).check()
    await chief.getByTestId('complete').click()
    const conflict = chief.getByRole('alert').filter({ hasText: '办件已被他人处理' })
    await conflict.waitFor()
    assert.match(await conflict.innerText(), /陈明/)
    assert.ok(await chief.getByLabel('同意报销', { exact: true }).isChecked(), 'the typed decision is kept')
    await shot(chief, '07-task-conflict', false)
    await chief.context().close()

    await page.getByLabel(/已核对发票/).check()
    await page.getByLabel('同意报销', { exact: true }).check()
    await shot(page, '07-task-review')
    await page.getByTestId('complete').click()
    await page.getByText('已提交，办件进入下一环节。').waitFor({ timeout: 20_000 })
    await page.context().close()
  })

  test('the applicant sees the decision on a phone', async () => {
    assert.ok(state.no, 'needs the application of the step before')
    const page = await signedIn('zhangsan', { width: 390, height: 844 })
    let outcome = ''
    for (let i = 0; i < 30; i++) {
      await page.goto(`${app.baseUrl}/portal/applications/${state.no}`)
      outcome = await page.getByTestId('outcome').innerText()
      if (outcome.includes('已同意报销并支付')) break
      await page.waitForTimeout(1000)
    }
    assert.match(outcome, /已同意报销并支付/)
    assert.match(await page.getByTestId('status').innerText(), /已办结|办结|决定/)
    assert.doesNotMatch(await page.locator('main').innerText(), /已电话联系家属/, 'staff comments stay internal')
    // Usable on a phone: nothing wider than the screen.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scrolling at 390px')
    await shot(page, '08-applicant-decision-phone')
    await page.goto(`${app.baseUrl}/portal/applications`)
    await page.getByRole('link', { name: state.no }).waitFor()
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scrolling at 390px')
    await shot(page, '08-my-applications-phone')
    await page.goto(`${app.baseUrl}/portal/services/funeral-fee-reimbursement/apply`)
    await page.locator('.fjs-form').waitFor()
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scrolling at 390px')
    await shot(page, '08-apply-phone')
    await page.context().close()
  })

  test('an applicant whose reimbursement was refused sees the reasons, the legal basis and the remedy, and prints the notice', async () => {
    // The demo's refusal: 李四's claim for 周桂芳, already waived in Dongguan. Found through the UI alone.
    const page = await signedIn('lisi')
    await page.goto(`${app.baseUrl}/portal/applications`)
    const card = page.locator('.case-card').filter({ hasText: '周' }).filter({ hasText: '不予重复减免' })
    await card.getByRole('link').click()
    const decision = page.getByTestId('decision')
    await decision.waitFor({ timeout: 20_000 })
    const text = await decision.innerText()
    assert.match(text, /已在外地享受过基本殡葬服务费用减免/, 'the reasons')
    assert.match(text, /粤民发〔2015〕37号/, 'the legal basis')
    assert.match(text, /行政许可法》第三十八条/)
    assert.match(await page.getByTestId('decision-remedy').innerText(), /六十日内向中山市人民政府申请行政复议.*六个月内向有管辖权的人民法院提起行政诉讼/)
    assert.match(text, /中山市民政局（印）/)
    await shot(page, '14-applicant-refusal-reasons-remedy')

    // The printable notice: the print button prints the decision's card alone (the browser saves it as a PDF).
    await page.evaluate(() => {
      window.print = () => {
        window.__printedDecision = document.documentElement.classList.contains('print-decision')
      }
    })
    await page.getByTestId('print-decision').click()
    assert.equal(await page.evaluate(() => window.__printedDecision), true)
    await page.evaluate(() => document.documentElement.classList.add('print-decision'))
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.getByTestId('what-next').isVisible(), false, 'only the notice is printed')
    assert.equal(await page.getByTestId('print-decision').isVisible(), false, 'without its buttons')
    // The notice's own title, printed (the list of issued documents names the PDF of the same notice too).
    await page.getByRole('heading', { name: '不予批准决定书' }).waitFor()
    await shot(page, '14-refusal-notice-print')
    await page.emulateMedia({ media: 'screen' })

    // In English the same notice, in English.
    await page.evaluate(() => localStorage.setItem('civil.language', 'en'))
    await page.reload()
    await decision.waitFor({ timeout: 20_000 })
    const english = await decision.innerText()
    assert.match(english, /already waived elsewhere/)
    assert.match(english, /reconsideration to the Zhongshan People's Government within 60 days.*lawsuit before the competent people's court within 6 months/s)
    assert.doesNotMatch(english, /：/, 'no Chinese punctuation in English')
    await shot(page, '14-applicant-refusal-en')
    await page.context().close()
  })

  test('an applicant asked for corrections sees the items and the deadline, and the form lists the items first', async () => {
    const page = await signedIn('zhangsan')
    await page.goto(`${app.baseUrl}/portal/applications`)
    await page.locator('.case-card').filter({ hasText: '等待您补正材料' }).first().getByRole('link').click()
    const deadline = page.getByTestId('correction-deadline')
    await deadline.waitFor({ timeout: 20_000 })
    assert.match(await deadline.innerText(), /请于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 前一次性补齐/)
    assert.match(await page.locator('main').innerText(), /发票缺少逐项收费明细/)
    assert.match(await page.getByTestId('status').innerText(), /等待您补正材料/)
    await page.getByRole('button', { name: '补正材料' }).click()
    const items = page.getByTestId('correction-items')
    await items.waitFor()
    await page.locator('.fjs-form').waitFor({ timeout: 20_000 })
    assert.match(await items.innerText(), /火化证明编号与省殡葬数据库记录不符/)
    const itemsTop = (await items.boundingBox()).y
    const formTop = (await page.locator('.fjs-form').boundingBox()).y
    assert.ok(itemsTop < formTop, 'the listed items come before the form')
    await shot(page, '15-correction-items-first')
    await page.context().close()
  })

  test('anyone can track it with the number and the query code, and sees no personal data', async () => {
    assert.ok(state.no, 'needs the application of the step before')
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/track`)
    await page.getByLabel('申请编号').fill(state.no)
    await page.getByLabel('查询码').fill(state.code)
    await page.getByRole('button', { name: '查询' }).click()
    await page.locator('.track-result').waitFor()
    const text = await page.locator('.track-result').innerText()
    assert.match(text, /已同意报销并支付/)
    assert.doesNotMatch(text, /𠮷林|张三|442000/)
    await shot(page, '09-public-tracking')
    await context.close()
  })

  test('a clerk returns a demo case for corrections with one checklist of every missing item', async () => {
    const page = await signedIn('clerk-funeral')
    // 李四's claim for 郑海, waiting for acceptance (the queue also holds the demo sample's cases).
    await openByName(page, '郑海')
    await page.getByRole('button', { name: '一次性告知补正' }).click()
    const dialog = page.getByRole('dialog', { name: '一次性告知补正' })
    await dialog.getByLabel('需补正的内容 1').fill('火化证明扫描件不清晰，请重新上传')
    await dialog.getByRole('button', { name: '增加一项' }).click()
    await dialog.getByLabel('需补正的内容 2').fill('缺少殡葬服务费用明细发票')
    await dialog.getByLabel('补充说明（可选）').fill('请一次性补齐。')
    await shot(page, '11-corrections-checklist', false)
    await dialog.getByRole('button', { name: '发出补正通知' }).click()
    await page.getByText('补正通知已发出，等待申请人补正。').waitFor({ timeout: 20_000 })
    await page.context().close()
  })

  test('a funeral-home clerk refuses a demo waiver, with the reasons in one clear dialog', async () => {
    const page = await signedIn('clerk-funeral-home')
    // The demo waiver for 吴志明, waiting for the paper documents to be verified.
    await openByName(page, '吴志明')
    await page.getByTestId('refuse').click()
    const dialog = page.getByRole('dialog', { name: '作出否定决定并说明理由' })
    await dialog.waitFor()
    // Without reasons nothing is sent.
    await dialog.getByTestId('confirm-refuse').click()
    await dialog.getByRole('alert').waitFor()
    await dialog.getByRole('textbox').last().fill('火化证明与死亡证明记载的逝者信息不一致，经核实不符合减免条件。')
    await shot(page, '12-refusal-dialog', false)
    await dialog.getByTestId('confirm-refuse').click()
    // A form with more required fields keeps the refusal and marks what is missing; otherwise it is done.
    const done = page.getByText('已提交，办件进入下一环节。')
    const fix = page.getByText('请按提示修改标红的内容。')
    await done.or(fix).first().waitFor({ timeout: 20_000 })
    if (await fix.isVisible()) {
      for (const box of await page.locator('.form-js-host input[type=checkbox]').all()) if (!(await box.isChecked())) await box.check()
      await page.getByTestId('complete').click()
      await done.waitFor({ timeout: 20_000 })
    }
    await page.context().close()
  })

  test('a manager signs in and sees the dashboard with what can be counted', async () => {
    const page = await signedIn('manager')
    assert.equal(new URL(page.url()).pathname, '/dashboard')
    await page.getByTestId('kpi-services').filter({ hasText: /^[1-9]/ }).waitFor()
    // The dashboard counts the catalogue the API publishes, whatever services it holds.
    const catalogue = await fetch(`${app.baseUrl}/api/services`).then((r) => r.json())
    assert.equal(await page.getByTestId('kpi-services').innerText(), String(catalogue.length))
    await page.locator('.echart svg').first().waitFor()
    // The cases decided in this journey are counted: cycle time, SLA and the decided count of the last 30 days.
    await page.getByTestId('kpi-decided').filter({ hasText: /^[1-9]/ }).waitFor({ timeout: 20_000 })
    await page.getByTestId('cycle-table').getByText('基本殡葬服务费用减免（异地火化报销）').waitFor()
    assert.ok((await page.locator('.echart svg').count()) >= 3, 'cycle time, SLA and throughput charts')
    await shot(page, '10-dashboard')

    // Filtered by service, and exported as CSV.
    await page.getByTestId('filter-service').click()
    await page.getByRole('option', { name: '基本殡葬服务费用减免（异地火化报销）' }).click()
    await page.getByTestId('cycle-table').getByText('基本殡葬服务费用减免（异地火化报销）').waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv').first().click()])
    assert.match(download.suggestedFilename(), /^cycle-time_.*funeral-fee-reimbursement\.csv$/)
    const csv = fs.readFileSync(await download.path(), 'utf8')
    // Headers and services in words, as on the screen.
    assert.match(csv, /^\uFEFF?服务事项,办理时长（小时）·件数,/)
    assert.match(csv, /基本殡葬服务费用减免（异地火化报销）,[1-9]/)
    assert.doesNotMatch(csv, /funeral-fee-|workingDays|[a-z][A-Z]/)
    await shot(page, '10-dashboard-filtered')

    // The annual statistics: the reimbursement paid earlier in this journey is counted.
    await page.getByTestId('annual-link').click()
    await page.getByTestId('outcome-funeral-fee-reimbursement-PAID').waitFor({ timeout: 20_000 })
    assert.match(await page.getByTestId('outcome-funeral-fee-reimbursement-PAID').innerText(), /同意报销并支付: [1-9]/)
    await shot(page, '13-annual-statistics')
    await page.context().close()
  })
  test('every screen in both languages, on a desktop and on a phone, shows no internal name', async () => {
    assert.ok(state.no, 'needs the application of the first steps')
    const screens = [
      [null, '/portal', (p) => p.locator('main a').first().waitFor()],
      [null, '/portal/services/funeral-fee-reimbursement', (p) => p.locator('main h2').first().waitFor()],
      [null, '/portal/services/marriage-registration', (p) => p.locator('main h2').first().waitFor()],
      [null, '/track', (p) => p.locator('main input').first().waitFor()],
      ['zhangsan', '/portal/applications', (p) => p.getByRole('link', { name: state.no }).waitFor()],
      ['lisi', '/portal/applications', (p) => p.locator('main a[href^="/portal/applications/"]').first().waitFor()],
      ['chief', '/workbench', (p) => p.locator('main table').first().waitFor()],
      ['manager', '/dashboard', (p) => p.locator('.echart svg').first().waitFor()],
      ['manager', '/dashboard/annual', (p) => p.locator('main table').first().waitFor()],
    ]
    for (const language of ['zh-CN', 'en']) {
      for (const [device, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
        // axe-core checks each screen twice (Chinese on a desktop, English on a phone): both languages, both sizes.
        const axe = (language === 'zh-CN') === (device === 'desktop')
        const pagesOf = new Map()
        for (const [user, url, ready] of screens) {
          let page = pagesOf.get(user)
          if (!page) {
            page = user ? await signedIn(user, viewport) : await browser.newContext({ viewport }).then((c) => c.newPage())
            pages.add(page)
            await page.goto(`${app.baseUrl}/track`)
            await page.evaluate((l) => localStorage.setItem('civil.language', l), language)
            pagesOf.set(user, page)
          }
          await page.goto(`${app.baseUrl}${url}`)
          await ready(page)
          await page.waitForLoadState('networkidle')
          await shot(page, `20-${language}-${device}${url.replace(/\/+/g, '-')}`, true, { axe })
          if (url === '/portal/applications') {
            // Every case of the applicant: the journey's, a refused one, one waiting for corrections.
            const cases = await page.locator('main a[href^="/portal/applications/"]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')))])
            for (const href of cases) {
              await page.goto(`${app.baseUrl}${href}`)
              await page.getByTestId('status').waitFor()
              await page.waitForLoadState('networkidle')
              await shot(page, `20-${language}-${device}-${user}${href.replace(/\/+/g, '-')}`, true, { axe })
            }
          }
        }
        for (const page of pagesOf.values()) await page.context().close()
      }
    }
  })

  test('no screenshot of the suite shows a code, a variable name, true/false or an id', () => {
    assert.deepEqual(codeFindings, [])
  })

  test('axe-core finds no accessibility violation on any page of the suite', () => {
    assert.deepEqual(ui.axeViolations, [])
    assert.ok(ui.axeChecked.length > 0, 'axe-core checked the pages')
    console.log(`# axe-core checked ${ui.axeChecked.length} pages`)
  })
})
