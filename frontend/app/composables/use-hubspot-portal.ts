import { hubspotApi } from '@churnlens/contracts'
import type { PortalDetails } from '@churnlens/contracts'

/** Live details of the connected portal (time zone, currency, hosting), read from HubSpot on each load. */
export function useHubspotPortal() {
  const signInAgainIfExpired = useSignInAgain()

  const portal = ref<PortalDetails | null>(null)
  const loading = ref(false)
  const error = ref<AppError | null>(null)

  async function load(): Promise<ApiResult<PortalDetails>> {
    loading.value = true
    error.value = null
    const result = await apiFetch(hubspotApi.getPortalDetails)
    loading.value = false
    if (!result.ok) {
      portal.value = null
      if (!(await signInAgainIfExpired(result.error))) error.value = result.error
      return result
    }
    portal.value = result.data.portal
    return { ok: true, data: result.data.portal }
  }

  return {
    portal: computed(() => portal.value),
    loading: readonly(loading),
    error: computed(() => error.value),
    load,
  }
}
