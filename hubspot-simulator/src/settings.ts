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
}

export const defaultSettings: SimSettings = {
  accessTokenTtlSeconds: 1800,
  codeTtlSeconds: 300,
  rotateRefreshTokens: false,
  pkceRequired: false,
  denyRedirects: true,
  latencyMs: 0,
}

export const settingsPatchSchema = z.strictObject({
  accessTokenTtlSeconds: z.number().int().positive().optional(),
  codeTtlSeconds: z.number().int().positive().optional(),
  rotateRefreshTokens: z.boolean().optional(),
  pkceRequired: z.boolean().optional(),
  denyRedirects: z.boolean().optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
})

export type SimSettingsPatch = z.infer<typeof settingsPatchSchema>
