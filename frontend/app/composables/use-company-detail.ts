import { companiesApi } from '@churnlens/contracts'
import type { CompanyDetailResponse } from '@churnlens/contracts'
import type { MaybeRefOrGetter } from 'vue'

/** One company's score, reasons, history and tickets; `notFound` when the id is unknown to this workspace. */
export function useCompanyDetail(id: MaybeRefOrGetter<string>) {
  const signInAgainIfExpired = useSignInAgain()

  const detail = ref<CompanyDetailResponse | null>(null)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  const notFound = ref(false)
  let latest = 0

  async function load(): Promise<void> {
    const request = ++latest
    const companyId = toValue(id)
    loading.value = true
    error.value = null
    // Ids are HubSpot record ids: digits only; anything else cannot name a company.
    if (!/^\d{1,15}$/.test(companyId)) {
      loading.value = false
      detail.value = null
      notFound.value = true
      return
    }
    const result = await apiFetch(companiesApi.getDetail, { params: { id: companyId } })
    if (request !== latest) return
    loading.value = false
    if (result.ok) {
      detail.value = result.data
      notFound.value = false
      return
    }
    if (result.error.code === 'not_found') {
      detail.value = null
      notFound.value = true
      return
    }
    if (!(await signInAgainIfExpired(result.error))) error.value = result.error
  }

  watch(() => toValue(id), () => void load())
  onMounted(() => void load())
  onBeforeUnmount(() => { latest++ })

  return {
    detail: computed(() => detail.value),
    loading: readonly(loading),
    error: computed(() => error.value),
    notFound: readonly(notFound),
    load,
  }
}
