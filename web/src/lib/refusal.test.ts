import { describe, expect, it } from 'vitest'
import type { FormSchema } from '../api/types'
import { refusalOf } from './refusal'

/** The deployed task forms themselves, as the backend serves them (minus localisation). */
const forms = import.meta.glob('../../../forms/*/*.form', { query: '?raw', import: 'default', eager: true }) as Record<string, string>
const form = (path: string) => JSON.parse(forms[`../../../forms/${path}`]) as FormSchema

describe('refusing at a task', () => {
  it('finds the refusing options of a form whose reasons list the accepting ones', () => {
    expect(refusalOf(form('funeral/funeral-reimbursement-review.form'))?.options.map((o) => o.value)).toEqual(['reject'])
    expect(refusalOf(form('funeral/funeral-reimbursement-accept.form'))?.options.map((o) => o.value)).toEqual(['notAccepted'])
  })

  it('finds the one refusing option of a form whose reasons name it', () => {
    const refusal = refusalOf(form('marriage/marriage-review.form'))
    expect(refusal?.options.map((o) => o.value)).toEqual(['refuse'])
    expect(refusal?.reasonsLabel).toBeTruthy()
  })

  it('offers no refusal where the form has no decision with reasons', () => {
    expect(refusalOf(form('marriage/marriage-issue.form'))).toBeNull()
    expect(refusalOf({ components: [{ type: 'radio', key: 'decision', values: [{ value: 'a', label: 'A' }] }] })).toBeNull()
    expect(refusalOf(null)).toBeNull()
  })
})
