import { syncErrorCodes } from '@churnlens/contracts'
import type { IntegrationView, SyncErrorCode, SyncProgress } from '@churnlens/contracts'

/*
 * Every sentence the UI says about the HubSpot sync lives here: the phase, each object type's
 * progress, the errors behind a stalled object type, and how often to ask again.
 */

export type SyncPhase = SyncProgress['phase']
export type SyncObjectProgress = SyncProgress['objects'][number]
export type SyncObjectType = SyncObjectProgress['objectType']
/** Where one object type stands in its first full pass. */
export type SyncObjectState = 'waiting' | 'importing' | 'imported'

/** How often progress is asked for while the first import runs. */
export const SYNC_POLL_MS = 2_000
/** How often once everything is up to date, or after a failed read. */
export const SYNC_IDLE_POLL_MS = 10_000

/** The next poll, in milliseconds: quick while importing, slow once up to date. */
export function syncPollDelay(phase: SyncPhase): number {
  return phase === 'up_to_date' ? SYNC_IDLE_POLL_MS : SYNC_POLL_MS
}

/** Sync progress only means something while Churnlens can read the portal: connected, or degraded and retrying. */
export function showsSyncProgress(integration: Pick<IntegrationView, 'status'> | null): boolean {
  return integration !== null && (integration.status === 'connected' || integration.status === 'degraded')
}

/** "Sync now" is offered unless a request is on its way or the first import is still running. */
export function canRequestSync(phase: SyncPhase | null, requesting: boolean): boolean {
  return !requesting && phase !== 'initial_sync'
}

const phaseTitles: Record<SyncPhase, string> = {
  not_started: 'Getting ready to import your HubSpot data…',
  initial_sync: 'Importing your HubSpot data…',
  up_to_date: 'Up to date',
}

export function syncPhaseTitle(phase: SyncPhase): string {
  return phaseTitles[phase]
}

export const syncObjectLabels: Record<SyncObjectType, string> = {
  companies: 'Companies',
  contacts: 'Contacts',
  tickets: 'Tickets',
}

const counts = new Intl.NumberFormat('en')

/** "1,234". */
export function formatCount(n: number): string {
  return counts.format(n)
}

/**
 * The backend's percent as a whole number the bar and its label agree on, 0–100.
 * @example syncPercent(41.6) === 42
 */
export function syncPercent(percent: number): number {
  if (!Number.isFinite(percent)) return 0
  return Math.min(100, Math.max(0, Math.round(percent)))
}

/**
 * Records read against the estimate; the estimate grows with what was read, since records can be added mid-import.
 * @example describeSyncCount(1234, 5000) === '1,234 of 5,000 records'
 */
export function describeSyncCount(recordsDone: number, estimatedTotal: number | null): string {
  const noun = (n: number) => (n === 1 ? 'record' : 'records')
  if (estimatedTotal === null) return `${formatCount(recordsDone)} ${noun(recordsDone)} so far`
  const total = Math.max(recordsDone, estimatedTotal)
  return `${formatCount(recordsDone)} of ${formatCount(total)} ${noun(total)}`
}

/**
 * The whole import in one line, for the summary under the bar.
 * @example describeSyncTotal(3500, 6500) === '3,500 of 6,500 records imported'
 */
export function describeSyncTotal(recordsDone: number, estimatedTotal: number | null): string {
  if (estimatedTotal !== null) return `${describeSyncCount(recordsDone, estimatedTotal)} imported`
  if (recordsDone === 0) return 'No records imported yet'
  return `${formatCount(recordsDone)} ${recordsDone === 1 ? 'record' : 'records'} imported so far`
}

export function syncObjectState(object: Pick<SyncObjectProgress, 'phase' | 'fullCompletedAt'>): SyncObjectState {
  if (object.fullCompletedAt !== null || object.phase === 'incremental') return 'imported'
  return object.phase === 'full' ? 'importing' : 'waiting'
}

const objectStateWords: Record<SyncObjectState, string> = {
  waiting: 'Waiting',
  importing: 'Importing',
  imported: 'Imported',
}

export function syncObjectStateText(state: SyncObjectState): string {
  return objectStateWords[state]
}

/**
 * One object type's progress: done of estimated, or a word when there is nothing to count yet.
 * @example describeSyncObject({ phase: 'full', recordsDone: 40, estimatedTotal: 120, fullCompletedAt: null }) === '40 of 120 records'
 */
export function describeSyncObject(
  object: Pick<SyncObjectProgress, 'phase' | 'recordsDone' | 'estimatedTotal' | 'fullCompletedAt'>,
): string {
  if (syncObjectState(object) === 'waiting' && object.recordsDone === 0) return 'Not started yet'
  return describeSyncCount(object.recordsDone, object.estimatedTotal)
}

/** A sentence for every reason the sync records as an object type's `lastErrorCode`, saying what happens next. */
const syncErrorTexts: Record<SyncErrorCode, string> = {
  hubspot_unavailable: 'HubSpot is not answering; we will retry',
  hubspot_rate_limited: 'HubSpot asked us to slow down; we will retry shortly',
  hubspot_daily_limit: "HubSpot's daily API allowance is used up; we continue after it resets",
  hubspot_invalid_response: 'HubSpot sent data we could not understand; we will retry',
  forbidden: 'HubSpot refused access to these records; check that Churnlens still has every permission it needs',
  needs_reauth: 'HubSpot no longer accepts our access; reconnect HubSpot to continue',
  not_connected: 'HubSpot is no longer connected',
  not_found: 'HubSpot could not find some of these records; we will retry',
}

function isSyncErrorCode(code: string): code is SyncErrorCode {
  return syncErrorCodes.some((known) => known === code)
}

/**
 * Why an object type's last run failed, or null when it did not.
 * @example describeSyncError('hubspot_unavailable') === 'HubSpot is not answering; we will retry'
 */
export function describeSyncError(code: string | null | undefined): string | null {
  if (!code) return null
  return isSyncErrorCode(code) ? syncErrorTexts[code] : `Something went wrong (${code}); we will retry`
}
