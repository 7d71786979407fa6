import { churnApi } from '@churnlens/contracts'
import type { ChurnSummaryResponse } from '@churnlens/contracts'
import type { MaybeRefOrGetter } from 'vue'

interface ChurnSummaryOptions {
  /**
   * Follow the first import: while nothing is scored, ask again every 3 s (every 10 s once the import
   * finished and scoring is under way), and at once when the sync turns up to date. Paused while the tab is hidden.
   */
  followSync?: MaybeRefOrGetter<SyncPhase | null>
}

/** The workspace's churn summary (band counts, charts, the ten riskiest) for the mounted component. */
export function useChurnSummary(options: ChurnSummaryOptions = {}) {
  const api = useApiState()
  const summary = ref<ChurnSummaryResponse | null>(null)

  const following = options.followSync !== undefined
  const syncPhase = computed(() => (options.followSync === undefined ? null : toValue(options.followSync)))
  let active = false
  let pollTimer: ReturnType<typeof setTimeout> | undefined

  function schedule() {
    clearTimeout(pollTimer)
    pollTimer = undefined
    if (!following || !active || document.visibilityState === 'hidden') return
    // After a failed read, keep trying as if nothing were scored yet.
    const delay = summaryPollDelay(summary.value?.totals.scored ?? 0, syncPhase.value)
    if (delay !== null) pollTimer = setTimeout(() => void load(), delay)
  }

  async function load(): Promise<void> {
    if (api.loading.value) return
    // A poll: the last error stays on screen until an answer replaces it.
    const result = await api.run(() => apiFetch(churnApi.getSummary), { keepError: true })
    if (!result) return
    if (result.ok) summary.value = result.data
    schedule()
  }

  function onVisibilityChange() {
    if (document.visibilityState === 'hidden') {
      clearTimeout(pollTimer)
      pollTimer = undefined
    } else if (summaryPollDelay(summary.value?.totals.scored ?? 0, syncPhase.value) !== null) {
      void load()
    }
  }

  // Scores are computed right after the import finishes: look as soon as it does.
  watch(syncPhase, (phase, before) => {
    if (phase === 'up_to_date' && before !== 'up_to_date' && (summary.value?.totals.scored ?? 0) === 0) void load()
  })

  onMounted(() => {
    active = true
    if (following) document.addEventListener('visibilitychange', onVisibilityChange)
    void load()
  })
  onBeforeUnmount(() => {
    active = false
    clearTimeout(pollTimer)
    document.removeEventListener('visibilitychange', onVisibilityChange)
  })

  return {
    summary: computed(() => summary.value),
    loading: api.loading,
    error: api.error,
    load,
  }
}

/** Whether any company in the workspace has a score yet; false when that cannot be read. */
export async function workspaceHasScores(): Promise<boolean> {
  const result = await apiFetch(churnApi.getSummary)
  return result.ok && result.data.totals.scored > 0
}
