import { z } from 'zod'
import { maxSubscriptionsPerApp } from './app-webhook-config'
import { unsubscribableProperties, webhookEventTypes } from './event-types'

const eventType = z.string().refine((value) => webhookEventTypes.includes(value), { message: 'Unknown eventType' })

/** propertyChange needs a subscribable property; other event types carry none (HubSpot ignores it there). */
function checkPropertyName(
  value: { eventType: string; propertyName?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (!value.eventType.endsWith('.propertyChange')) return
  if (value.propertyName === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'propertyName is required for propertyChange subscriptions',
      path: ['propertyName'],
    })
  } else if (unsubscribableProperties.includes(value.propertyName)) {
    ctx.addIssue({
      code: 'custom',
      message: `Can't subscribe to changes of ${value.propertyName}`,
      path: ['propertyName'],
    })
  }
}

/** SPEC/webhooks SubscriptionCreateRequest; `active` defaults to false (paused), as HubSpot does. */
export const subscriptionCreateSchema = z
  .strictObject({
    eventType,
    propertyName: z.string().min(1).optional(),
    active: z.boolean().default(false),
    // Generic object.* subscriptions; accepted and ignored (the simulator only stores tickets, companies, contacts).
    objectTypeId: z.string().optional(),
    eventTypeName: z.string().optional(),
  })
  .superRefine(checkPropertyName)

export const subscriptionPatchSchema = z.strictObject({ active: z.boolean().optional() })

const httpUrl = z.url({ protocol: /^https?$/ })

/** SPEC/webhooks SettingsChangeRequest. HubSpot requires more than 5 concurrent requests. */
export const settingsPutSchema = z.strictObject({
  targetUrl: httpUrl,
  throttling: z.strictObject({
    maxConcurrentRequests: z.number().int().gt(5),
    period: z.string().optional(),
  }),
})

/** PUT /_simulator/webhooks/{appId}: a test hook, so subscriptions are active unless told otherwise and any cap ≥ 1 goes. */
export const controlConfigureSchema = z.strictObject({
  targetUrl: httpUrl.nullable(),
  subscriptions: z
    .array(
      z
        .strictObject({ eventType, propertyName: z.string().min(1).optional(), active: z.boolean().default(true) })
        .superRefine(checkPropertyName),
    )
    .max(maxSubscriptionsPerApp),
  maxConcurrentRequests: z.number().int().positive().optional(),
})

export const appIdParamSchema = z.coerce.number().int().positive()
