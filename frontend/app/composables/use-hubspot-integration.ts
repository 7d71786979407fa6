import { authorizeResponseSchema, integrationResponseSchema } from '@churnlens/contracts'
import type { IntegrationView } from '@churnlens/contracts'

/** True when a portal is attached to the workspace, healthy or not. */
export function isHubspotConnected(integration: IntegrationView | null): integration is IntegrationView {
  return integration !== null && integration.status !== 'disconnected'
}

/**
 * The workspace's HubSpot integration: load it, start the OAuth flow, disconnect it.
 * `loadError` is for reading the integration; `actionError` for connect/disconnect, shown next to the buttons.
 */
export function useHubspotIntegration() {
  const session = useSession()
  const route = useRoute()

  const integration = ref<IntegrationView | null>(null)
  const loaded = ref(false)
  const loading = ref(false)
  const loadError = ref<AppError | null>(null)
  const actionError = ref<AppError | null>(null)
  const redirecting = ref(false)
  const disconnecting = ref(false)

  const connected = computed(() => isHubspotConnected(integration.value))

  /** A session that expired mid-page sends the person back to sign in, then here. */
  async function onUnauthenticated(error: AppError): Promise<boolean> {
    if (error.code !== 'unauthenticated') return false
    session.clear()
    await navigateTo({ path: '/login', query: { next: route.fullPath } })
    return true
  }

  async function load(): Promise<ApiResult<IntegrationView | null>> {
    loading.value = true
    loadError.value = null
    const result = await apiFetch('/api/v1/integrations/hubspot', { schema: integrationResponseSchema })
    loading.value = false
    if (!result.ok) {
      if (!(await onUnauthenticated(result.error))) loadError.value = result.error
      return result
    }
    integration.value = result.data.integration
    loaded.value = true
    return { ok: true, data: result.data.integration }
  }

  /** Asks the backend for HubSpot's consent URL and leaves for it; the person comes back on /oauth/hubspot/callback. */
  async function connect(): Promise<void> {
    if (redirecting.value) return
    redirecting.value = true
    actionError.value = null
    const result = await apiFetch('/api/v1/integrations/hubspot/authorize', { schema: authorizeResponseSchema })
    if (!result.ok) {
      redirecting.value = false
      if (!(await onUnauthenticated(result.error))) actionError.value = result.error
      return
    }
    // Stays "redirecting" until the browser has left the page.
    window.location.assign(result.data.url)
  }

  async function disconnect(): Promise<boolean> {
    if (disconnecting.value) return false
    disconnecting.value = true
    actionError.value = null
    const result = await apiFetch('/api/v1/integrations/hubspot', { method: 'DELETE', schema: integrationResponseSchema })
    disconnecting.value = false
    if (!result.ok) {
      if (!(await onUnauthenticated(result.error))) actionError.value = result.error
      return false
    }
    integration.value = result.data.integration
    return true
  }

  return {
    integration: computed(() => integration.value),
    connected,
    loaded: readonly(loaded),
    loading: readonly(loading),
    loadError: computed(() => loadError.value),
    actionError: computed(() => actionError.value),
    redirecting: readonly(redirecting),
    disconnecting: readonly(disconnecting),
    load,
    connect,
    disconnect,
  }
}
