import { z } from 'zod'

/**
 * Why an object type's last sync pass stopped (its `lastErrorCode`): what a call to HubSpot can fail
 * with. Closed, so the UI's sentence for each is a typed record.
 */
export const syncErrorCodes = [
  'not_connected',
  'needs_reauth',
  'forbidden',
  'not_found',
  'hubspot_unavailable',
  'hubspot_rate_limited',
  'hubspot_daily_limit',
  'hubspot_invalid_response',
] as const
export type SyncErrorCode = (typeof syncErrorCodes)[number]

export const syncObjectProgressSchema = z.object({
  objectType: z.enum(['companies', 'contacts', 'tickets']),
  phase: z.enum(['pending', 'full', 'incremental']),
  recordsDone: z.number().int(),
  estimatedTotal: z.number().int().nullable(),
  fullCompletedAt: z.iso.datetime().nullable(),
  lastRunAt: z.iso.datetime().nullable(),
  lastErrorCode: z.enum(syncErrorCodes).nullable(),
})

/** `initial_sync` until every object type finished its first full pass; then `up_to_date`. */
export const syncProgressSchema = z.object({
  phase: z.enum(['not_started', 'initial_sync', 'up_to_date']),
  recordsDone: z.number().int(),
  estimatedTotal: z.number().int().nullable(),
  /** 0–100, for a progress bar; never 100 before the initial sync has finished. */
  percent: z.number().min(0).max(100),
  lastSyncedAt: z.iso.datetime().nullable(),
  objects: z.array(syncObjectProgressSchema),
})
export type SyncProgress = z.infer<typeof syncProgressSchema>
export const syncProgressResponseSchema = z.object({ sync: syncProgressSchema })
export type SyncProgressResponse = z.infer<typeof syncProgressResponseSchema>
export const requestSyncResponseSchema = z.object({ requested: z.literal(true) })
export const requestSyncErrors = ['unauthenticated', 'forbidden', 'not_connected', 'needs_reauth'] as const
export const syncProgressErrors = ['unauthenticated', 'not_connected'] as const
