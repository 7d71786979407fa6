import type { CompanyListQuery, EndpointQuery, RiskBand } from '@churnlens/contracts'
import { companiesApi, endpointUrl, riskBands } from '@churnlens/contracts'
import type { LocationQuery } from 'vue-router'
import { queryValue } from './query-value'

/*
 * The dashboard's companies table lives in the URL (?sort=name&order=asc&band=high&q=acme&page=2),
 * so reload, back and shared links show the same rows. Defaults stay out of the URL.
 */

export type CompanySort = CompanyListQuery['sort']
export type SortOrder = CompanyListQuery['order']

export interface CompanyListState {
  sort: CompanySort
  order: SortOrder
  band: RiskBand | null
  /** Trimmed; empty means no search. */
  q: string
  page: number
  /**
   * Whose companies: `me` ("My accounts"), `none` (unowned), `all`, or a HubSpot owner id. Absent
   * when the URL names none: the dashboard then starts on "My accounts" for a member who owns some.
   */
  owner?: string
  /** Companies renewing from today to this many days ahead; absent is no renewal filter. */
  renewal?: number
}

/** What `owner` may be in the URL; the backend has no `all` (it is the absence of the filter). */
export function isOwnerChoice(value: string | undefined): value is string {
  return value !== undefined && (value === 'all' || value === 'me' || value === 'none' || /^[0-9]{1,20}$/.test(value))
}

/** The renewal windows the filter offers, in days. */
export const renewalFilterDays = [30, 60, 90, 180] as const

function isRenewalDays(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 365
}

export const COMPANY_PAGE_SIZE = 50
/** The backend refuses longer searches. */
export const COMPANY_SEARCH_MAX = 100
const MAX_PAGE = 100_000

export const companySorts: readonly CompanySort[] = [
  'score',
  'name',
  'tickets',
  'trend',
  'open',
  'revenue',
  'risk_revenue',
  'renewal',
]

export const defaultCompanyListState: Readonly<CompanyListState> = {
  sort: 'score',
  order: 'desc',
  band: null,
  q: '',
  page: 1,
}

/** Names read A→Z and renewals soonest first; every number reads largest (riskiest, busiest) first. */
export function defaultOrderFor(sort: CompanySort): SortOrder {
  return sort === 'name' || sort === 'renewal' ? 'asc' : 'desc'
}

function isSort(value: string | undefined): value is CompanySort {
  return companySorts.some((sort) => sort === value)
}

function isBand(value: string | undefined): value is RiskBand {
  return riskBands.some((band) => band === value)
}

/** The search as the backend takes it: trimmed, at most 100 characters. */
export function normalizeSearch(text: string): string {
  return text.trim().slice(0, COMPANY_SEARCH_MAX).trim()
}

/**
 * Reads the table's state from the route query; anything unknown or malformed falls back to its default.
 * @example listStateFromQuery({ sort: 'name', page: '2' }) → { sort: 'name', order: 'asc', band: null, q: '', page: 2 }
 */
export function listStateFromQuery(query: LocationQuery): CompanyListState {
  const sortValue = queryValue(query.sort)
  const sort = isSort(sortValue) ? sortValue : defaultCompanyListState.sort
  const orderValue = queryValue(query.order)
  const order = orderValue === 'asc' || orderValue === 'desc' ? orderValue : defaultOrderFor(sort)
  const bandValue = queryValue(query.band)
  const page = Number(queryValue(query.page) ?? '1')
  const owner = queryValue(query.owner)
  const renewal = Number(queryValue(query.renewal) ?? 'NaN')
  return {
    sort,
    order,
    band: isBand(bandValue) ? bandValue : null,
    q: normalizeSearch(queryValue(query.q) ?? ''),
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
    ...(isOwnerChoice(owner) ? { owner } : {}),
    ...(isRenewalDays(renewal) ? { renewal } : {}),
  }
}

