import type { SimState } from '../state/sim-state'

/** Exactly the fields (and order) HubSpot returns; hub_id and scopes come from introspection instead. */
export interface TokenResponse {
  token_type: 'bearer'
  refresh_token: string
  access_token: string
  expires_in: number
}

export function tokenResponse(state: SimState, refreshToken: string, accessToken: string): TokenResponse {
  return {
    token_type: 'bearer',
    refresh_token: refreshToken,
    access_token: accessToken,
    expires_in: state.settings.accessTokenTtlSeconds,
  }
}
