import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createI18n } from 'vue-i18n'
import zh from '../i18n/zh-CN'
import en from '../i18n/en'
import type { CaseRatingView } from '../api/types'
import RatingPanel from './RatingPanel.vue'

function render(rating: CaseRatingView, locale = 'zh-CN', errors: { field: string; message: string }[] = []) {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zh, en } })
  return mount(RatingPanel, { props: { rating, errors }, global: { plugins: [ElementPlus, i18n] } })
}

describe('RatingPanel', () => {
  it('offers the five levels while the case can be rated and sends the chosen one with the comment', async () => {
    const wrapper = render({ canRate: true, rateBy: '2026-12-08T10:00:00', defaulted: false })
    const levels = wrapper.findAll('[data-testid="rating-levels"] label')
    expect(levels.map((l) => l.text())).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
    expect(wrapper.text()).toContain('2026-12-08')

    await wrapper.find('[data-testid="rating-submit"]').trigger('click')
    expect(wrapper.emitted('rate')).toBeUndefined()
    expect(wrapper.find('[role="alert"]').text()).toBe('请选择评价等级')

    await levels[3].find('input').setValue(true)
    await wrapper.find('textarea').setValue('  排队太久  ')
    await wrapper.find('[data-testid="rating-submit"]').trigger('click')
    expect(wrapper.emitted('rate')).toEqual([[{ level: 2, comment: '排队太久' }]])
  })

  it('shows the field errors the server returned', () => {
    const wrapper = render({ canRate: true, defaulted: false }, 'en', [{ field: 'comment', message: '"Comment" is too long.' }])
    expect(wrapper.find('[role="alert"]').text()).toBe('"Comment" is too long.')
    expect(wrapper.text()).toContain('Very dissatisfied')
  })

  it('shows a given rating with the answer to a bad one and no form', () => {
    const wrapper = render({
      canRate: false, level: 1, levelText: '非常不满意', comment: '窗口排队两小时', defaulted: false, ratedAt: '2026-12-02T09:00:00',
      workOrder: { state: 'CLOSED', stateText: '已办结', feedback: '已在高峰期增开两个窗口。', feedbackAt: '2026-12-04T15:00:00' },
    })
    expect(wrapper.find('[data-testid="rating-levels"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="rating-level"]').text()).toBe('非常不满意')
    expect(wrapper.find('[data-testid="rating-work-order"]').text()).toContain('已办结')
    expect(wrapper.find('[data-testid="rating-feedback"]').text()).toBe('已在高峰期增开两个窗口。')
  })

  it('says when the rating was the default', () => {
    const wrapper = render({ canRate: false, level: 3, levelText: 'Basically satisfied', defaulted: true }, 'en')
    expect(wrapper.text()).toContain('"basically satisfied" by default')
  })
})
