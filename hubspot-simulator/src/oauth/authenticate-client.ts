import type { Result } from '../result'
import { err, ok } from '../result'
import type { SimApp } from '../state/apps'
import { findAppByClientId } from '../state/apps'
import type { SimState } from '../state/sim-state'
import type { OAuthFailure } from './errors'

export function authenticateClient(
  state: SimState,
  clientId: string | undefined,
  clientSecret: string | undefined,
): Result<SimApp, OAuthFailure> {
  const app = findAppByClientId(state.apps, clientId)
  if (!app) return err({ code: 'BAD_CLIENT_ID' })
  if (clientSecret !== app.clientSecret) return err({ code: 'BAD_CLIENT_SECRET' })
  return ok(app)
}
