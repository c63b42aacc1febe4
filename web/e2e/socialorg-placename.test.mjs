// The browser suite's social-organisation and place-name journeys, through the UI alone: the applicant's form with
// the name pre-check while typing, the clerks' queue (found by the case's number, never by queue order), the
// second on-site verifier picked from the section's staff, chief and director sign-off, the receipt, certificate
// and announcement shown and printable, a refusal with its reasons and remedy, and a place name from application to
// the published announcement, its text seen before it is published. The platform's demo clock (documented in the
// README) moves only through the public consultation's waiting period; every date is read from the platform.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { browserSuite, choose, contrastOf, date, fill, pick } from './ui.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const shots = path.join(here, 'screenshots')
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
const DONE = '已提交，办件进入下一环节。'

// The consultation's waiting period passes on the platform's demo clock (README: DEMO_TIME_TRAVEL).
process.env.DEMO_TIME_TRAVEL = 'true'

const state = {}
// Its own cases only: without the sample (journey.test.mjs runs the first-start default with it).
const ui = browserSuite({ shots, failed: 'so-', sample: false })
const { signedIn, shot } = ui

function basic(user) {
  return { Authorization: `Basic ${Buffer.from(`${user}:demo`).toString('base64')}` }
}

/** The platform's own today (never this machine's), as yyyy-mm-dd. */
async function platformToday() {
  const response = await fetch(`${ui.app.baseUrl}/api/calendar/today`, { headers: basic('zhangsan') })
  assert.equal(response.status, 200)
  return (await response.json()).today
}

/** One day on the platform's demo clock (the documented way through a waiting period). */
async function nextDay() {
  const response = await fetch(`${ui.app.baseUrl}/api/admin/demo-clock`, {
    method: 'POST',
    headers: { ...basic('admin'), 'Content-Type': 'application/json' },
    body: JSON.stringify({ days: 1 }),
  })
  assert.equal(response.status, 200, await response.text())
}

/**
 * Finds the case in the queue by its number, as a clerk types it into the search box, waits until its step named
 * `step` is there (background checks run first), and opens it.
 */
