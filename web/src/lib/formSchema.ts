import type { FieldError, FormComponent, FormSchema } from '../api/types'

/** A filepicker field of a form: rendered by the UI itself, its value is one attachment id or a list of them. */
export interface FileField {
  id: string
  key: string
  label: string
  required: boolean
  multiple: boolean
  accept: string
  /** The form's FEEL condition under which the field is hidden (and not asked for), e.g. `=orgType != "X"`. */
  hide?: string
}

export interface UploadedFile {
  id: string
  fileName: string
  size: number
}

function walk(components: FormComponent[], visit: (c: FormComponent, parentPath: string | null) => void, parentPath: string | null = null) {
  for (const c of components) {
    visit(c, parentPath)
    if (c.components) walk(c.components, visit, c.type === 'dynamiclist' ? (c.path ?? c.key ?? null) : parentPath)
  }
}

/**
 * form-js labels a date field with `dateLabel`, not `label`; the backend localizes `label` only, and not every form
 * sets `dateLabel`. Use the localized label so that every date input has its visible, translated label.
 */
export function labelDateFields(schema: FormSchema): FormSchema {
  const fix = (components: FormComponent[]): FormComponent[] =>
    components.map((c) => {
      const out = c.type === 'datetime' && c.label ? { ...c, dateLabel: c.label } : c
      return out.components ? { ...out, components: fix(out.components) } : out
    })
  return { ...schema, components: fix(schema.components) }
}

/**
 * Takes the filepicker fields out of a schema (form-js keeps picked files in memory, not attachment ids), so that
 * form-js renders the rest and the UI uploads the files and puts their ids into the data.
 */
export function splitFilepickers(schema: FormSchema): { schema: FormSchema; files: FileField[] } {
  const files: FileField[] = []
  const strip = (components: FormComponent[]): FormComponent[] =>
    components
      .filter((c) => {
        if (c.type !== 'filepicker') return true
        files.push({
          id: c.id ?? `Field_${c.key}`,
          key: c.key ?? '',
          label: c.label ?? c.key ?? '',
          required: Boolean(c.validate?.required),
          multiple: Boolean(c.multiple),
          accept: c.accept ?? '',
          ...(typeof (c.conditional as { hide?: unknown } | undefined)?.hide === 'string'
            ? { hide: (c.conditional as { hide: string }).hide }
            : {}),
        })
        return false
      })
      .map((c) => (c.components ? { ...c, components: strip(c.components) } : c))
  return { schema: labelDateFields({ ...schema, components: strip(schema.components) }), files }
}

/** The data to submit: the form's values with each filepicker's attachment id (or ids) under its key. */
export function withFileIds(
  data: Record<string, unknown>,
  files: FileField[],
  uploaded: Record<string, UploadedFile[]>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data }
  for (const field of files) {
    const ids = (uploaded[field.key] ?? []).map((u) => u.id)
    delete out[field.key]
    if (ids.length === 0) continue
    out[field.key] = field.multiple ? ids : ids[ids.length - 1]
  }
  return out
}

/** The attachment ids already in a case's data, per filepicker field (to show and keep them when correcting). */
export function fileIdsOf(data: Record<string, unknown>, files: FileField[]): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const field of files) {
    const v = data[field.key]
    out[field.key] = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []
  }
  return out
}

/** Required filepicker fields that have no file yet. */
export function missingFiles(files: FileField[], uploaded: Record<string, UploadedFile[]>): FileField[] {
  return files.filter((f) => f.required && (uploaded[f.key]?.length ?? 0) === 0)
}

/**
 * A backend field path ("deceasedIdNumber", "items[0].charge", "items[1]") as the list key, the item index and the
 * key inside the item.
 */
export function parseFieldPath(path: string): { key: string; index: number | null; child: string | null } {
  const m = /^([^[.]+)(?:\[(\d+)\])?(?:\.(.+))?$/.exec(path)
  if (!m) return { key: path, index: null, child: null }
  return { key: m[1], index: m[2] === undefined ? null : Number(m[2]), child: m[3] ?? null }
}

/** form-js's error state: field id → messages, or, inside a dynamic list, field id → item index → messages. */
export type FormJsErrors = Record<string, string[] | string[][]>

export interface MappedErrors {
  /** Errors for form-js fields. */
  form: FormJsErrors
  /** Errors for the filepicker fields the UI renders itself, by key. */
  files: Record<string, string>
  /** Errors no field of this form shows: show them in the message box. */
  other: FieldError[]
}

/** Puts the backend's field errors (problem.errors) on the fields of the form they belong to. */
export function mapFieldErrors(errors: FieldError[], schema: FormSchema, files: FileField[] = []): MappedErrors {
  const top = new Map<string, string>()
  const nested = new Map<string, string>()
  walk(schema.components, (c, parentPath) => {
    const key = c.key ?? (c.type === 'dynamiclist' ? c.path : undefined)
    if (!key || !c.id) return
    if (parentPath) nested.set(`${parentPath}.${key}`, c.id)
    else top.set(key, c.id)
  })
  const fileKeys = new Set(files.map((f) => f.key))
  const out: MappedErrors = { form: {}, files: {}, other: [] }
  for (const e of errors) {
    const { key, index, child } = parseFieldPath(e.field)
    if (fileKeys.has(key)) {
      out.files[key] = out.files[key] ? `${out.files[key]}; ${e.message}` : e.message
      continue
    }
    if (child !== null && index !== null && nested.has(`${key}.${child}`)) {
      const id = nested.get(`${key}.${child}`)!
      const perItem = (out.form[id] as string[][] | undefined) ?? []
      perItem[index] = [...(perItem[index] ?? []), e.message]
      out.form[id] = perItem
      continue
    }
    if (index === null && child === null && top.has(key)) {
      const id = top.get(key)!
      out.form[id] = [...((out.form[id] as string[] | undefined) ?? []), e.message]
      continue
    }
    out.other.push(e)
  }
  return out
}

/** The addresses of a schema's fields whose choices the platform lists (`properties.pickFrom`, an /api/ path). */
export function pickSources(schema: FormSchema): string[] {
  const out = new Set<string>()
  const walk = (cs: FormComponent[]) =>
    cs.forEach((c) => {
      const from = (c.properties as Record<string, unknown> | undefined)?.pickFrom
      if (typeof from === 'string' && from.startsWith('/api/')) out.add(from)
      if (c.components) walk(c.components)
    })
  walk(schema.components)
  return [...out]
}

/**
 * A typed field whose choices the platform lists (a colleague from the section's staff) becomes a select of them,
 * each by name; the value sent stays what the server checks (the account). With nothing listed (a directory the
 * platform cannot read), the field stays typed.
 */
export function withPickedOptions(schema: FormSchema, choices: Record<string, { id: string; name: string }[]>): FormSchema {
  const fix = (components: FormComponent[]): FormComponent[] =>
    components.map((c) => {
      const from = (c.properties as Record<string, unknown> | undefined)?.pickFrom
      const list = typeof from === 'string' ? choices[from] : undefined
      let out: FormComponent = c
      if (c.type === 'textfield' && list && list.length) {
        const { pattern: _pattern, minLength: _min, maxLength: _max, ...validate } = c.validate ?? {}
        out = { ...c, type: 'select', validate, values: list.map((p) => ({ label: p.name, value: p.id })) }
      }
      return out.components ? { ...out, components: fix(out.components) } : out
    })
  return { ...schema, components: fix(schema.components) }
}
