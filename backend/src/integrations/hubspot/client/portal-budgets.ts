import { RollingWindowLimiter } from './rolling-window-limiter'

/**
 * HubSpot's limits are per installing account: 110 requests per rolling 10 s for OAuth apps
 * (private apps: 100–190 by tier; we start at 100 and adopt X-HubSpot-RateLimit-Max), plus the
 * CRM search API's own 5 requests per second. One budget pair per portal, shared by every client
 * in this process.
 */
export interface PortalBudget {
  api: RollingWindowLimiter
  search: RollingWindowLimiter
}

export function createPortalBudgets(options: { oauthPerTenSeconds?: number; searchPerSecond?: number } = {}) {
  const budgets = new Map<string, PortalBudget>()
  return {
    for(hubId: number | null, authType: 'oauth' | 'api_key'): PortalBudget {
      const key = `${authType}:${hubId ?? 'unknown'}`
      let budget = budgets.get(key)
      if (!budget) {
        budget = {
          // Windows a little longer than HubSpot's: requests reach HubSpot a few milliseconds apart
          // from when they left, and a window counted to the millisecond would now and then let a
          // sixth search into HubSpot's second (a 429, retried, but a wasted request).
          api: new RollingWindowLimiter(authType === 'oauth' ? (options.oauthPerTenSeconds ?? 110) : 100, 10_100),
          search: new RollingWindowLimiter(options.searchPerSecond ?? 5, 1_100),
        }
        budgets.set(key, budget)
      }
      return budget
    },
  }
}

export type PortalBudgets = ReturnType<typeof createPortalBudgets>
