import type { Install } from './installs'
import { findInstall } from './installs'
import type { SimState } from './sim-state'
import type { AccessTokenRecord, RefreshTokenRecord } from './tokens'

export type AccessTokenStatus =
  | { status: 'unknown' }
  | { status: 'revoked' }
  | { status: 'expired'; record: AccessTokenRecord; install: Install }
  | { status: 'live'; record: AccessTokenRecord; install: Install }

/** Uninstall outranks expiry: HubSpot reports a token of a removed install as invalid, not expired. */
export function resolveAccessToken(state: SimState, token: string): AccessTokenStatus {
  const record = state.accessTokens.get(token)
  if (!record) return { status: 'unknown' }
  const install = liveInstallFor(state, record)
  if (!install || record.revoked) return { status: 'revoked' }
  if (state.clock.now() >= record.expiresAt) return { status: 'expired', record, install }
  return { status: 'live', record, install }
}

/** A refresh token is usable while it isn't revoked and its install still exists. */
export function resolveRefreshToken(
  state: SimState,
  token: string,
): { record: RefreshTokenRecord; install: Install } | undefined {
  const record = state.refreshTokens.get(token)
  if (!record || record.revoked) return undefined
  const install = liveInstallFor(state, record)
  return install ? { record, install } : undefined
}

function liveInstallFor(
  state: SimState,
  record: { appId: number; portalId: number; installId: number },
): Install | undefined {
  const install = findInstall(state.installs, record.appId, record.portalId)
  return install?.id === record.installId ? install : undefined
}
