import type { Install } from './installs'
import type { SimState } from './sim-state'
import type { AccessTokenRecord, RefreshTokenRecord } from './tokens'

export function issueAccessToken(state: SimState, install: Install): AccessTokenRecord {
  const now = state.clock.now()
  // Opaque and well under HubSpot's documented 300-character ceiling, starting with 'C' like real ones.
  const token = `C${state.random.bytes('access-token', 96).toString('base64url')}`
  const record: AccessTokenRecord = {
    token,
    appId: install.appId,
    portalId: install.portalId,
    installId: install.id,
    issuedAt: now,
    expiresAt: now + state.settings.accessTokenTtlSeconds * 1000,
    revoked: false,
  }
  state.accessTokens.set(token, record)
  return record
}

export function issueRefreshToken(state: SimState, install: Install, clientId: string): RefreshTokenRecord {
  const hex = state.random.bytes('refresh-token', 14).toString('hex')
  const token = `na1-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 28)}`
  const record: RefreshTokenRecord = {
    token,
    appId: install.appId,
    clientId,
    portalId: install.portalId,
    installId: install.id,
    issuedAt: state.clock.now(),
    revoked: false,
  }
  state.refreshTokens.set(token, record)
  return record
}
