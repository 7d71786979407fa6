import type { Install } from '../state/installs'
import type { SimState } from '../state/sim-state'

/**
 * The token endpoint's answer. Since 2025-08-18 HubSpot adds `hub_id` and `scopes` (its changelog's example, on
 * v1); the v3 and date-versioned endpoints also send `token_use` (required by their spec) and `user_id`.
 */
export interface TokenResponse {
  token_type: 'bearer'
  refresh_token: string
  access_token: string
  expires_in: number
  hub_id: number
  scopes: string[]
  token_use?: 'access_token'
  user_id?: number
}

export function tokenResponse(
  state: SimState,
  install: Install,
  tokens: { refreshToken: string; accessToken: string },
  endpoint: 'v1' | 'current',
): TokenResponse {
  const common = {
    token_type: 'bearer' as const,
    refresh_token: tokens.refreshToken,
    hub_id: install.portalId,
    scopes: [...install.scopes],
    access_token: tokens.accessToken,
    expires_in: state.settings.accessTokenTtlSeconds,
  }
  return endpoint === 'v1' ? common : { ...common, token_use: 'access_token', user_id: install.user.userId }
}
