/** The current time, ticking every `intervalMs`, so relative times ("in 5 minutes") stay true while a page is open. */
export function useNow(intervalMs = 30_000) {
  const now = ref(new Date())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    timer = setInterval(() => {
      now.value = new Date()
    }, intervalMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
  return computed(() => now.value)
}
