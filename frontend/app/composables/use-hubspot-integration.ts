import { hubspotApi } from '@churnlens/contracts'
import type { IntegrationView } from '@churnlens/contracts'

/** True when a portal is attached to the workspace, healthy or not. */
export function isHubspotConnected(integration: IntegrationView | null): integration is IntegrationView {
  return integration !== null && integration.status !== 'disconnected'
}

/** True when only the person can fix the connection, by reconnecting. */
export function hubspotNeedsReconnect(integration: IntegrationView | null): boolean {
  return (
    integration !== null &&
    (integration.status === 'needs_reauth' ||
      (integration.status !== 'disconnected' && integration.missingRequiredScopes.length > 0))
  )
}

// One GET at a time: the banner and the page both ask on navigation.
let inFlight: Promise<ApiResult<IntegrationView | null>> | null = null

/**
 * The workspace's HubSpot integration: load it, start the OAuth flow, disconnect it.
 * The integration itself is shared app-wide (the banner, the settings page), cleared on sign-out;
 * `loadError` is for reading it, `actionError` for connect/disconnect, shown next to the buttons.
 */
export function useHubspotIntegration() {
  const integration = useState<IntegrationView | null>('workspace:hubspot:integration', () => null)
  const loaded = useState<boolean>('workspace:hubspot:loaded', () => false)
  const reading = useApiState()
  const authorizing = useApiState()
  const disconnecting = useApiState()
  // Stays true after the consent URL arrived, until the browser has left for HubSpot.
  const redirecting = ref(false)

  const connected = computed(() => isHubspotConnected(integration.value))
  const needsReconnect = computed(() => hubspotNeedsReconnect(integration.value))

  async function fetchIntegration(): Promise<ApiResult<IntegrationView | null>> {
    const result = await apiFetch(hubspotApi.getIntegration)
    if (!result.ok) return result
    integration.value = result.data.integration
    loaded.value = true
    return { ok: true, data: result.data.integration }
  }

  /** The answer, or null when there is nothing to act on (a newer read, or signing in again). */
  async function load(): Promise<ApiResult<IntegrationView | null> | null> {
    return reading.run(
      () =>
        (inFlight ??= fetchIntegration().finally(() => {
          inFlight = null
        })),
    )
  }

  /** Takes an integration another endpoint answered with (e.g. saving a private-app token). */
  function apply(view: IntegrationView | null) {
    integration.value = view
    loaded.value = true
  }

  /**
   * Asks the backend for HubSpot's consent URL and leaves for it; the person comes back on /oauth/hubspot/callback.
   * `allowPortalSwitch` confirms that a different portal may replace the connected one.
   */
  async function connect(options: { allowPortalSwitch?: boolean } = {}): Promise<void> {
    if (redirecting.value) return
    redirecting.value = true
    disconnecting.clearError()
    const result = await authorizing.run(() =>
      apiFetch(hubspotApi.startAuthorization, {
        query: { allowPortalSwitch: options.allowPortalSwitch ? 'true' : 'false' },
      }),
    )
    if (!result?.ok) {
      redirecting.value = false
      return
    }
    window.location.assign(result.data.url)
  }

  /** `forgetData` also deletes what was synced from the portal and the scores built on it. */
  async function disconnect(forgetData = false): Promise<boolean> {
    if (disconnecting.loading.value) return false
    authorizing.clearError()
    const result = await disconnecting.run(() =>
      apiFetch(hubspotApi.disconnect, { query: { forgetData: forgetData ? 'true' : undefined } }),
    )
    if (!result?.ok) return false
    apply(result.data.integration)
    return true
  }

  return {
    integration: computed(() => integration.value),
    connected,
    needsReconnect,
    loaded: computed(() => loaded.value),
    loading: reading.loading,
    loadError: reading.error,
    actionError: computed(() => authorizing.error.value ?? disconnecting.error.value),
    redirecting: readonly(redirecting),
    disconnecting: disconnecting.loading,
    load,
    apply,
    connect,
    disconnect,
  }
}
