import type { IntegrationView } from '@churnlens/contracts'

/**
 * The day's use of HubSpot's daily request limit in words, or null when there is nothing for today (unknown, or
 * last seen on an earlier day: the limit has reset since). HubSpot stops every call once it is spent.
 */
export function describeDailyUsage(usage: IntegrationView['dailyUsage'], now: Date): string | null {
  if (!usage || usage.seenAt.slice(0, 10) !== now.toISOString().slice(0, 10)) return null
  const percent = usage.limit > 0 ? Math.round((usage.used / usage.limit) * 100) : 0
  const figures = `${usage.used.toLocaleString('en-US')} of ${usage.limit.toLocaleString('en-US')} requests (${percent}%)`
  if (percent >= 99) return `${figures}: scheduled syncs wait for tomorrow; webhook changes still arrive`
  if (percent >= 75) return `${figures}: scheduled syncs run less often until tomorrow`
  return figures
}
