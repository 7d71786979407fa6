import { describe, expect, it } from 'vitest'
import {
  ariaSortFor,
  COMPANY_PAGE_SIZE,
  companyExportHref,
  companyListApiPath,
  defaultCompanyListState,
  hasFilters,
  listStateFromQuery,
  pageCount,
  queryFromListState,
  toggleSort,
  withFilters,
} from '../../app/utils/company-list-query'
import type { CompanyListState } from '../../app/utils/company-list-query'

const base: CompanyListState = { ...defaultCompanyListState }

describe('listStateFromQuery', () => {
  it('gives the defaults for an empty query', () => {
    expect(listStateFromQuery({})).toEqual({ sort: 'score', order: 'desc', band: null, q: '', page: 1 })
  })
  it('reads every parameter', () => {
    expect(listStateFromQuery({ sort: 'tickets', order: 'asc', band: 'high', q: ' acme ', page: '3' })).toEqual({
      sort: 'tickets',
      order: 'asc',
      band: 'high',
      q: 'acme',
      page: 3,
    })
  })
  it('gives a column its natural order when the URL has none', () => {
    expect(listStateFromQuery({ sort: 'name' }).order).toBe('asc')
    expect(listStateFromQuery({ sort: 'open' }).order).toBe('desc')
  })
  it('ignores what it does not understand', () => {
    expect(listStateFromQuery({ sort: 'mood', order: 'up', band: 'extreme', page: '-2' })).toEqual(base)
    expect(listStateFromQuery({ page: '1.5' }).page).toBe(1)
    expect(listStateFromQuery({ page: 'abc' }).page).toBe(1)
    expect(listStateFromQuery({ page: '999999999' }).page).toBe(1)
  })
  it('takes the first of repeated parameters and caps the search at 100 characters', () => {
    expect(listStateFromQuery({ band: ['low', 'high'] }).band).toBe('low')
    expect(listStateFromQuery({ q: 'x'.repeat(150) }).q).toHaveLength(100)
  })
})

describe('queryFromListState', () => {
  it('leaves defaults out of the URL', () => {
    expect(queryFromListState(base)).toEqual({})
    expect(queryFromListState({ ...base, sort: 'name', order: 'asc' })).toEqual({ sort: 'name' })
  })
  it('writes what differs', () => {
    expect(queryFromListState({ sort: 'name', order: 'desc', band: 'medium', q: ' acme ', page: 2 })).toEqual({
      sort: 'name',
      order: 'desc',
      band: 'medium',
      q: 'acme',
      page: '2',
    })
  })
  it('round-trips through the URL', () => {
    const states: CompanyListState[] = [
      base,
      { sort: 'trend', order: 'asc', band: 'low', q: 'globex', page: 7 },
      { sort: 'name', order: 'asc', band: null, q: '', page: 1 },
    ]
    for (const state of states) expect(listStateFromQuery(queryFromListState(state))).toEqual(state)
  })
})

describe('API paths', () => {
  it('asks for one page with every parameter', () => {
    expect(companyListApiPath(base)).toBe(
      `/api/v1/companies?sort=score&order=desc&page=1&pageSize=${COMPANY_PAGE_SIZE}`,
    )
    expect(companyListApiPath({ sort: 'name', order: 'asc', band: 'high', q: 'a&b', page: 2 })).toBe(
      '/api/v1/companies?sort=name&order=asc&page=2&pageSize=50&band=high&q=a%26b',
    )
  })
  it('exports with the filters only', () => {
    expect(companyExportHref(base)).toBe('/api/v1/companies/export.csv')
    expect(companyExportHref({ band: 'high', q: 'acme corp' })).toBe(
      '/api/v1/companies/export.csv?band=high&q=acme+corp',
    )
  })
})