async function openCase(page, no, step, { waitDays = 0 } = {}) {
  for (let i = 0; i < 40 + waitDays; i++) {
    await page.goto(`${ui.app.baseUrl}/workbench`)
    await page.getByRole('heading', { name: '我的待办' }).waitFor()
    await page.getByLabel('按申请编号或姓名查找').fill(no)
    await page.getByTestId('queue-search-button').click()
    await page.getByText(new RegExp(`申请编号含“${no}”的办件 \\d+ 件`)).waitFor()
    const row = page.locator('tr', { has: page.getByRole('link', { name: no }) }).filter({ hasText: step })
    if (await row.count()) {
      await row.getByRole('link', { name: no }).click()
      await page.waitForURL(/\/workbench\/tasks\//)
      await page.getByRole('heading', { name: step }).waitFor()
      return
    }
    if (i < waitDays) await nextDay()
    else await page.waitForTimeout(1000)
  }
  assert.fail(`step ${step} of case ${no} never reached the queue`)
}

/** The labels of the task page's facts table (automated checks and computations), and its whole text. */
async function facts(page) {
  const table = page.getByTestId('facts')
  await table.waitFor()
  return { labels: await table.locator('.el-descriptions__label').allInnerTexts(), text: await table.innerText() }
}

async function submitTask(page) {
  await page.getByTestId('complete').click()
  await page.getByText(DONE).waitFor({ timeout: 20_000 })
}

/** The applicant's form of a social-organisation establishment, up to (not including) the name. */
async function socialOrgForm(page) {
  await page.goto(`${ui.app.baseUrl}/portal/services/socialorg-establishment/apply`)
  await page.locator('.fjs-form').waitFor()
  await choose(page, '住所所在镇街', '石岐街道')
  await page.getByLabel('社会团体', { exact: true }).check()
}

async function socialOrgRest(page) {
  await choose(page, '直接登记类别', '科技类')
  await fill(page, '个人会员数', '64')
  await fill(page, '单位会员数', '0')
  // Eight promoters (a social group needs at least 8; domain brief §2(b)), one row each.
  const promoters = ['442000197001102005', '442000197102112018', '442000197203122020', '442000197304102037', '44200019740511204X', '442000197506122052', '442000197607102069', '442000197708112071']
  for (let i = 0; i < promoters.length; i++) {
    if (i > 0) await page.locator('.fjs-repeat-render-add').click()
    const row = page.locator('.fjs-repeat-row-rows').nth(i)
    await pick(row.locator('.fjs-form-field-select').first(), '个人')
    await fill(row, '发起人姓名或单位名称', `发起人${i + 1}`)
    await fill(row, '发起人公民身份号码', promoters[i])
  }
  await fill(page, '活动资金／开办资金／原始基金（元）', '50000')
  await fill(page, '住所', '中山市石岐街道孙文中路1号')
  await fill(page, '宗旨', '普及无人机运动，服务会员')
  await fill(page, '业务范围', '培训、竞赛、学术交流')
  await fill(page, '拟任法定代表人（负责人）姓名', '𠮷林')
  await fill(page, '拟任法定代表人公民身份号码', '442000194503012129')
  await fill(page, '联系电话', '13800138000')
  for (const [key, name] of [['charterFile', '章程草案.pdf'], ['capitalVerificationFile', '验资报告.pdf'], ['domicileProofFile', '住所证明.pdf']]) {
    await page.setInputFiles(`#file-${key}`, { name, mimeType: 'application/pdf', buffer: PDF })
    await page.locator('.uploaded', { hasText: name }).waitFor()
  }
  await page.getByLabel(/本人承诺/).click()
}

async function submitApplication(page) {
  await page.getByRole('button', { name: '提交申请' }).click()
  const no = await page.getByTestId('application-no').innerText({ timeout: 20_000 })
  assert.match(no, /^[A-Z]+-\d{8}-\d{4}$/)
  return no
}

describe('a social-organisation establishment through the web UI', () => {
  test('the applicant sees the name pre-check while typing, with the conflicting registered name, and applies', async () => {
    const page = await signedIn('zhangsan')
    await socialOrgForm(page)
    // The name of a registered association is flagged as it is typed, naming the association.
    await fill(page, '拟登记名称', '中山市摄影家协会')
    const check = page.getByTestId('name-check')
    await page.getByTestId('name-conflicts').waitFor({ timeout: 15_000 })
    assert.match(await page.getByTestId('name-conflicts').innerText(), /中山市摄影家协会/)
    await shot(page, '30-socialorg-name-conflict')
    // Another name passes.
    await fill(page, '拟登记名称', '中山市无人机运动协会')
    await page.getByTestId('name-check-passed').waitFor({ timeout: 15_000 })
    assert.match(await check.innerText(), /中山市无人机运动协会/)
    await socialOrgRest(page)
    await shot(page, '30-socialorg-apply')
    state.org = await submitApplication(page)
    await page.context().close()
  })

  test('the clerk finds it by its number, accepts it, and the receipt is issued', async () => {
    assert.ok(state.org, 'needs the application of the step before')
    const page = await signedIn('clerk-socialorg')
    await openCase(page, state.org, '受理审查')
    // The acceptance step's own clock: a correction notice within 5 working days of receipt, in plain words.
    const noticeClock = /补正告知：(还剩 [1-5] 个工作日（最迟 |今日（)\d{4}年\d{1,2}月\d{1,2}日/
    assert.match(await page.getByTestId('correction-window').innerText(), noticeClock)
    assert.match(await page.getByTestId('correction-window').innerText(), /5 个工作日内一次告知/)
    await shot(page, '31-socialorg-accept')
    await page.goBack()
    await page.getByText(new RegExp(`申请编号含“${state.org}”的办件 \\d+ 件`)).waitFor()
    const row = page.locator('tr', { has: page.getByRole('link', { name: state.org }) })
    assert.match(await row.getByTestId('correction-window').innerText(), noticeClock)
    await row.getByRole('link', { name: state.org }).click()
    await page.getByRole('heading', { name: '受理审查' }).waitFor()
    await page.getByLabel('受理', { exact: true }).check()
    await submitTask(page)
    await openCase(page, state.org, '审查申请')
    await page.getByRole('tab', { name: '文书' }).click()
    const receipt = page.getByTestId('doc-receipt')
    await receipt.waitFor()
    assert.match(await receipt.innerText(), /受理通知书[\s\S]*60个工作日/)
    await shot(page, '31-socialorg-receipt-staff')
    await page.getByRole('tab', { name: '申请信息' }).click()
    await page.getByLabel('拟准予登记，转实地核查', { exact: true }).check()
    await fill(page, '审查意见说明', '会员、资金、名称均符合规定')
    await submitTask(page)

    // On-site verification: the second verifier is picked by name from the section's staff, never typed.
    await openCase(page, state.org, '实地核查')
    const verifier = page.locator('.fjs-form-field-select').filter({ has: page.locator('label', { hasText: '第二核查人' }) })
    await pick(verifier, '赵科长')
    await date(page, '核查日期', await platformToday())
    await page.getByLabel('一致', { exact: true }).check()
    await fill(page, '核查记录', '住所与申报一致，场所可用')
    await shot(page, '32-socialorg-verify-second-verifier')
    await submitTask(page)
    await page.context().close()
  })

  test('the section chief and the director sign, and the clerk issues the certificate', async () => {
    assert.ok(state.org, 'needs the case of the steps before')
    const chief = await signedIn('chief')
    await openCase(chief, state.org, '科长审核')
    await chief.getByLabel('同意准予登记', { exact: true }).check()
    await fill(chief, '审核意见', '同意')
    await shot(chief, '33-socialorg-chief')
    await submitTask(chief)
    await chief.context().close()

    const director = await signedIn('director')
    await openCase(director, state.org, '局领导审批')
    await director.getByLabel('同意准予登记', { exact: true }).check()
    await shot(director, '33-socialorg-director')
    await submitTask(director)
    await director.context().close()

    const clerk = await signedIn('clerk-socialorg')
    await openCase(clerk, state.org, '颁发登记证书')
    await clerk.getByLabel('电子证照', { exact: true }).check()
    await clerk.getByLabel('登记证书已颁发、送达').check()
    await submitTask(clerk)
    await clerk.context().close()
  })

  test('the applicant sees the receipt, the certificate and the announcement, and prints the certificate', async () => {
    assert.ok(state.org, 'needs the case of the steps before')
    const page = await signedIn('zhangsan')
    let outcome = ''
    for (let i = 0; i < 30 && !outcome.includes('登记'); i++) {
      await page.goto(`${ui.app.baseUrl}/portal/applications/${state.org}`)
      outcome = await page.getByTestId('outcome').innerText()
      if (!outcome.includes('登记')) await page.waitForTimeout(1000)
    }
    assert.match(outcome, /已登记|准予登记/)
    await page.getByTestId('doc-announcement').waitFor()
    assert.match(await page.getByTestId('doc-receipt').innerText(), /受理通知书/)
    const certificate = await page.getByTestId('doc-certificate').innerText()
    assert.match(certificate, /社会团体法人登记证书/)
    assert.match(certificate, /统一社会信用代码\s*51442000/)
    // What the certificate states: the organisation's name first, then its registered facts.
    for (const fact of [/名称\s*中山市无人机运动协会/, /住所\s*中山市石岐街道孙文中路1号/, /法定代表人（负责人）\s*𠮷林/, /业务范围\s*培训、竞赛、学术交流/, /活动资金\s*50000 元/, /登记管理机关\s*中山市民政局/, /登记日期\s*\d{4}年\d{1,2}月\d{1,2}日/]) {
      assert.match(certificate, fact)
    }
    assert.match(await page.getByTestId('doc-announcement').innerText(), /中山市无人机运动协会[\s\S]*51442000/)
    await shot(page, '34-socialorg-documents-applicant')

    // Printing prints the certificate's card alone.
    await page.evaluate(() => {
      window.print = () => {
        window.__printed = document.querySelector('.printing')?.getAttribute('data-testid') ?? null
      }
    })
    await page.getByTestId('print-certificate').click()
    assert.equal(await page.evaluate(() => window.__printed), 'doc-certificate')
    await page.evaluate(() => {
      document.documentElement.classList.add('print-card')
      document.querySelector('[data-testid="doc-certificate"]').classList.add('printing')
    })
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.getByTestId('print-certificate').isVisible(), false, 'without its button')
    await page.screenshot({ path: path.join(shots, '34-socialorg-certificate-print.png'), fullPage: true })
    await page.emulateMedia({ media: 'screen' })
    await page.context().close()
  })

  test('a name that conflicts is refused at acceptance, and the applicant sees the reasons and the remedy', async () => {
    const page = await signedIn('zhangsan')
    await socialOrgForm(page)
    await fill(page, '拟登记名称', '中山市摄影家协会')
    await page.getByTestId('name-conflicts').waitFor({ timeout: 15_000 })
    await socialOrgRest(page)
    const no = await submitApplication(page)

    const clerk = await signedIn('clerk-socialorg')
    await openCase(clerk, no, '受理审查')
    // The name check's findings in words, with the registered name the proposal conflicts with; labels in Chinese.
    const found = await facts(clerk)
    assert.match(found.text, /名称核查发现\s*与本机关已登记[^\n]*同类组织名称相同：“中山市摄影家协会”/)
    assert.match(found.text, /相同或近似的已登记名称\s*中山市摄影家协会/)
    assert.deepEqual(found.labels.filter((l) => /[A-Za-z]/.test(l)), [], 'fact labels in Chinese')
    await shot(clerk, '35-socialorg-name-findings-staff')
    await clerk.getByTestId('refuse').click()
    const dialog = clerk.getByRole('dialog', { name: '作出否定决定并说明理由' })
    await dialog.waitFor()
    await dialog.getByRole('textbox').last().fill('拟登记名称与本机关已登记的“中山市摄影家协会”相同，不符合《社会组织名称管理办法》的规定。')
    await shot(clerk, '35-socialorg-refusal-dialog', false)
    await dialog.getByTestId('confirm-refuse').click()
    await clerk.getByText(DONE).waitFor({ timeout: 20_000 })
    await clerk.context().close()

    const decision = page.getByTestId('decision')
    for (let i = 0; i < 30 && !(await decision.count()); i++) {
      await page.goto(`${ui.app.baseUrl}/portal/applications/${no}`)
      await page.getByTestId('status').waitFor()
      if (!(await decision.count())) await page.waitForTimeout(1000)
    }
    assert.match(await page.getByTestId('decision-reasons').innerText(), /中山市摄影家协会/)
    assert.match(await page.getByTestId('decision-remedy').innerText(), /行政复议[\s\S]*行政诉讼/)
    await shot(page, '35-socialorg-refusal-applicant')
    await page.context().close()
  })
})

