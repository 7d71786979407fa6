import { churnDefinitionApi } from '@churnlens/contracts'
import type {
  ChurnDefinition,
  ChurnDefinitionOptions,
  ChurnDefinitionPreview,
  ChurnDefinitionView,
} from '@churnlens/contracts'

/** How often the page looks again while the outcomes are read from HubSpot. */
export const DEFINITION_POLL_MS = 3_000

/**
 * Settings → Churn definition: the saved definition and where its outcomes stand (looked at again
 * while HubSpot is being read), what the portal offers, a preview of a choice, and saving it.
 */
export function useChurnDefinition() {
  const api = useApiState()
  const optionsApi = useApiState()
  const previewApi = useApiState()
  const saveApi = useApiState()
  const view = ref<ChurnDefinitionView | null>(null)
  const options = ref<ChurnDefinitionOptions | null>(null)
  const preview = ref<ChurnDefinitionPreview | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  let active = false

  function schedule() {
    clearTimeout(timer)
    if (active && view.value?.outcomes.status === 'pending') timer = setTimeout(() => void load(), DEFINITION_POLL_MS)
  }

  async function load(): Promise<void> {
    const result = await api.run(() => apiFetch(churnDefinitionApi.get), { keepError: true })
    if (result?.ok) view.value = result.data
    schedule()
  }

  async function loadOptions(): Promise<void> {
    const result = await optionsApi.run(() => apiFetch(churnDefinitionApi.options))
    if (result?.ok) options.value = result.data
  }

  async function runPreview(input: { definition: ChurnDefinition; csv?: string }): Promise<void> {
    preview.value = null
    const result = await previewApi.run(() => apiFetch(churnDefinitionApi.preview, { body: input }))
    if (result?.ok) preview.value = result.data
  }

  async function save(input: { definition: ChurnDefinition; csv?: string }): Promise<boolean> {
    const result = await saveApi.run(() => apiFetch(churnDefinitionApi.save, { body: input }))
    if (!result?.ok) return false
    view.value = result.data
    preview.value = null
    schedule()
    return true
  }

  function clearPreview() {
    preview.value = null
    previewApi.clearError()
  }

  onMounted(() => {
    active = true
    void load()
    void loadOptions()
  })
  onBeforeUnmount(() => {
    active = false
    clearTimeout(timer)
  })

  return {
    view: computed(() => view.value),
    options: computed(() => options.value),
    preview: computed(() => preview.value),
    loading: api.loading,
    error: api.error,
    optionsLoading: optionsApi.loading,
    optionsError: optionsApi.error,
    previewing: previewApi.loading,
    previewError: previewApi.error,
    saving: saveApi.loading,
    saveError: saveApi.error,
    load,
    loadOptions,
    runPreview,
    save,
    clearPreview,
  }
}