describe('sorting', () => {
  it('flips the order on the same column and starts at page 1', () => {
    const sorted = toggleSort({ ...base, page: 4 }, 'score')
    expect(sorted).toEqual({ ...base, order: 'asc', page: 1 })
    expect(toggleSort(sorted, 'score').order).toBe('desc')
  })
  it('starts another column at its natural order', () => {
    expect(toggleSort(base, 'name')).toMatchObject({ sort: 'name', order: 'asc' })
    expect(toggleSort({ ...base, sort: 'name', order: 'asc' }, 'tickets')).toMatchObject({
      sort: 'tickets',
      order: 'desc',
    })
  })
  it('says how each header is sorted', () => {
    expect(ariaSortFor(base, 'score')).toBe('descending')
    expect(ariaSortFor({ sort: 'name', order: 'asc' }, 'name')).toBe('ascending')
    expect(ariaSortFor(base, 'name')).toBe('none')
  })
})

describe('filters and pages', () => {
  it('a new filter shows the first page', () => {
    expect(withFilters({ ...base, page: 5 }, { band: 'high' })).toEqual({ ...base, band: 'high', page: 1 })
    expect(withFilters({ ...base, band: 'high', page: 5 }, { q: ' acme ' })).toEqual({
      ...base,
      band: 'high',
      q: 'acme',
      page: 1,
    })
  })
  it('knows whether filters narrow the list', () => {
    expect(hasFilters(base)).toBe(false)
    expect(hasFilters({ band: 'low', q: '' })).toBe(true)
    expect(hasFilters({ band: null, q: '  ' })).toBe(false)
    expect(hasFilters({ band: null, q: 'a' })).toBe(true)
  })
  it('counts pages, with at least one', () => {
    expect(pageCount(0)).toBe(1)
    expect(pageCount(50)).toBe(1)
    expect(pageCount(51)).toBe(2)
    expect(pageCount(20_000)).toBe(400)
    expect(pageCount(10, 3)).toBe(4)
  })
})

describe('the owner filter', () => {
  it('reads me, none, all or an owner id from the URL and ignores anything else', () => {
    expect(listStateFromQuery({ owner: 'me' }).owner).toBe('me')
    expect(listStateFromQuery({ owner: '61001002' }).owner).toBe('61001002')
    expect(listStateFromQuery({ owner: 'all' }).owner).toBe('all')
    expect(listStateFromQuery({ owner: 'bob' }).owner).toBeUndefined()
    expect(listStateFromQuery({}).owner).toBeUndefined()
  })
  it('keeps the choice in the URL, and sends the API no owner for "all"', () => {
    expect(queryFromListState({ ...base, owner: 'all' })).toEqual({ owner: 'all' })
    expect(companyListApiPath({ ...base, owner: 'all' })).not.toContain('owner')
    expect(companyListApiPath({ ...base, owner: 'me' })).toContain('owner=me')
    expect(companyExportHref({ band: null, q: '', owner: 'none' })).toContain('owner=none')
  })
})

describe('the renewal filter', () => {
  it('reads a window of days from the URL and drops a malformed one', () => {
    expect(listStateFromQuery({ renewal: '90' })).toEqual({ ...base, renewal: 90 })
    expect(listStateFromQuery({ renewal: 'soon' })).toEqual(base)
    expect(listStateFromQuery({ renewal: '0' })).toEqual(base)
    expect(listStateFromQuery({ renewal: '400' })).toEqual(base)
  })

  it('round-trips through the URL, reaches the list call and the export, and counts as a filter', () => {
    const state = withFilters({ ...base, page: 4 }, { renewal: 60 })
    expect(state).toEqual({ ...base, renewal: 60 })
    expect(queryFromListState(state)).toEqual({ renewal: '60' })
    expect(companyListApiPath(state)).toContain('renewalWithinDays=60')
    expect(companyExportHref(state)).toContain('renewalWithinDays=60')
    expect(hasFilters(state)).toBe(true)
    const cleared = withFilters(state, { renewal: undefined })
    expect(cleared).toEqual(base)
    expect(hasFilters(cleared)).toBe(false)
  })

  it('sorts renewals soonest first', () => {
    expect(toggleSort(base, 'renewal')).toMatchObject({ sort: 'renewal', order: 'asc' })
    expect(queryFromListState(toggleSort(base, 'renewal'))).toEqual({ sort: 'renewal' })
  })
})
