import { churnModelApi } from '@churnlens/contracts'
import type { ModelResponse, WeightMode } from '@churnlens/contracts'

/** How often the page looks again while a backtest runs. */
export const MODEL_POLL_MS = 3_000

/**
 * The model page's data: the latest backtest on the team's own history and the weights in use.
 * While a run is under way (one running, or one just asked for) it looks again every few seconds.
 */
export function useChurnModel() {
  const api = useApiState()
  const switching = useApiState()
  const model = ref<ModelResponse | null>(null)
  /** A run was asked for and its result is not in yet: the id of the run shown when it was asked. */
  const awaiting = ref<string | null | false>(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let active = false

  const running = computed(() => model.value?.latestRun?.status === 'running' || awaiting.value !== false)

  function schedule() {
    clearTimeout(timer)
    if (active && running.value) timer = setTimeout(() => void load(), MODEL_POLL_MS)
  }

  async function load(): Promise<void> {
    const result = await api.run(() => apiFetch(churnModelApi.get), { keepError: true })
    if (!result) return
    if (result.ok) {
      model.value = result.data
      const latest = result.data.latestRun
      if (awaiting.value !== false && latest && latest.id !== awaiting.value && latest.status !== 'running')
        awaiting.value = false
    }
    schedule()
  }

  async function requestRun(): Promise<void> {
    const before = model.value?.latestRun?.id ?? null
    const result = await api.run(() => apiFetch(churnModelApi.requestRun))
    if (result?.ok) {
      awaiting.value = before
      schedule()
    }
  }

  async function setWeights(mode: WeightMode): Promise<void> {
    const result = await switching.run(() => apiFetch(churnModelApi.setWeights, { body: { mode } }))
    if (result?.ok && model.value) model.value = { ...model.value, weights: result.data }
  }

  onMounted(() => {
    active = true
    void load()
  })
  onBeforeUnmount(() => {
    active = false
    clearTimeout(timer)
  })

  return {
    model: computed(() => model.value),
    loading: api.loading,
    error: api.error,
    running,
    load,
    requestRun,
    setWeights,
    switching: switching.loading,
    switchError: switching.error,
  }
}