describe('a place-name approval through the web UI', () => {
  test('the applicant sees a homophone of a standard name while typing, and applies for 富康路', async () => {
    const page = await signedIn('zhangsan')
    await page.goto(`${ui.app.baseUrl}/portal/services/placename-approval/apply`)
    await page.locator('.fjs-form').waitFor()
    await choose(page, '所在镇街', '小榄镇')
    await page.getByLabel('命名', { exact: true }).check()
    await choose(page, '地名类别', '街、路、巷')
    await fill(page, '拟用专名', '星中')
    await fill(page, '通名（如路、街、巷、花园、大厦）', '道')
    await page.getByTestId('name-conflicts').waitFor({ timeout: 15_000 })
    assert.match(await page.getByTestId('name-conflicts').innerText(), /兴中道/)
    await shot(page, '40-placename-homophone')
    await fill(page, '拟用专名', '富康')
    await fill(page, '通名（如路、街、巷、花园、大厦）', '路')
    await page.getByTestId('name-check-passed').waitFor({ timeout: 15_000 })
    await fill(page, '地理位置及四至', '东起升平路，西至沙口路')
    await fill(page, '名称含义及来历', '富足安康')
    await fill(page, '命名（更名）理由', '新建城市道路，尚未命名')
    await fill(page, '申请单位', '中山市小榄镇城市建设局')
    await fill(page, '统一社会信用代码', '11442000MB2C12348L')
    await fill(page, '联系人姓名', '刘建华')
    await fill(page, '联系人公民身份号码', '442000198804046814')
    await fill(page, '联系电话', '13800000001')
    for (const [key, name] of [['planFile', '命名方案.pdf'], ['mapFile', '四至图.pdf']]) {
      await page.setInputFiles(`#file-${key}`, { name, mimeType: 'application/pdf', buffer: PDF })
      await page.locator('.uploaded', { hasText: name }).waitFor()
    }
    await page.getByLabel(/本单位承诺/).click()
    state.place = await submitApplication(page)
    await page.context().close()
  })

  test('accepted, evaluated and argued by experts; the consultation period passes; the chief gives the opinion', async () => {
    assert.ok(state.place, 'needs the application of the step before')
    const clerk = await signedIn('clerk-placename')
    await openCase(clerk, state.place, '受理审查')
    await clerk.getByLabel('受理', { exact: true }).check()
    await submitTask(clerk)
    await openCase(clerk, state.place, '综合评估')
    await clerk.getByLabel('中', { exact: true }).check()
    // In the approved place-name plan (a name outside it needs the plan checked and the reason: R171).
    await clerk.getByLabel(/符合已批准的地名方案/).check()
    await fill(clerk, '综合评估意见（合法性、可行性、可控性、社会影响）', '合法、可行、风险可控')
    await submitTask(clerk)
    await openCase(clerk, state.place, '专家论证')
    await fill(clerk, '论证专家', '李教授、王工程师、陈馆长')
    await date(clerk, '论证日期', await platformToday())
    await clerk.getByLabel('同意', { exact: true }).check()
    await fill(clerk, '专家论证报告摘要', '寓意良好，符合命名规则')
    await submitTask(clerk)
    // The public consultation runs its days (off the statutory clock): the demo clock moves a day at a time.
    await openCase(clerk, state.place, '汇总征求意见', { waitDays: 30 })
    await fill(clerk, '征求意见范围及方式', '市民政局网站、小榄镇公示栏')
    await fill(clerk, '收到意见（条）', '3')
    await fill(clerk, '主要意见及采纳情况', '均表示赞同')
    await clerk.getByLabel('否', { exact: true }).check()
    await submitTask(clerk)
    await clerk.context().close()

    const chief = await signedIn('chief')
    await openCase(chief, state.place, '科长审核')
    await chief.getByLabel('同意', { exact: true }).check()
    await fill(chief, '审查意见说明', '同意报市人民政府审批')
    await submitTask(chief)
    await chief.context().close()
  })

  test('the clerk asks for the extension of the time limit, the director approves it, the applicant reads why', async () => {
    assert.ok(state.place, 'needs the application of the step before')
    const reason = '须征求交通、规划部门书面意见，意见尚未返回'
    const clerk = await signedIn('clerk-placename')
    await clerk.goto(`${ui.app.baseUrl}/workbench/cases/${state.place}`)
    const card = clerk.getByTestId('extension')
    await card.getByTestId('extension-ask').click()
    await card.getByTestId('extension-send').click()
    await card.getByText('“延长理由”为必填项。').waitFor()
    await card.getByLabel('延长理由（将告知申请人，不超过500字）').fill(reason)
    await card.getByTestId('extension-send').click()
    await card.getByText('已申请延长，待负责人审批').waitFor()
    await shot(clerk, '56-placename-extension-asked')
    await clerk.context().close()

    const director = await signedIn('director')
    await director.goto(`${ui.app.baseUrl}/workbench`)
    const waiting = director.getByTestId('extensions-waiting')
    await waiting.getByText(reason).waitFor()
    await shot(director, '57-placename-extension-waiting')
    await waiting.getByRole('link', { name: state.place }).click()
    await director.getByTestId('extension-approve').click()
    await director.getByText('经负责人批准，办理期限已延长').waitFor()
    assert.match(await director.getByTestId('extension-due').innerText(), /办理期限延长 10 个工作日，至 \d{4}-\d{2}-\d{2}。/)
    await shot(director, '58-placename-extension-approved')
    await director.context().close()

    const applicant = await signedIn('zhangsan')
    await applicant.goto(`${ui.app.baseUrl}/portal/applications/${state.place}`)
    const seen = applicant.getByTestId('extension')
    await seen.getByText('经负责人批准，办理期限已延长').waitFor()
    assert.equal(await seen.getByTestId('extension-reason').innerText(), reason)
    assert.equal(await seen.getByTestId('extension-ask').count(), 0, 'the applicant does not act on it')
    await shot(applicant, '59-placename-extension-applicant')
    await applicant.context().close()
  })

  test('the approval is recorded and filed, and the clerk reads the announcement before publishing it', async () => {
    assert.ok(state.place, 'needs the case of the steps before')
    const clerk = await signedIn('clerk-placename')
    await openCase(clerk, state.place, '报批并登记审批机关决定')
    await clerk.getByLabel('批准', { exact: true }).check()
    await fill(clerk, '批准文号', '中府函〔2026〕88号')
    await date(clerk, '批准日期', await platformToday())
    await submitTask(clerk)
    await openCase(clerk, state.place, '报上级备案')
    await fill(clerk, '备案编号', '粤地备〔2026〕301号')
    await date(clerk, '备案日期', await platformToday())
    await submitTask(clerk)

    await openCase(clerk, state.place, '发布地名公告')
    // The approving authority's facts under the decision table's own Chinese labels, no English fallback.
    const found = await facts(clerk)
    assert.deepEqual(found.labels.filter((l) => /[A-Za-z]/.test(l)), [], 'fact labels in Chinese')
    assert.match(found.text, /审批机关名称: 中山市人民政府/)
    assert.match(found.text, /命名规则自动核查|名称核查发现|未发现问题/)
    const draft = clerk.getByTestId('doc-announcement')
    await draft.waitFor({ timeout: 15_000 })
    const text = await draft.innerText()
    assert.match(text, /待发布/)
    assert.match(text, /富康路[\s\S]*Fukang Lu/)
    assert.match(text, /中府函〔2026〕88号/)
    await shot(clerk, '41-placename-announcement-before-publishing')
    await clerk.getByLabel('市民政局网站').check()
    await submitTask(clerk)
    await clerk.context().close()

    const applicant = await signedIn('zhangsan')
    let outcome = ''
    for (let i = 0; i < 30 && !outcome.includes('公告'); i++) {
      await applicant.goto(`${ui.app.baseUrl}/portal/applications/${state.place}`)
      outcome = await applicant.getByTestId('outcome').innerText()
      if (!outcome.includes('公告')) await applicant.waitForTimeout(1000)
    }
    assert.match(outcome, /准予命名（更名），已备案并公告/)
    const published = applicant.getByTestId('doc-announcement')
    await published.waitFor()
    assert.match(await published.innerText(), /已发布[\s\S]*富康路/)
    await shot(applicant, '42-placename-published-applicant')
    await applicant.context().close()
  })
})

