import { hubspotApi } from '@churnlens/contracts'
import type { IntegrationEvent } from '@churnlens/contracts'

/** The connection's audit timeline, newest first. */
export function useHubspotEvents() {
  const signInAgainIfExpired = useSignInAgain()

  const events = ref<IntegrationEvent[]>([])
  const loaded = ref(false)
  const loading = ref(false)
  const error = ref<AppError | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    const result = await apiFetch(hubspotApi.listEvents)
    loading.value = false
    if (!result.ok) {
      if (!(await signInAgainIfExpired(result.error))) error.value = result.error
      return
    }
    events.value = result.data.events
    loaded.value = true
  }

  return {
    events: computed(() => events.value),
    loaded: readonly(loaded),
    loading: readonly(loading),
    error: computed(() => error.value),
    load,
  }
}
