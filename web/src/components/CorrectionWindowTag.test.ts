import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createI18n } from 'vue-i18n'
import zh from '../i18n/zh-CN'
import en from '../i18n/en'
import type { CorrectionWindow } from '../api/types'
import CorrectionWindowTag from './CorrectionWindowTag.vue'

function render(window: CorrectionWindow | null, locale = 'zh-CN', showHint = false) {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zh, en } })
  return mount(CorrectionWindowTag, { props: { window, showHint }, global: { plugins: [ElementPlus, i18n] } })
}

const received = (workingDaysLeft: number): CorrectionWindow => ({ receivedOn: '2026-11-30', lastDay: '2026-12-07', workingDaysLeft })

describe('CorrectionWindowTag', () => {
  it('says the working days left and the last day in plain Chinese, with the rule when asked', () => {
    const wrapper = render(received(3), 'zh-CN', true)
    expect(wrapper.find('.el-tag').text()).toBe('补正告知：还剩 3 个工作日（最迟 2026年12月7日）')
    expect(wrapper.find('.el-tag').classes()).toContain('el-tag--success')
    expect(wrapper.text()).toContain('自收到材料之日（2026年11月30日）起 5 个工作日内一次告知')
  })

  it('warns on the last day and says when the period is over, in English too', () => {
    expect(render(received(0)).find('.el-tag').text()).toBe('补正告知：今日（2026年12月7日）为最后一日')
    const over = render(received(-1), 'en').find('.el-tag')
    expect(over.classes()).toContain('el-tag--danger')
    expect(over.text()).toBe('Correction notice period over (7 December 2026): the case counts as accepted on receipt')
  })

  it('shows nothing on a step without the limit', () => {
    expect(render(null).find('.el-tag').exists()).toBe(false)
  })
})
