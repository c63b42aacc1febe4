import { reactive } from 'vue'
import { api } from '../auth/session'
import type { District } from '../api/types'

/** The names of the towns and streets (镇街), fetched once; codes show until they arrive. */
const names = reactive<Record<string, string>>({})
let loading: Promise<void> | null = null

export function loadDistricts(): Promise<void> {
  loading ??= api
    .get<District[]>('/api/services/districts')
    .then((list) => list.forEach((d) => (names[d.code] = d.name)))
    .catch(() => {
      loading = null
    })
  return loading
}

export function districtName(code: string | null | undefined): string {
  if (!code) return ''
  void loadDistricts()
  return names[code] ?? code
}
