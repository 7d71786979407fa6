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
        const perTenSeconds = authType === 'oauth' ? (options.oauthPerTenSeconds ?? 110) : 100
        budget = {
          // A slot is held until a window after its answer (RollingWindowLimiter), and HubSpot counted the request
          // before it answered, so the window needs no margin for travel time; 20 ms covers timers firing early.
          // A fifth of the budget per second at most, so a budget kept full by an import stays smooth (no convoys),
          // and a twentieth of the window kept from bulk reads for requests something waits on.
          api: new RollingWindowLimiter(
            perTenSeconds,
            10_020,
            Date.now,
            Math.ceil(perTenSeconds / 5),
            Math.ceil(perTenSeconds / 20),
          ),
          search: new RollingWindowLimiter(options.searchPerSecond ?? 5, 1_020),
        }
        budgets.set(key, budget)
      }
      return budget
    },
  }
}

export type PortalBudgets = ReturnType<typeof createPortalBudgets>
