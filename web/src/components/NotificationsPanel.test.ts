import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createI18n } from 'vue-i18n'
import zh from '../i18n/zh-CN'
import en from '../i18n/en'
import NotificationsPanel from './NotificationsPanel.vue'

const get = vi.fn()
vi.mock('../auth/session', () => ({ api: { get: (path: string) => get(path) } }))

/** A row's parts (what, channel, state, time), as the eye separates them. */
const parts = (li: Element) => Array.from(li.children).map((c) => c.textContent?.trim()).join(' ')

async function render(audience: 'applicant' | 'staff', locale = 'zh-CN') {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zh, en } })
  const wrapper = mount(NotificationsPanel, { props: { applicationNo: 'BZB-20261207-0001', audience }, global: { plugins: [ElementPlus, i18n] } })
  await flushPromises()
  return wrapper
}

const NOTICES = [
  { template: 'RECEIPT', channel: 'EMAIL', state: 'SENT', queuedAt: '2026-12-07T15:08:01', sentAt: '2026-12-07T15:08:02' },
  { template: 'DECISION', channel: 'SMS', state: 'PENDING', queuedAt: '2026-12-08T09:00:00', sentAt: null },
  { template: 'RATING_REQUEST', channel: 'EMAIL', state: 'FAILED', queuedAt: '2026-12-08T09:00:00' },
]

describe('NotificationsPanel', () => {
  it('tells the applicant in words what we sent them, by which channel and how it stands', async () => {
    get.mockResolvedValueOnce(NOTICES)
    const wrapper = await render('applicant')
    expect(get).toHaveBeenLastCalledWith('/api/applications/BZB-20261207-0001/notifications')
    expect(wrapper.find('h2').text()).toBe('我们给您发送的通知')
    const rows = wrapper.findAll('li').map((li) => parts(li.element))
    expect(rows).toEqual([
      '已收到申请 电子邮件 已发送 2026-12-07 15:08 发出',
      '办理结果 短信 发送中 2026-12-08 09:00 生成',
      '服务评价邀请 电子邮件 发送失败 2026-12-08 09:00 生成',
    ])
    expect(wrapper.text()).not.toMatch(/RECEIPT|EMAIL|SMS|SENT|PENDING|FAILED/)
  })

  it('shows the staff the same in English, and says so when nothing was sent', async () => {
    get.mockResolvedValueOnce(NOTICES.slice(0, 1))
    const wrapper = await render('staff', 'en')
    expect(wrapper.find('h2').text()).toBe('Notices sent to the applicant')
    expect(parts(wrapper.find('li').element)).toBe('Application received E-mail Sent sent 2026-12-07 15:08')
    get.mockResolvedValueOnce([])
    const empty = await render('staff', 'en')
    expect(empty.text()).toContain('No notices sent yet.')
  })

  it('never shows a code it has no words for', async () => {
    get.mockResolvedValueOnce([{ template: 'SOMETHING_NEW', channel: 'FAX', state: 'ODD', queuedAt: '2026-12-07T15:08:01' }])
    const wrapper = await render('applicant')
    expect(wrapper.text()).not.toMatch(/SOMETHING_NEW|FAX|ODD/)
  })
})
