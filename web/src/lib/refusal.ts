import type { FormComponent, FormSchema } from '../api/types'

/**
 * How a task form refuses: its `decision` radio, the options that refuse, and the `reasons` field those options
 * require. The forms show `reasons` only for refusing decisions, through form-js's hide condition, either
 * `=decision != "refuse"` (the one refusing option) or `=decision = null or decision = "approve" or ...` (every
 * option not listed refuses). Null when the form cannot refuse.
 */
export interface Refusal {
  options: { value: string; label: string }[]
  reasonsLabel: string
}

function find(components: FormComponent[], key: string): FormComponent | undefined {
  for (const c of components) {
    if (c.key === key) return c
    const inner = c.components ? find(c.components, key) : undefined
    if (inner) return inner
  }
  return undefined
}

export function refusalOf(schema: FormSchema | null | undefined): Refusal | null {
  if (!schema) return null
  const decision = find(schema.components, 'decision')
  const reasons = find(schema.components, 'reasons')
  const options = (decision?.values as { value: string; label: string }[] | undefined) ?? []
  if (!decision || !reasons || options.length === 0) return null
  const hide = String((reasons.conditional as { hide?: string } | undefined)?.hide ?? '')
  const quoted = [...hide.matchAll(/"([^"]*)"/g)].map((m) => m[1])
  let refusing: string[]
  if (!hide) refusing = []
  else if (hide.includes('!=')) refusing = quoted
  else refusing = options.map((o) => o.value).filter((v) => !quoted.includes(v))
  const out = options.filter((o) => refusing.includes(o.value))
  return out.length ? { options: out, reasonsLabel: reasons.label ?? 'reasons' } : null
}
