import type { RevenueSettings } from '@churnlens/contracts'

/**
 * Pure: the company properties the revenue and renewal sources read, which the syncs request beside their own
 * (the deals sources are read by the recompute job instead).
 */
export function syncPropertiesFor(settings: RevenueSettings): string[] {
  const names: string[] = []
  if (settings.revenue.kind === 'property') names.push(settings.revenue.property)
  if (settings.renewal.kind === 'property') names.push(settings.renewal.property)
  return names
}
