import { revenueApi } from '@churnlens/contracts'
import type { RevenueSettings, RevenueSettingsOptions, RevenueSettingsView } from '@churnlens/contracts'

/** How often the page looks again while every company's revenue and renewal are being recomputed. */
export const REVENUE_POLL_MS = 3_000

/**
 * Settings → Revenue & renewals: the sources in use and where applying them stands (looked at again while it
 * runs), what the portal offers (for those who may change them), and saving a choice.
 */
export function useRevenueSettings() {
  const api = useApiState()
  const optionsApi = useApiState()
  const saveApi = useApiState()
  const view = ref<RevenueSettingsView | null>(null)
  const options = ref<RevenueSettingsOptions | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  let active = false

  function schedule() {
    clearTimeout(timer)
    if (active && view.value?.recompute.status === 'pending') timer = setTimeout(() => void load(), REVENUE_POLL_MS)
  }

  async function loadOptions(): Promise<void> {
    const result = await optionsApi.run(() => apiFetch(revenueApi.options))
    if (result?.ok) options.value = result.data
  }

  async function load(): Promise<void> {
    const result = await api.run(() => apiFetch(revenueApi.get), { keepError: true })
    if (result?.ok) {
      const first = view.value === null
      view.value = result.data
      // Only those who may change the sources are shown the portal's choices.
      if (first && result.data.viewer.canChange) void loadOptions()
    }
    schedule()
  }

  async function save(settings: RevenueSettings): Promise<boolean> {
    const result = await saveApi.run(() => apiFetch(revenueApi.save, { body: settings }))
    if (!result?.ok) return false
    view.value = result.data
    schedule()
    return true
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
    view: computed(() => view.value),
    options: computed(() => options.value),
    error: api.error,
    optionsError: optionsApi.error,
    saving: saveApi.loading,
    saveError: saveApi.error,
    clearSaveError: saveApi.clearError,
    load,
    loadOptions,
    save,
  }
}
