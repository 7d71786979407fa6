import { z } from 'zod'

const id = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)])

/** One HubSpot webhook event, parsed down to what routing and processing use. */
export const webhookEventSchema = z
  .object({
    eventId: id,
    subscriptionId: id.optional(),
    portalId: id,
    appId: id.optional(),
    occurredAt: z.number().int(),
    subscriptionType: z.string().min(1).max(100),
    attemptNumber: z.number().int().optional(),
    objectId: id.optional(),
    propertyName: z.string().optional(),
    propertyValue: z.string().nullable().optional(),
    changeSource: z.string().optional(),
    primaryObjectId: id.optional(),
    mergedObjectIds: z.array(id).optional(),
    newObjectId: id.optional(),
    fromObjectId: id.optional(),
    toObjectId: id.optional(),
    associationType: z.string().optional(),
    associationRemoved: z.boolean().optional(),
  })
  .loose()
export type WebhookEvent = z.infer<typeof webhookEventSchema>

/** HubSpot sends batches of up to 100. */
export const webhookBatchSchema = z.array(webhookEventSchema).min(1).max(100)

/** HubSpot's eventId is not guaranteed unique on its own. */
export function dedupeKey(event: WebhookEvent): string {
  return [
    event.portalId,
    event.eventId,
    event.subscriptionType,
    event.objectId ?? '',
    event.occurredAt,
    event.propertyName ?? '',
  ].join(':')
}
