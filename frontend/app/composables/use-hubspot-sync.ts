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
  const signInAgainIfExpired = useSignInAgain()
  const hubspot = useHubspotIntegration()

  const progress = ref<SyncProgress | null>(null)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  const requesting = ref(false)
  const requestError = ref<AppError | null>(null)
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
    if (loading.value) return
    loading.value = true
    const result = await apiFetch(syncApi.getProgress)
    loading.value = false
    if (result.ok) {
      progress.value = result.data.sync
      error.value = null
      schedule(syncPollDelay(result.data.sync.phase))
      return
    }
    if (await signInAgainIfExpired(result.error)) return
    error.value = result.error
    // Without a connection there is no sync to follow; anything else may pass, so ask again later.
    if (result.error.code === 'not_connected') refreshIntegrationOn(result.error)
    else schedule(SYNC_IDLE_POLL_MS)
  }

  async function requestSync(): Promise<boolean> {
    if (!canRequestSync(progress.value?.phase ?? null, requesting.value)) return false
    requesting.value = true
    requestError.value = null
    requested.value = false
    const result = await apiFetch(syncApi.request)
    requesting.value = false
    if (!result.ok) {
      if (!(await signInAgainIfExpired(result.error))) {
        requestError.value = result.error
        refreshIntegrationOn(result.error)
      }
      return false
    }
    requested.value = true
    clearTimeout(confirmationTimer)
    confirmationTimer = setTimeout(() => { requested.value = false }, CONFIRMATION_MS)
    // Look again soon, so the run's progress shows without waiting for the slow poll.
    if (!loading.value) schedule(SYNC_POLL_MS)
    return true
  }

  function onVisibilityChange() {
    if (document.visibilityState === 'hidden') {
      clearTimeout(pollTimer)
      pollTimer = undefined
    }
    else {
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
    loading: readonly(loading),
    error: computed(() => error.value),
    requesting: readonly(requesting),
    requestError: computed(() => requestError.value),
    requested: readonly(requested),
    canRequest: computed(() => canRequestSync(progress.value?.phase ?? null, requesting.value)),
    load,
    requestSync,
  }
}
