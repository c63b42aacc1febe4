import { describe, expect, it } from 'vitest'
import { clearTaskState, discardDraft, listDrafts, loadDraft, loadTaskState, saveDraft, saveTaskState } from './storage'

describe('drafts and unfinished task forms', () => {
  it('keep a draft per user and service until discarded', () => {
    const draft = saveDraft(localStorage, 'zhangsan', 'svc', { data: { a: 1 }, files: {} }, new Date('2026-11-28T08:00:00Z'))
    expect(loadDraft(localStorage, 'zhangsan', 'svc')).toEqual(draft)
    expect(loadDraft(localStorage, 'lisi', 'svc')).toBeNull()
    discardDraft(localStorage, 'zhangsan', 'svc')
    expect(loadDraft(localStorage, 'zhangsan', 'svc')).toBeNull()
  })

  it('keep what a clerk typed in a task across a reload, and survive garbage', () => {
    saveTaskState(sessionStorage, 't1', { data: { decision: 'approve' } })
    expect(loadTaskState(sessionStorage, 't1')).toEqual({ data: { decision: 'approve' } })
    clearTaskState(sessionStorage, 't1')
    expect(loadTaskState(sessionStorage, 't1')).toBeNull()
    sessionStorage.setItem('civil.task.t2', '{broken')
    expect(loadTaskState(sessionStorage, 't2')).toBeNull()
  })

  it("list a user's drafts, newest first, and no one else's", () => {
    localStorage.clear()
    saveDraft(localStorage, 'zhangsan', 'funeral-fee-reimbursement', { data: {}, files: {} }, new Date('2026-11-27T08:00:00Z'))
    saveDraft(localStorage, 'zhangsan', 'marriage-registration', { data: {}, files: {} }, new Date('2026-11-28T08:00:00Z'))
    saveDraft(localStorage, 'zhangsan2', 'x', { data: {}, files: {} })
    localStorage.setItem('civil.draft.zhangsan.broken', '{')
    expect(listDrafts(localStorage, 'zhangsan').map((d) => d.serviceCode)).toEqual(['marriage-registration', 'funeral-fee-reimbursement'])
  })
})
