import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createI18n } from 'vue-i18n'
import zh from '../i18n/zh-CN'
import en from '../i18n/en'
import type { Countdown } from '../api/types'
import CountdownTag from './CountdownTag.vue'

function render(countdown: Countdown | null, locale = 'zh-CN', showDue = false) {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zh, en } })
  return mount(CountdownTag, { props: { countdown, showDue }, global: { plugins: [ElementPlus, i18n] } })
}

const clock = (over: Partial<Countdown>): Countdown => ({
  state: 'ON_TIME', statutoryDue: '2026-12-25', remainingWorkingDays: 20, promisedState: 'ON_TIME', promisedDue: '2026-12-11',
  promisedRemainingWorkingDays: 10, paused: false, pausedWorkingDays: 0, stopped: false, warnings: [], ...over,
})

describe('CountdownTag', () => {
  it('shows a red tag with the overdue days in words', () => {
    const wrapper = render(clock({ state: 'RED', remainingWorkingDays: -3 }))
    const tag = wrapper.find('.el-tag')
    expect(tag.classes()).toContain('el-tag--danger')
    expect(wrapper.find('.countdown').attributes('data-state')).toBe('RED')
    expect(tag.text()).toContain('已超期 3 个工作日')
  })

  it('shows a green tag with the days left and, when asked, both due dates', () => {
    const wrapper = render(clock({}), 'en', true)
    expect(wrapper.find('.el-tag').classes()).toContain('el-tag--success')
    expect(wrapper.text()).toContain('20 working days left')
    expect(wrapper.text()).toContain('statutory limit 2026-12-25')
    expect(wrapper.text()).toContain('promised 2026-12-11')
  })

  it('is grey and says so when there is no clock', () => {
    const tag = render(null).find('.el-tag')
    expect(tag.classes()).toContain('el-tag--info')
    expect(tag.text()).toContain('未计时')
  })
})
