import { companiesApi } from '@churnlens/contracts'
import type { CompanyDetailResponse } from '@churnlens/contracts'
import type { MaybeRefOrGetter } from 'vue'

/** One company's score, reasons, history and tickets; `notFound` when the id is unknown to this workspace. */
export function useCompanyDetail(id: MaybeRefOrGetter<string>) {
  const api = useApiState()
  const detail = ref<CompanyDetailResponse | null>(null)
  const notFound = ref(false)

  async function load(): Promise<void> {
    const companyId = toValue(id)
    // Ids are HubSpot record ids: digits only; anything else cannot name a company.
    if (!/^\d{1,15}$/.test(companyId)) {
      api.reset()
      detail.value = null
      notFound.value = true
      return
    }
    const result = await api.run(() => apiFetch(companiesApi.getDetail, { params: { id: companyId } }), {
      expected: ['not_found'],
    })
    if (!result) return
    if (result.ok) {
      detail.value = result.data
      notFound.value = false
    } else if (result.error.code === 'not_found') {
      detail.value = null
      notFound.value = true
    }
  }

  watch(
    () => toValue(id),
    () => void load(),
  )
  onMounted(() => void load())
  onBeforeUnmount(() => api.reset())

  return {
    detail: computed(() => detail.value),
    loading: api.loading,
    error: api.error,
    notFound: readonly(notFound),
    load,
  }
}
