import { companiesApi } from '@churnlens/contracts'
import type { CompanyListResponse, RiskBand } from '@churnlens/contracts'

/** How long typing pauses before the search runs. */
export const SEARCH_DEBOUNCE_MS = 300

const DASHBOARD_QUERY_KEY = 'workspace:dashboard:query'

/** The dashboard as it was last left (sort, filters, page), for "Back to the dashboard" links. */
export function useDashboardLink() {
  const lastQuery = useState<Record<string, string>>(DASHBOARD_QUERY_KEY, () => ({}))
  return computed(() => ({ path: '/dashboard', query: lastQuery.value }))
}

/**
 * One page of the companies table. Its state (sort, order, band, search, page) is the route query:
 * changing it navigates, and every navigation loads the page the URL names. Only the newest answer is shown.
 */
export function useCompanyList() {
  const route = useRoute()
  const router = useRouter()
  const api = useApiState()
  const owners = useOwners()

  const state = computed(() => listStateFromQuery(route.query))
  const lastQuery = useState<Record<string, string>>(DASHBOARD_QUERY_KEY, () => ({}))
  const response = ref<CompanyListResponse | null>(null)
  /** What the search box shows; the URL follows 300 ms after typing stops. */
  const search = ref(state.value.q)

  // Leaving the page changes the route too; only this page's own URL is followed.
  const path = route.path
  let searchTimer: ReturnType<typeof setTimeout> | undefined
  /** Typing not yet sent to the URL: the box is ahead of the URL and must not be reset from it. */
  let searchPending = false

  /** The owner filter the rows use: the URL's, or "My accounts" for a member who owns accounts, else everyone's. */
  const effectiveOwner = computed(() => {
    if (state.value.owner) return state.value.owner
    return (owners.owners.value?.me.owner?.companies ?? 0) > 0 ? 'me' : 'all'
  })

  async function load(): Promise<void> {
    if (!state.value.owner) await owners.ensure()
    const current = { ...state.value, owner: effectiveOwner.value }
    lastQuery.value = queryFromListState(current)
    // The rows on screen stay until the new page answers, and so does an error.
    const result = await api.run(() => apiFetch(companiesApi.list, { query: companyListApiQuery(current) }), {
      keepError: true,
    })
    if (!result?.ok) return
    response.value = result.data
    // A page past the end (rows deleted, a stale link): show the last one instead.
    const last = pageCount(result.data.total, result.data.pageSize)
    if (result.data.companies.length === 0 && current.page > last)
      void go({ ...current, page: last }, { replace: true })
  }

  function go(next: CompanyListState, options: { replace?: boolean } = {}) {
    const location = { path, query: queryFromListState(next) }
    return options.replace ? router.replace(location) : router.push(location)
  }

  function sortBy(sort: CompanySort) {
    void go(toggleSort(state.value, sort))
  }

  function filterBand(band: RiskBand | null) {
    void go(withFilters(state.value, { band }))
  }

  function filterOwner(owner: string) {
    void go(withFilters(state.value, { owner }))
  }

  function filterRenewal(renewal: number | undefined) {
    void go(withFilters(state.value, { renewal }))
  }

  function goToPage(page: number) {
    void go({ ...state.value, page })
  }

  /** Typing: the URL (and the rows) follow once typing pauses; each keystroke replaces, so Back skips the half-typed words. */
  function setSearch(text: string) {
    search.value = text
    searchPending = true
    clearTimeout(searchTimer)
    searchTimer = setTimeout(() => {
      searchPending = false
      if (normalizeSearch(text) !== state.value.q) void go(withFilters(state.value, { q: text }), { replace: true })
    }, SEARCH_DEBOUNCE_MS)
  }

  function clearFilters() {
    clearTimeout(searchTimer)
    searchPending = false
    search.value = ''
    void go(withFilters(state.value, { band: null, q: '', owner: 'all', renewal: undefined }))
  }

  // Back/forward or a link changed the URL: load it, and let the box show its search.
  watch(
    () => route.fullPath,
    () => {
      if (route.path !== path) return
      if (!searchPending && normalizeSearch(search.value) !== state.value.q) search.value = state.value.q
      void load()
    },
  )

  onMounted(() => void load())
  onBeforeUnmount(() => {
    clearTimeout(searchTimer)
    api.reset()
  })

  const total = computed(() => response.value?.total ?? 0)

  return {
    state,
    companies: computed(() => response.value?.companies ?? []),
    total,
    pages: computed(() => pageCount(total.value, response.value?.pageSize ?? COMPANY_PAGE_SIZE)),
    loaded: computed(() => response.value !== null),
    loading: api.loading,
    error: api.error,
    search: readonly(search),
    exportHref: computed(() => companyExportHref({ ...state.value, owner: effectiveOwner.value })),
    filtered: computed(() => hasFilters(state.value) || effectiveOwner.value !== 'all'),
    owner: effectiveOwner,
    owners: owners.owners,
    ownerNames: owners.names,
    load,
    sortBy,
    filterBand,
    filterOwner,
    filterRenewal,
    goToPage,
    setSearch,
    clearFilters,
  }
}
