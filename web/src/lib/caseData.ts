import type { FormComponent, FormSchema } from '../api/types'
import { formatValue } from './format'

/** One line of a case's data as staff read it: the start form's label and the value in words. */
export interface CaseRow {
  key: string
  label: string
  text: string
}

function optionLabel(c: FormComponent | undefined, value: unknown): string {
  const values = (c?.values as { label: string; value: unknown }[] | undefined) ?? []
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) {
    // A multi-choice (checklist) field: each chosen value by its label.
    return value.map((v) => values.find((o) => o.value === v)?.label ?? formatValue(v)).join('、')
  }
  return values.find((v) => v.value === value)?.label ?? formatValue(value)
}

/**
 * A case's data in the words of the service's start form (labels and option labels, not keys and codes); the
 * uploads are left out (the materials tab lists them), a list's items one per line.
 */
export function caseRows(data: Record<string, unknown>, startForm: FormSchema | null | undefined): CaseRow[] {
  const labels = new Map<string, FormComponent>()
  const walk = (cs: FormComponent[]) =>
    cs.forEach((c) => {
      if (c.key) labels.set(c.key, c)
      if (c.type === 'dynamiclist' && c.path) labels.set(c.path, c)
      if (c.components) walk(c.components)
    })
  if (startForm) walk(startForm.components)
  return Object.entries(data)
    .filter(([k]) => labels.get(k)?.type !== 'filepicker')
    .map(([key, value]) => {
      const c = labels.get(key)
      if (Array.isArray(value) && value.length && typeof value[0] === 'object') {
        const children = new Map((c?.components ?? []).map((x) => [x.key, x]))
        const text = value
          .map((item) =>
            Object.entries(item as Record<string, unknown>)
              .map(([k, v]) => `${children.get(k)?.label ?? k}: ${optionLabel(children.get(k), v)}`)
              .join(', '),
          )
          .join('\n')
        return { key, label: c?.label ?? key, text }
      }
      return { key, label: c?.label ?? key, text: optionLabel(c, value) }
    })
}
