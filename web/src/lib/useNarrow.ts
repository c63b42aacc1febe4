import { onBeforeUnmount, ref } from 'vue'

/** True on a phone-sized screen: tables become one column. */
export function useNarrow(maxWidth = 640) {
  const query = window.matchMedia(`(max-width: ${maxWidth}px)`)
  const narrow = ref(query.matches)
  const update = () => (narrow.value = query.matches)
  query.addEventListener('change', update)
  onBeforeUnmount(() => query.removeEventListener('change', update))
  return narrow
}
