import { optionalScopes, requiredScopes } from '@churnlens/contracts'
import { createHash } from 'node:crypto'
import type { AppDeps, SessionInfo } from '../../app-deps'
import { randomToken, sha256 } from '../../crypto/random-token'
import { oauthStates } from '../../db/schema'

export const STATE_TTL_MS = 10 * 60 * 1000

type Deps = Pick<AppDeps, 'db' | 'cipher' | 'hubspot' | 'clock'>

/**
 * Makes a single-use, 10-minute `state` (256 bits; only its hash is stored) bound to this session
 * and workspace, and a PKCE S256 verifier (sealed at rest), then builds HubSpot's authorize URL.
 */
export async function startAuthorization(
  deps: Deps,
  session: SessionInfo,
  options: { allowPortalSwitch?: boolean } = {},
): Promise<string> {
  const state = randomToken()
  const stateHash = sha256(state)
  const verifier = randomToken()
  const now = deps.clock.now()
  await deps.db.insert(oauthStates).values({
    stateHash,
    workspaceId: session.workspaceId,
    userId: session.userId,
    sessionId: session.id,
    codeVerifier: deps.cipher.seal(verifier, { table: 'oauth_states', rowId: stateHash, column: 'code_verifier' }),
    redirectUri: deps.hubspot.redirectUri,
    allowPortalSwitch: options.allowPortalSwitch ?? false,
    expiresAt: new Date(now.getTime() + STATE_TTL_MS),
  })
  const url = new URL(deps.hubspot.authorizeUrl)
  url.searchParams.set('client_id', deps.hubspot.clientId)
  url.searchParams.set('redirect_uri', deps.hubspot.redirectUri)
  url.searchParams.set('scope', requiredScopes.join(' '))
  if (optionalScopes.length > 0) url.searchParams.set('optional_scope', optionalScopes.join(' '))
  url.searchParams.set('state', state)
  url.searchParams.set('code_challenge', createHash('sha256').update(verifier).digest('base64url'))
  url.searchParams.set('code_challenge_method', 'S256')
  return url.toString()
}
