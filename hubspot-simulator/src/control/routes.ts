import type { Context, Hono } from 'hono'
import { faultRuleSchema } from '../faults'
import { hubspotError } from '../http/hubspot-error'
import type { SimEnv } from '../http/sim-env'
import { controlPrefix, countRequests, filterRequestLog } from '../request-log'
import { settingsPatchSchema } from '../settings'
import type { SimState } from '../state/sim-state'
import type { SimulatorControl } from './create-control'
import { registerCrmControlRoutes } from './crm-routes'
import { parseJson } from './parse-json'
import { advanceClockSchema, expireTokensSchema, grantedScopesSchema, portalIdParamSchema } from './schemas'

/** /_simulator/*: JSON control API for e2e and manual runs. Never faulted, never logged. */
export function registerControlRoutes(app: Hono<SimEnv>, state: SimState, control: SimulatorControl): void {
  const p = controlPrefix

  app.get(`${p}/apps`, (c) => c.json(state.apps))
  app.get(`${p}/portals`, (c) => c.json(state.portals))
  app.get(`${p}/installs`, (c) => c.json([...state.installs.values()]))
  app.get(`${p}/settings`, (c) => c.json(state.settings))
  app.get(`${p}/clock`, (c) => c.json({ now: state.clock.now(), iso: new Date(state.clock.now()).toISOString() }))
  app.get(`${p}/issued-tokens`, (c) => c.json(control.issuedTokens()))
  app.get(`${p}/requests`, (c) => {
    const requests = filterRequestLog(state.requestLog, c.req.query('pathPrefix'))
    return c.json({ total: requests.length, counts: countRequests(requests), requests })
  })

  app.post(`${p}/clock/advance`, async (c) => {
    const body = await parseJson(c, advanceClockSchema)
    if (!body.ok) return body.error
    control.advanceClock(body.value.ms)
    return c.json({ now: state.clock.now(), iso: new Date(state.clock.now()).toISOString() })
  })

  app.post(`${p}/tokens/expire`, async (c) => {
    const body = await parseJson(c, expireTokensSchema)
    if (!body.ok) return body.error
    return c.json({ expired: control.expireAccessTokens(body.value) })
  })

  app.post(`${p}/installs/:portalId/revoke`, (c) => {
    const portalId = portalIdParamSchema.safeParse(c.req.param('portalId'))
    if (!portalId.success || !control.revokeInstall(portalId.data)) return noInstall(c)
    return c.json({ revoked: true })
  })

  app.put(`${p}/installs/:portalId/scopes`, async (c) => {
    const body = await parseJson(c, grantedScopesSchema)
    if (!body.ok) return body.error
    const portalId = portalIdParamSchema.safeParse(c.req.param('portalId'))
    if (!portalId.success || !control.setGrantedScopes(portalId.data, body.value.scopes)) return noInstall(c)
    return c.json({ scopes: body.value.scopes })
  })

  app.post(`${p}/portals/:portalId/private-app-token/rotate`, (c) => {
    const portalId = portalIdParamSchema.safeParse(c.req.param('portalId'))
    const token = portalId.success ? control.rotatePrivateAppToken(portalId.data) : undefined
    if (!token) return hubspotError(c, 404, { message: 'No such portal', category: 'OBJECT_NOT_FOUND' })
    return c.json({ privateAppToken: token })
  })

  app.post(`${p}/faults`, async (c) => {
    const body = await parseJson(c, faultRuleSchema)
    if (!body.ok) return body.error
    control.failNext(body.value)
    return c.json({ pending: state.faults })
  })

  app.delete(`${p}/faults`, (c) => {
    control.clearFaults()
    return c.json({ pending: state.faults })
  })

  app.patch(`${p}/settings`, async (c) => {
    const body = await parseJson(c, settingsPatchSchema)
    if (!body.ok) return body.error
    control.updateSettings(body.value)
    return c.json(state.settings)
  })

  registerCrmControlRoutes(app, control)

  app.post(`${p}/reset`, (c) => {
    control.reset()
    return c.json({ reset: true })
  })
}

function noInstall(c: Context<SimEnv>): Response {
  return hubspotError(c, 404, { message: 'No install of any app in that portal', category: 'OBJECT_NOT_FOUND' })
}
