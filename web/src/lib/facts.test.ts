import { describe, expect, it } from 'vitest'
import { describeFacts, factText, humanize, type FactWords } from './facts'

const zh: Record<string, string> = { checksPassed: '自动核验全部通过', waiverAmount: '可减免金额（元）', eligible: '符合减免条件' }
const words: FactWords = { label: (k) => zh[k], yes: '是', no: '否', formLabels: new Map([['invoiceTotal', '发票合计']]) }

describe('engine facts in words', () => {
  it('labels a variable from the dictionary, then the forms, then by splitting its name', () => {
    const facts = describeFacts({ waiverAmount: 1090.5, invoiceTotal: 1570.5, registryRetryInterval: 'PT5M' }, words)
    expect(facts.map((f) => f.label)).toEqual(['Registry retry interval', '发票合计', '可减免金额（元）'])
  })

  it('says yes and no, lists nested decisions, and puts failed checks first', () => {
    const facts = describeFacts({ checksPassed: true, hukouLocal: false, eligibility: { eligible: true, reasonCode: null } }, words)
    expect(facts[0]).toEqual({ key: 'hukouLocal', label: 'Hukou local', text: '否' })
    expect(facts.find((f) => f.key === 'eligibility')?.text).toBe('符合减免条件: 是')
    expect(facts.find((f) => f.key === 'checksPassed')?.text).toBe('是')
  })

  it('leaves out what the page shows elsewhere and empty values', () => {
    const facts = describeFacts({ applicationNo: 'BZB-1', serviceCode: 'x', district: 'shiqi', certificateNo: null,
      'policyVersion.funeral-eligibility': 2 }, words)
    expect(facts).toEqual([])
  })

  it('shows a place name\'s recorded dates once, not again as the periods\' anchors made from them', () => {
    const facts = describeFacts({ decisionDate: '2026-12-01', approvedAt: '2026-12-01T12:00:00.000+08:00' }, words)
    expect(facts.map((f) => f.key)).toEqual(['decisionDate'])
  })

  it('writes lists one item a line and never shows a raw object', () => {
    expect(factText([{ item: 'A', amount: 1 }, { item: 'B', amount: 2 }], words)).toBe('Item: A; Amount: 1\nItem: B; Amount: 2')
    expect(humanize('ageWoman')).toBe('Age woman')
  })

  it('reads JSON held as text, and puts coded values and durations into words', () => {
    const coded: FactWords = {
      ...words,
      value: (key, v) => ({ 'itemCode.URN': '骨灰盒', 'channel.ONLINE': '网上申请' } as Record<string, string>)[`${key}.${v}`],
      duration: (n, unit) => `${n} ${unit === 'D' ? '天' : unit === 'H' ? '小时' : '分钟'}`,
    }
    expect(factText('[{"itemCode":"URN","waived":120.5}]', coded, 'waiverLines')).toBe('Item code: 骨灰盒; Waived: 120.5')
    expect(factText('ONLINE', coded, 'channel')).toBe('网上申请')
    expect(factText('P30D', coded, 'correctionPeriod')).toBe('30 天')
    expect(factText('PT5M', coded, 'registryRetryInterval')).toBe('5 分钟')
    expect(factText('{broken', coded, 'x')).toBe('{broken')
    expect(factText('2026-11-29T02:48:49.586+08:00', coded, 'acceptedAt')).toBe('2026-11-29 02:48')
  })
})
