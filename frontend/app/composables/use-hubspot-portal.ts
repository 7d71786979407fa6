import { hubspotApi } from '@churnlens/contracts'
import type { PortalDetails } from '@churnlens/contracts'

/** Live details of the connected portal (time zone, currency, hosting), read from HubSpot on each load. */
export function useHubspotPortal() {
  const api = useApiState()
  const portal = ref<PortalDetails | null>(null)

  /** The answer, or null when there is nothing to act on (a newer read, or signing in again). */
  async function load(): Promise<ApiResult<PortalDetails> | null> {
    const result = await api.run(() => apiFetch(hubspotApi.getPortalDetails))
    if (!result) return null
    portal.value = result.ok ? result.data.portal : null
    return result.ok ? { ok: true, data: result.data.portal } : result
  }

  return {
    portal: computed(() => portal.value),
    loading: api.loading,
    error: api.error,
    load,
  }
}
