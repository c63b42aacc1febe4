import { computed, ref } from 'vue'
import { api } from '../auth/session'
import { ApiError } from '../api/client'
import type { FieldError, ServiceView, Submitted } from '../api/types'
import { mapFieldErrors, missingFiles, splitFilepickers, withFileIds, type FileField, type FormJsErrors, type UploadedFile } from './formSchema'
import type FormJs from '../components/FormJs.vue'

/**
 * A service's start form as both its starters fill it, the applicant online (ApplyView) and staff at the counter
 * (CounterView): the catalogue's form without its filepickers (uploaded by the UI), checked in the browser, then by
 * the backend against the same definition with its field errors put back on the fields; one Idempotency-Key per
 * attempt, so a retry after a lost answer returns the first case instead of making a second.
 */
export function useStartForm(code: string, t: (key: string, values?: Record<string, unknown>) => string) {
  const service = ref<ServiceView | null>(null)
  const schema = ref<ReturnType<typeof splitFilepickers>['schema'] | null>(null)
  const files = ref<FileField[]>([])
  const uploaded = ref<Record<string, UploadedFile[]>>({})
  const data = ref<Record<string, unknown>>({})
  const formErrors = ref<FormJsErrors>({})
  const fileErrors = ref<Record<string, string>>({})
  const otherErrors = ref<FieldError[]>([])
  const message = ref('')
  const busy = ref(false)
  const submitted = ref<Submitted | null>(null)
  const form = ref<InstanceType<typeof FormJs>>()
  const idempotencyKey = ref(crypto.randomUUID())
  /** The uploads the form asks for with what is typed now (a condition of the form may hide one, as for its fields). */
  const shownFiles = computed(() => {
    const typed = data.value
    return files.value.filter((f) => !form.value?.isHidden(f.hide, typed))
  })

  /**
   * Loads the service and its form. `prepare` runs before the form shows: it may refuse the service (throw a message
   * to show) or put data in (a draft).
   */
  async function load(prepare: (s: ServiceView) => void = () => undefined) {
    try {
      service.value = await api.get<ServiceView>(`/api/services/${encodeURIComponent(code)}`)
      prepare(service.value)
      if (!service.value.startForm) throw new Error(t('apply.noForm'))
      const split = splitFilepickers(service.value.startForm)
      files.value = split.files
      schema.value = split.schema
    } catch (e) {
      message.value = e instanceof Error ? e.message : String(e)
    }
  }

  /** Submits; `before` runs once the form is valid (e.g. keeping a draft). True when the case was made. */
  async function submit(before: () => void = () => undefined): Promise<boolean> {
    message.value = ''
    otherErrors.value = []
    const result = form.value!.submit()
    data.value = { ...data.value, ...result.data }
    const missing = missingFiles(shownFiles.value, uploaded.value)
    fileErrors.value = Object.fromEntries(missing.map((f) => [f.key, t('form.fileRequired', { label: f.label })]))
    if (!result.valid || missing.length) {
      message.value = t('apply.fixErrors')
      return false
    }
    busy.value = true
    before()
    try {
      submitted.value = await api.post<Submitted>(
        '/api/applications',
        { serviceCode: code, data: withFileIds(result.data, shownFiles.value, uploaded.value) },
        { headers: { 'Idempotency-Key': idempotencyKey.value } },
      )
      return true
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length && schema.value) {
        const mapped = mapFieldErrors(e.fieldErrors, schema.value, files.value)
        formErrors.value = mapped.form
        fileErrors.value = mapped.files
        otherErrors.value = mapped.other
        idempotencyKey.value = crypto.randomUUID()
      }
      message.value = e instanceof Error ? e.message : String(e)
      return false
    } finally {
      busy.value = false
    }
  }

  return { service, schema, files, shownFiles, uploaded, data, formErrors, fileErrors, otherErrors, message, busy, submitted, form, load, submit }
}
