import { z } from 'zod'

/** Behaviour switches, changeable at runtime through PATCH /_simulator/settings. */
export interface SimSettings {
  /** `expires_in` of new access tokens. HubSpot: 1800. */
  accessTokenTtlSeconds: number
  /** How long an authorization code can be exchanged. HubSpot only says "a short window". */
  codeTtlSeconds: number
  /** Off: refresh returns the same refresh token (observed HubSpot behaviour). On: a new one, and the old one dies. */
  rotateRefreshTokens: boolean
  /** Like HubSpot's MCP auth apps: authorize without `code_challenge` shows an error page. */
  pkceRequired: boolean
  /** On: Deny redirects with `error=access_denied`. Off: HubSpot's older behaviour, no request is sent back. */
  denyRedirects: boolean
  /** Real milliseconds added to every non-control request. Default 0; benchmarks use 250. */
  latencyMs: number
  /**
   * Off: no 429s and no rate-limit headers. Windows run on the simulator clock, so with a frozen test clock
   * the 10-second window never empties: advance the clock or turn this off for call-heavy tests.
   */
  rateLimitsEnabled: boolean
  /** Requests per rolling 10 s per (app, portal). null = HubSpot's: 110 for OAuth apps, the tier's for private apps. */
  rateLimitPerTenSeconds: number | null
  /** Private-app tier: starter 100/10 s + 250,000/day; professional 190 + 625,000; enterprise 190 + 1,000,000. */
  privateAppTier: PrivateAppTier
  /** Private apps' daily requests per portal. null = the tier's. */
  dailyLimit: number | null
  /** CRM search requests per second per portal (HubSpot: 5), counted apart from the 10-second limit. */
  searchPerSecond: number
  /** HubSpot documents no Retry-After on 429; on: add one (seconds until the window frees up). */
  retryAfterOn429: boolean
  /**
   * The most a write can take to show in CRM search (each write takes a share of it; see search-index-lag.ts).
   * HubSpot: "a few seconds", more under load. Default 0: search sees every write at once.
   */
  searchIndexLagMs: number
}

export const privateAppTiers = ['starter', 'professional', 'enterprise'] as const
export type PrivateAppTier = (typeof privateAppTiers)[number]

export const defaultSettings: SimSettings = {
  accessTokenTtlSeconds: 1800,
  codeTtlSeconds: 300,
  rotateRefreshTokens: false,
  pkceRequired: false,
  denyRedirects: true,
  latencyMs: 0,
  rateLimitsEnabled: true,
  rateLimitPerTenSeconds: null,
  privateAppTier: 'starter',
  dailyLimit: null,
  searchPerSecond: 5,
  retryAfterOn429: false,
  searchIndexLagMs: 0,
}

export const settingsPatchSchema = z.strictObject({
  accessTokenTtlSeconds: z.number().int().positive().optional(),
  codeTtlSeconds: z.number().int().positive().optional(),
  rotateRefreshTokens: z.boolean().optional(),
  pkceRequired: z.boolean().optional(),
  denyRedirects: z.boolean().optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  rateLimitsEnabled: z.boolean().optional(),
  rateLimitPerTenSeconds: z.number().int().positive().nullable().optional(),
  privateAppTier: z.enum(privateAppTiers).optional(),
  dailyLimit: z.number().int().positive().nullable().optional(),
  searchPerSecond: z.number().int().positive().optional(),
  retryAfterOn429: z.boolean().optional(),
  searchIndexLagMs: z.number().int().min(0).max(3_600_000).optional(),
})

export type SimSettingsPatch = z.infer<typeof settingsPatchSchema>
