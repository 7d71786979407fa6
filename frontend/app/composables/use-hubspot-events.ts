import { hubspotApi } from '@churnlens/contracts'
import type { IntegrationEvent } from '@churnlens/contracts'

/** The connection's audit timeline, newest first. */
export function useHubspotEvents() {
  const api = useApiState()
  const events = ref<IntegrationEvent[]>([])
  const loaded = ref(false)

  async function load(): Promise<void> {
    const result = await api.run(() => apiFetch(hubspotApi.listEvents))
    if (!result?.ok) return
    events.value = result.data.events
    loaded.value = true
  }

  return {
    events: computed(() => events.value),
    loaded: readonly(loaded),
    loading: api.loading,
    error: api.error,
    load,
  }
}
