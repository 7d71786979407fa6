import { syncApi } from '@churnlens/contracts'
import type { SyncProgress } from '@churnlens/contracts'

/** How long "Sync started" stays on screen. */
const CONFIRMATION_MS = 6_000

/**
 * The HubSpot sync's progress for the mounted component: read on mount, then every 2 s while the
 * first import runs and every 10 s once up to date; paused while the tab is hidden, stopped on unmount.
 * `error` is for reading progress (polling goes on, slower), `requestError` for "Sync now".
 */
export function useHubspotSync() {
  const hubspot = useHubspotIntegration()
  const reading = useApiState()
  const requesting = useApiState()

  const progress = ref<SyncProgress | null>(null)
  const requested = ref(false)

  let active = false
  let pollTimer: ReturnType<typeof setTimeout> | undefined
  let confirmationTimer: ReturnType<typeof setTimeout> | undefined

  /** Plans the next read; nothing is planned once unmounted or while the tab is hidden. */
  function schedule(delayMs: number) {
    clearTimeout(pollTimer)
    pollTimer = undefined
    if (!active || document.visibilityState === 'hidden') return
    pollTimer = setTimeout(() => void load(), delayMs)
  }

  /** The connection moved under us (disconnected, or HubSpot wants a reconnect): show where it is now. */
  function refreshIntegrationOn(appError: AppError) {
    if (appError.code === 'not_connected' || appError.code === 'needs_reauth') void hubspot.load()
  }

  async function load(): Promise<void> {
    // A read on its way plans the next one itself.
    if (reading.loading.value) return
    const result = await reading.run(() => apiFetch(syncApi.getProgress), { keepError: true })
    if (!result) return
    if (result.ok) {
      progress.value = result.data.sync
      schedule(syncPollDelay(result.data.sync.phase))
      return
    }
    // Without a connection there is no sync to follow; anything else may pass, so ask again later.
    if (result.error.code === 'not_connected') refreshIntegrationOn(result.error)
    else schedule(SYNC_IDLE_POLL_MS)
  }

  async function requestSync(): Promise<boolean> {
    if (!canRequestSync(progress.value?.phase ?? null, requesting.loading.value)) return false
    requested.value = false
    const result = await requesting.run(() => apiFetch(syncApi.request))
    if (!result) return false
    if (!result.ok) {
      refreshIntegrationOn(result.error)
      return false
    }
    requested.value = true
    clearTimeout(confirmationTimer)
    confirmationTimer = setTimeout(() => {
      requested.value = false
    }, CONFIRMATION_MS)
    // Look again soon, so the run's progress shows without waiting for the slow poll.
    if (!reading.loading.value) schedule(SYNC_POLL_MS)
    return true
  }

  function onVisibilityChange() {
    if (document.visibilityState === 'hidden') {
      clearTimeout(pollTimer)
      pollTimer = undefined
    } else {
      void load()
    }
  }

  onMounted(() => {
    active = true
    document.addEventListener('visibilitychange', onVisibilityChange)
    void load()
  })
  onBeforeUnmount(() => {
    active = false
    clearTimeout(pollTimer)
    clearTimeout(confirmationTimer)
    document.removeEventListener('visibilitychange', onVisibilityChange)
  })

  return {
    progress: computed(() => progress.value),
    loading: reading.loading,
    error: reading.error,
    requesting: requesting.loading,
    requestError: requesting.error,
    requested: readonly(requested),
    canRequest: computed(() => canRequestSync(progress.value?.phase ?? null, requesting.loading.value)),
    load,
    requestSync,
  }
}