describe('the workbench as a clerk uses it', () => {
  test('in English the queue names the steps and services in English, and the task page fits a phone', async () => {
    // The chief works every service's queue; the demo cases wait in some of them.
    const page = await signedIn('chief', { width: 390, height: 844 })
    await page.evaluate(() => localStorage.setItem('civil.language', 'en'))
    await page.goto(`${ui.app.baseUrl}/workbench`)
    await page.getByRole('heading', { name: 'My queue' }).waitFor()
    await page.locator('main table a').first().waitFor()
    const table = await page.locator('main table').first().innerText()
    assert.doesNotMatch(table, /受理审查|审核报销|人工核验纸质材料|审查申请/, 'task names in English')
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scrolling at 390px')
    await shot(page, '43-queue-en-phone')
    await page.locator('main table a').first().click()
    await page.waitForURL(/\/workbench\/tasks\//)
    await page.locator('.fjs-form').first().waitFor()
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scrolling at 390px')
    await shot(page, '43-task-en-phone')
    // A case that is not there: said in plain words, no raw answer.
    await page.goto(`${ui.app.baseUrl}/workbench/tasks/no-such-task`)
    const failed = page.getByRole('alert')
    await failed.waitFor()
    assert.doesNotMatch(await failed.innerText(), /\{|"status"|Failed to fetch|Not Found/)
    await shot(page, '43-task-missing-en-phone')
    await page.context().close()
  })

  test('hovered buttons, links and tabs keep at least 4.5:1 contrast', async () => {
    const page = await signedIn('chief')
    await page.getByRole('heading', { name: '我的待办' }).waitFor()
    const targets = [
      ['next case (primary)', page.getByTestId('next-case')],
      ['search (plain)', page.getByTestId('queue-search-button')],
      ['queue link', page.locator('main table a').first()],
      ['scope tab', page.getByText('未领取', { exact: true }).first()],
      ['navigation', page.getByRole('link', { name: '服务目录' })],
    ]
    const low = []
    for (const [name, target] of targets) {
      await target.hover()
      await page.waitForTimeout(250)
      const ratio = await contrastOf(target)
      if (ratio < 4.5) low.push(`${name}: ${ratio.toFixed(2)}:1`)
    }
    assert.deepEqual(low, [])
    await page.context().close()
  })

  test('no screenshot of this suite shows a code, and axe-core finds no violation on any of its pages', () => {
    assert.deepEqual(ui.codeFindings, [])
    assert.deepEqual(ui.axeViolations, [])
    assert.ok(ui.axeChecked.length > 0, 'axe-core checked the pages')
    console.log(`# axe-core checked ${ui.axeChecked.length} pages`)
  })
})
