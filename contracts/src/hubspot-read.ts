import { z } from 'zod'

/** Why a settings page could not read its choices from HubSpot now: the same few for every page that asks. */
export const hubspotReadErrors = [
  'not_connected',
  'needs_reauth',
  'hubspot_unavailable',
  'hubspot_daily_limit',
  'hubspot_invalid_response',
] as const

/**
 * The portal's deal pipelines, or why there are none to offer: the optional deals scope was not granted,
 * and reconnecting HubSpot and approving it enables the deals options.
 */
export function dealsAvailabilitySchema<Pipeline extends z.ZodType>(pipeline: Pipeline) {
  return z.discriminatedUnion('status', [
    z.object({ status: z.literal('available'), pipelines: z.array(pipeline) }),
    z.object({ status: z.literal('scope_missing'), scope: z.string() }),
  ])
}
