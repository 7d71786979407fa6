import type { CrmChange } from '../crm/change-feed'
import type { SimApp } from '../state/apps'
import { findInstall } from '../state/installs'
import type { SimState } from '../state/sim-state'
import type { AppWebhookConfigs } from './app-webhook-config'
import { requiredScopeFor, subscriptionTypeOf } from './event-types'
import type { SubscriptionRecord } from './webhook-types'

export interface SubscriptionMatch {
  app: SimApp
  subscription: SubscriptionRecord
}

/**
 * Who hears about a change: apps with a target URL, installed in the change's portal with the object's read
 * scope granted (read live, so a scope change takes effect on the next write), through an active subscription
 * of that event type — for propertyChange, only the subscription for that very property.
 */
export function matchSubscriptions(
  state: SimState,
  configs: AppWebhookConfigs,
  change: CrmChange,
): SubscriptionMatch[] {
  const eventType = subscriptionTypeOf(change)
  const scope = requiredScopeFor(eventType)
  const matches: SubscriptionMatch[] = []
  for (const app of state.apps) {
    const config = configs.get(app.appId)
    if (config.targetUrl === null) continue
    const install = findInstall(state.installs, app.appId, change.portalId)
    if (!install || (scope !== undefined && !install.scopes.includes(scope))) continue
    for (const subscription of config.subscriptions) {
      if (!subscription.active || subscription.eventType !== eventType) continue
      if (change.kind === 'propertyChange' && subscription.propertyName !== change.propertyName) continue
      matches.push({ app, subscription })
    }
  }
  return matches
}