/**
 * The route query for a state, leaving out defaults so the plain dashboard URL stays /dashboard.
 * @example queryFromListState({ sort: 'score', order: 'desc', band: 'high', q: '', page: 1 }) → { band: 'high' }
 */
export function queryFromListState(state: CompanyListState): Record<string, string> {
  const query: Record<string, string> = {}
  if (state.sort !== defaultCompanyListState.sort) query.sort = state.sort
  if (state.order !== defaultOrderFor(state.sort)) query.order = state.order
  if (state.band) query.band = state.band
  const q = normalizeSearch(state.q)
  if (q) query.q = q
  if (state.owner) query.owner = state.owner
  if (state.renewal) query.renewal = String(state.renewal)
  if (state.page > 1) query.page = String(state.page)
  return query
}

type ListQuery = EndpointQuery<typeof companiesApi.list>

/** The list call's query for a state, always with every parameter, so the server never guesses. */
export function companyListApiQuery(state: CompanyListState, pageSize = COMPANY_PAGE_SIZE): ListQuery {
  const q = normalizeSearch(state.q)
  return {
    sort: state.sort,
    order: state.order,
    page: String(state.page),
    pageSize: String(pageSize),
    band: state.band ?? undefined,
    q: q || undefined,
    owner: ownerApiValue(state.owner),
    renewalWithinDays: state.renewal ? String(state.renewal) : undefined,
  }
}

/** `all` and no choice both mean no owner filter for the API (the default is settled before the call). */
function ownerApiValue(owner: string | undefined): string | undefined {
  return owner === undefined || owner === 'all' ? undefined : owner
}

/** The URL the list call goes to for a state. */
export function companyListApiPath(state: CompanyListState, pageSize = COMPANY_PAGE_SIZE): string {
  return endpointUrl(companiesApi.list, { query: companyListApiQuery(state, pageSize) })
}

/** The CSV download for the rows the filters select (every page, the riskiest first). */
export function companyExportHref(state: Pick<CompanyListState, 'band' | 'q' | 'owner' | 'renewal'>): string {
  const q = normalizeSearch(state.q)
  return endpointUrl(companiesApi.exportCsv, {
    query: {
      band: state.band ?? undefined,
      q: q || undefined,
      owner: ownerApiValue(state.owner),
      renewalWithinDays: state.renewal ? String(state.renewal) : undefined,
    },
  })
}

/** Clicking a column header: the same column flips its order, another starts at its natural order; back to page 1 either way. */
export function toggleSort(state: CompanyListState, sort: CompanySort): CompanyListState {
  const order = state.sort === sort ? (state.order === 'asc' ? 'desc' : 'asc') : defaultOrderFor(sort)
  return { ...state, sort, order, page: 1 }
}

/** A new band or search shows its first page. */
export function withFilters(
  state: CompanyListState,
  filters: Partial<Pick<CompanyListState, 'band' | 'q' | 'owner' | 'renewal'>>,
): CompanyListState {
  const next = { ...state, ...filters, q: normalizeSearch(filters.q ?? state.q), page: 1 }
  if (next.renewal === undefined) delete next.renewal
  return next
}

/** The `aria-sort` of a column header. */
export function ariaSortFor(
  state: Pick<CompanyListState, 'sort' | 'order'>,
  sort: CompanySort,
): 'ascending' | 'descending' | 'none' {
  if (state.sort !== sort) return 'none'
  return state.order === 'asc' ? 'ascending' : 'descending'
}

/** Pages for a total; an empty list still has page 1. */
export function pageCount(total: number, pageSize = COMPANY_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize))
}

/** True when a band, a search or a renewal window narrows the list, so an empty table means "nothing matches" rather than "nothing scored". */
export function hasFilters(state: Pick<CompanyListState, 'band' | 'q' | 'renewal'>): boolean {
  return state.band !== null || normalizeSearch(state.q) !== '' || state.renewal !== undefined
}
