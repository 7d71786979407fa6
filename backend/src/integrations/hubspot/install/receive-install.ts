import type { InstallBody, ReceiveInstallErrorCode } from '@churnlens/contracts'
import { randomUUID } from 'node:crypto'
import type { AppDeps } from '../../../app-deps'
import { randomToken, sha256 } from '../../../crypto/random-token'
import { pendingInstalls } from '../../../db/schema'
import type { PendingInstallRow } from '../../../db/schema'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import { redeemCode } from '../oauth/redeem-code'
import { PENDING_INSTALL_TTL_MS } from './install-cookie'
import { pendingInstallContext } from './pending-install-secrets'

type Deps = Pick<AppDeps, 'db' | 'cipher' | 'hubspot' | 'clock' | 'fetch' | 'logger'>

/**
 * HubSpot came back to our callback without a state of ours: someone installed the app from
 * HubSpot's side. Codes are short-lived, so the code is exchanged now, before anyone signs in; the
 * grant waits sealed for an hour, claimable only with the random token returned here (for the
 * installer's cookie).
 */
export async function receiveInstall(
  deps: Deps,
  body: InstallBody,
): Promise<Result<{ claimToken: string; row: PendingInstallRow }, ReceiveInstallErrorCode>> {
  if ('error' in body) {
    deps.logger.info({ hubspotError: body.error }, 'hubspot install not granted')
    return err(body.error === 'access_denied' ? 'oauth_access_denied' : 'oauth_provider_error')
  }
  const redeemed = await redeemCode(deps, {
    code: body.code,
    codeVerifier: null,
    redirectUri: deps.hubspot.redirectUri,
  })
  if (!redeemed.ok) return err(redeemed.error)
  const { tokens, portal } = redeemed.value

  const id = randomUUID()
  const claimToken = randomToken()
  const now = deps.clock.now()
  const [row] = await deps.db
    .insert(pendingInstalls)
    .values({
      id,
      claimHash: sha256(claimToken),
      hubId: portal.hubId,
      hubDomain: portal.hubDomain,
      grantedScopes: portal.scopes,
      accessToken: deps.cipher.seal(tokens.accessToken, pendingInstallContext(id, 'access_token')),
      refreshToken: deps.cipher.seal(tokens.refreshToken, pendingInstallContext(id, 'refresh_token')),
      tokenExpiresAt: new Date(now.getTime() + tokens.expiresInSeconds * 1000),
      expiresAt: new Date(now.getTime() + PENDING_INSTALL_TTL_MS),
    })
    .returning()
  if (!row) throw new Error('pending install insert returned no row')
  deps.logger.info({ pendingInstallId: id, hubId: portal.hubId }, 'hubspot install waiting to be claimed')
  return ok({ claimToken, row })
}
