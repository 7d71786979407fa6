import { ownersApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { reply, route } from '../http/route'
import { listOwners } from './list-owners'
import { setOwnerMatch } from './set-owner-match'

/** Settings → Owners: the portal's owners and which one the signed-in member is. */
export function ownerRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  route(app, ownersApi.list, async (c, { session }) => reply(c, ownersApi.list, await listOwners(deps.db, session)))

  route(app, ownersApi.setMyMatch, async (c, { session, body }) => {
    await setOwnerMatch(deps.db, session, body, deps.clock.now())
    const { me } = await listOwners(deps.db, session)
    return reply(c, ownersApi.setMyMatch, me)
  })

  return app
}
