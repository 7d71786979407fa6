import type { FormParams } from '../http/read-form'
import type { Result } from '../result'
import { err, ok } from '../result'
import { findInstall } from '../state/installs'
import { issueAccessToken, issueRefreshToken } from '../state/issue-tokens'
import type { SimState } from '../state/sim-state'
import { authenticateClient } from './authenticate-client'
import type { OAuthFailure } from './errors'
import { verifyS256 } from './pkce'
import type { TokenResponse } from './token-response'
import { tokenResponse } from './token-response'

/** grant_type=authorization_code. A failed attempt leaves the code usable; only success spends it. */
export function exchangeCode(
  state: SimState,
  params: FormParams,
  endpoint: 'v1' | 'current',
): Result<TokenResponse, OAuthFailure> {
  const client = authenticateClient(state, params.client_id, params.client_secret)
  if (!client.ok) return client

  const code = params.code === undefined ? undefined : state.codes.get(params.code)
  if (!code || code.used || code.clientId !== client.value.clientId) return err({ code: 'BAD_AUTH_CODE' })
  if (state.clock.now() >= code.expiresAt) return err({ code: 'EXPIRED_AUTH_CODE' })
  if (params.redirect_uri !== code.redirectUri) return err({ code: 'BAD_REDIRECT_URI' })
  if (code.codeChallenge !== undefined && !verifyS256(params.code_verifier, code.codeChallenge))
    return err({ code: 'BAD_AUTH_CODE' })

  const install = findInstall(state.installs, code.appId, code.portalId)
  // Uninstalled (or re-installed from scratch) between consent and exchange.
  if (install?.id !== code.installId) return err({ code: 'BAD_AUTH_CODE' })

  code.used = true
  const refresh = issueRefreshToken(state, install, client.value.clientId)
  const access = issueAccessToken(state, install)
  return ok(tokenResponse(state, install, { refreshToken: refresh.token, accessToken: access.token }, endpoint))
}
