/**
 * What the user typed survives a reload, an expired session or a crash: application drafts in localStorage (kept
 * until submitted or discarded), a clerk's unfinished task form in sessionStorage (this tab only).
 */
export interface Draft {
  data: Record<string, unknown>
  files: Record<string, { id: string; fileName: string; size: number }[]>
  savedAt: string
}

const draftKey = (serviceCode: string, user: string) => `civil.draft.${user}.${serviceCode}`
const taskKey = (taskId: string) => `civil.task.${taskId}`

export function saveDraft(storage: Storage, user: string, serviceCode: string, draft: Omit<Draft, 'savedAt'>, now = new Date()): Draft {
  const saved = { ...draft, savedAt: now.toISOString() }
  storage.setItem(draftKey(serviceCode, user), JSON.stringify(saved))
  return saved
}

export function loadDraft(storage: Storage, user: string, serviceCode: string): Draft | null {
  return parse<Draft>(storage.getItem(draftKey(serviceCode, user)))
}

/** The user's drafts in this browser, newest first. */
export function listDrafts(storage: Storage, user: string): (Draft & { serviceCode: string })[] {
  const prefix = draftKey('', user)
  const out: (Draft & { serviceCode: string })[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (!key?.startsWith(prefix)) continue
    const draft = parse<Draft>(storage.getItem(key))
    if (draft?.savedAt) out.push({ ...draft, serviceCode: key.slice(prefix.length) })
  }
  return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
}

export function discardDraft(storage: Storage, user: string, serviceCode: string) {
  storage.removeItem(draftKey(serviceCode, user))
}

export function saveTaskState(storage: Storage, taskId: string, state: Record<string, unknown>) {
  storage.setItem(taskKey(taskId), JSON.stringify(state))
}

export function loadTaskState<T>(storage: Storage, taskId: string): T | null {
  return parse<T>(storage.getItem(taskKey(taskId)))
}

export function clearTaskState(storage: Storage, taskId: string) {
  storage.removeItem(taskKey(taskId))
}

function parse<T>(raw: string | null): T | null {
  if (!raw) return null
  try {
    return JSON.parse(raw) as T
  } catch {
    return null
  }
}
