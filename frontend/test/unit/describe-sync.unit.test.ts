import { describe, expect, it } from 'vitest'
import {
  canRequestSync,
  describeSyncCount,
  describeSyncError,
  describeSyncObject,
  describeSyncTotal,
  formatCount,
  showsSyncProgress,
  SYNC_IDLE_POLL_MS,
  SYNC_POLL_MS,
  syncObjectLabels,
  syncObjectState,
  syncObjectStateText,
  syncPercent,
  syncPhaseTitle,
  syncPollDelay,
} from '../../app/utils/describe-sync'

const object = { phase: 'full', recordsDone: 40, estimatedTotal: 120, fullCompletedAt: null } as const

describe('syncPollDelay', () => {
  it('polls every 2 s until up to date, then every 10 s', () => {
    expect(syncPollDelay('not_started')).toBe(2_000)
    expect(syncPollDelay('initial_sync')).toBe(SYNC_POLL_MS)
    expect(syncPollDelay('up_to_date')).toBe(SYNC_IDLE_POLL_MS)
    expect(SYNC_IDLE_POLL_MS).toBe(10_000)
  })
})

describe('showsSyncProgress', () => {
  it.each([
    ['connected', true],
    ['degraded', true],
    ['pending', false],
    ['needs_reauth', false],
    ['disconnected', false],
  ] as const)('for %s is %s', (status, expected) => {
    expect(showsSyncProgress({ status })).toBe(expected)
  })

  it('shows nothing without an integration', () => {
    expect(showsSyncProgress(null)).toBe(false)
  })
})

describe('canRequestSync', () => {
  it('is off while a request runs or the first import is running', () => {
    expect(canRequestSync('up_to_date', false)).toBe(true)
    expect(canRequestSync('not_started', false)).toBe(true)
    expect(canRequestSync('up_to_date', true)).toBe(false)
    expect(canRequestSync('initial_sync', false)).toBe(false)
  })
})

describe('syncPhaseTitle', () => {
  it('says the phase in words', () => {
    expect(syncPhaseTitle('initial_sync')).toBe('Importing your HubSpot data…')
    expect(syncPhaseTitle('up_to_date')).toBe('Up to date')
    expect(syncPhaseTitle('not_started')).toMatch(/Getting ready/)
  })

  it('labels each object type', () => {
    expect(Object.values(syncObjectLabels)).toEqual(['Companies', 'Contacts', 'Tickets'])
  })
})

describe('counts and percent', () => {
  it('formats counts with separators', () => {
    expect(formatCount(1234567)).toBe('1,234,567')
  })

  it.each([
    [41.6, 42],
    [0, 0],
    [100, 100],
    [140, 100],
    [-3, 0],
    [Number.NaN, 0],
  ])('rounds and clamps %s to %s', (input, expected) => {
    expect(syncPercent(input)).toBe(expected)
  })

  it.each([
    [1234, 5000, '1,234 of 5,000 records'],
    [1, 1, '1 of 1 record'],
    [0, 0, '0 of 0 records'],
    [130, 120, '130 of 130 records'],
    [12, null, '12 records so far'],
    [1, null, '1 record so far'],
  ])('describes %s of %s as %s', (done, total, expected) => {
    expect(describeSyncCount(done, total)).toBe(expected)
  })

  it.each([
    [3500, 6500, '3,500 of 6,500 records imported'],
    [0, null, 'No records imported yet'],
    [1, null, '1 record imported so far'],
    [12, null, '12 records imported so far'],
  ])('sums up %s of %s as %s', (done, total, expected) => {
    expect(describeSyncTotal(done, total)).toBe(expected)
  })
})

describe('object rows', () => {
  it('knows where each object type stands', () => {
    expect(syncObjectState({ phase: 'pending', fullCompletedAt: null })).toBe('waiting')
    expect(syncObjectState({ phase: 'full', fullCompletedAt: null })).toBe('importing')
    expect(syncObjectState({ phase: 'incremental', fullCompletedAt: '2026-01-01T10:00:00.000Z' })).toBe('imported')
    expect(syncObjectStateText('imported')).toBe('Imported')
  })

  it('gives done of estimated, or a word before anything was counted', () => {
    expect(describeSyncObject(object)).toBe('40 of 120 records')
    expect(describeSyncObject({ ...object, phase: 'pending', recordsDone: 0, estimatedTotal: null })).toBe(
      'Not started yet',
    )
    expect(
      describeSyncObject({
        ...object,
        phase: 'incremental',
        recordsDone: 120,
        fullCompletedAt: '2026-01-01T10:00:00.000Z',
      }),
    ).toBe('120 of 120 records')
  })
})

describe('describeSyncError', () => {
  it('is null without a code', () => {
    expect(describeSyncError(null)).toBeNull()
    expect(describeSyncError('')).toBeNull()
  })

  it('says what happens next', () => {
    expect(describeSyncError('hubspot_unavailable')).toBe('HubSpot is not answering; we will retry')
    expect(describeSyncError('hubspot_daily_limit')).toBe(
      "HubSpot's daily API allowance is used up; we continue after it resets",
    )
    expect(describeSyncError('needs_reauth')).toMatch(/reconnect HubSpot/)
  })

  it.each(['hubspot_invalid_response', 'forbidden', 'not_connected', 'not_found', 'hubspot_rate_limited'])(
    'has words for %s that do not repeat the code',
    (code) => {
      expect(describeSyncError(code)).not.toContain(code)
    },
  )

  it('falls back to the raw code, also for names on Object.prototype', () => {
    expect(describeSyncError('weird_thing')).toBe('Something went wrong (weird_thing); we will retry')
    expect(describeSyncError('constructor')).toBe('Something went wrong (constructor); we will retry')
  })
})
