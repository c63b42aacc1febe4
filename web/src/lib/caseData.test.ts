import { describe, expect, it } from 'vitest'
import type { FormSchema } from '../api/types'
import { caseRows } from './caseData'

const form: FormSchema = {
  components: [
    { type: 'textfield', key: 'partyAName', label: '当事人甲姓名' },
    { type: 'checklist', key: 'agreementCovers', label: '协议内容', values: [{ label: '自愿离婚', value: 'VOLUNTARY' }, { label: '子女抚养', value: 'CHILDREN' }] },
    { type: 'radio', key: 'fullCapacity', label: '完全民事行为能力', values: [{ label: '是', value: 'yes' }] },
    { type: 'filepicker', key: 'agreementFile', label: '离婚协议' },
  ],
} as FormSchema

describe('a case in the words of its start form', () => {
  it('labels every field and every chosen option, multi-choice ones included, and leaves the uploads out', () => {
    const rows = caseRows({ partyAName: '刘建华', agreementCovers: ['VOLUNTARY', 'CHILDREN'], fullCapacity: 'yes', agreementFile: 'x' }, form)
    expect(rows).toEqual([
      { key: 'partyAName', label: '当事人甲姓名', text: '刘建华' },
      { key: 'agreementCovers', label: '协议内容', text: '自愿离婚、子女抚养' },
      { key: 'fullCapacity', label: '完全民事行为能力', text: '是' },
    ])
  })
})
