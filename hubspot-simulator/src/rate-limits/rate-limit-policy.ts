import type { AuthContext } from '../api/auth-context'
import type { PrivateAppTier, SimSettings } from '../settings'

export const tenSecondsMs = 10_000

const tiers: Record<PrivateAppTier, { perTenSeconds: number; daily: number }> = {
  starter: { perTenSeconds: 100, daily: 250_000 },
  professional: { perTenSeconds: 190, daily: 625_000 },
  enterprise: { perTenSeconds: 190, daily: 1_000_000 },
}

export interface RateLimitPolicy {
  key: string
  perTenSeconds: number
  /** null for OAuth apps: HubSpot has no daily limit for them and sends no daily headers. */
  daily: number | null
}

/** OAuth: 110 per 10 s per (app, portal), no daily limit. Private apps: the tier's burst and daily limits. */
export function rateLimitPolicy(settings: SimSettings, auth: AuthContext): RateLimitPolicy {
  if (auth.kind === 'oauth') {
    return {
      key: `oauth:${auth.appId ?? 0}:${auth.portalId}`,
      perTenSeconds: settings.rateLimitPerTenSeconds ?? 110,
      daily: null,
    }
  }
  const tier = tiers[settings.privateAppTier]
  return {
    key: `private:${auth.portalId}`,
    perTenSeconds: settings.rateLimitPerTenSeconds ?? tier.perTenSeconds,
    daily: settings.dailyLimit ?? tier.daily,
  }
}

/** The account's time zone (US/Eastern in account-info, fixed at UTC-5): the daily limit resets at its midnight. */
const utcOffsetMs = -5 * 3_600_000
const dayMs = 86_400_000

export function localDay(now: number): number {
  return Math.floor((now + utcOffsetMs) / dayMs)
}

export function msUntilLocalMidnight(now: number): number {
  return (localDay(now) + 1) * dayMs - utcOffsetMs - now
}
