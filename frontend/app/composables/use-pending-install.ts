import { hubspotApi } from '@churnlens/contracts'
import type { ClaimInstallBody, PendingInstall } from '@churnlens/contracts'

/** The HubSpot install waiting in this browser (its httpOnly cookie), and finishing it in a workspace. */
export function usePendingInstall() {
  const session = useSession()
  const install = ref<PendingInstall | null>(null)
  const loadError = ref<AppError | null>(null)
  const claimError = ref<AppError | null>(null)
  const loading = ref(true)
  const claiming = ref(false)

  async function load() {
    loading.value = true
    const result = await apiFetch(hubspotApi.getPendingInstall)
    if (result.ok) install.value = result.data.install
    else loadError.value = result.error
    loading.value = false
  }

  async function claim(body: ClaimInstallBody) {
    if (claiming.value) return
    claiming.value = true
    claimError.value = null
    const result = await apiFetch(hubspotApi.claimInstall, { body })
    if (!result.ok) {
      claimError.value = result.error
      claiming.value = false
      return
    }
    // The session now works in the workspace the portal was connected to: drop what was loaded for the old one.
    clearNuxtState((key) => key.startsWith('workspace:'), { reset: true })
    await session.refresh()
    await navigateTo('/onboarding/analyze', { replace: true })
  }

  return { install, loadError, claimError, loading, claiming, load, claim }
}
