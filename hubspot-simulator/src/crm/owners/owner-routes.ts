import type { Context, Hono } from 'hono'
import { hasScopes, missingScopes } from '../../api/require-scopes'
import { hubspotError } from '../../http/hubspot-error'
import type { SimEnv } from '../../http/sim-env'
import type { SimState } from '../../state/sim-state'
import { decodeCursor, encodeCursor } from '../api/list-cursor'
import { portalCrmOf } from '../portal-crm-of'
import type { SimOwner } from './sim-owner'

/** HubSpot accepts either: `automation` is the legacy scope (SPEC/owners, facts file § F). */
const ownerScopes = ['crm.objects.owners.read', 'automation']
/** The spec names no maximum; third parties report 500. */
const maxLimit = 500

/** The public shape: deactivated owners keep `userIdIncludingInactive` only. */
function toPublicOwner(owner: SimOwner) {
  return {
    id: owner.id,
    email: owner.email,
    type: 'PERSON',
    firstName: owner.firstName,
    lastName: owner.lastName,
    ...(owner.archived ? {} : { userId: owner.userId }),
    userIdIncludingInactive: owner.userId,
    createdAt: new Date(owner.createdAt).toISOString(),
    updatedAt: new Date(owner.updatedAt).toISOString(),
    archived: owner.archived,
    teams: [],
  }
}

function invalid(c: Context<SimEnv>, message: string): Response {
  return hubspotError(c, 400, { message, category: 'VALIDATION_ERROR' })
}

/** GET /crm/v3/owners (paged, `email` and `archived` filters) and GET /crm/v3/owners/{ownerId}. Bearer auth and rate limits come from /crm/*. */
export function registerOwnerRoutes(app: Hono<SimEnv>, state: SimState): void {
  app.get('/crm/v3/owners', (c) => {
    const auth = c.get('auth')
    if (!hasScopes(auth.scopes, ownerScopes, 'any')) return missingScopes(c, ownerScopes)
    const limitText = c.req.query('limit') ?? '100'
    const limit = Number(limitText)
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > maxLimit)
      return invalid(c, `limit must be between 1 and ${maxLimit}`)
    const after = c.req.query('after')
    const start = after === undefined ? 0 : decodeCursor(after)
    if (start === undefined) return invalid(c, `Invalid after cursor: ${after ?? ''}`)
    const archived = c.req.query('archived') === 'true'
    const email = c.req.query('email')?.toLowerCase()
    const matching = portalCrmOf(state, auth.portalId).owners.filter(
      (owner) => owner.archived === archived && (email === undefined || owner.email.toLowerCase() === email),
    )
    const page = matching.slice(start, start + limit)
    const next = start + limit < matching.length ? encodeCursor(String(start + limit)) : null
    return c.json({
      results: page.map(toPublicOwner),
      ...(next ? { paging: { next: { after: next, link: `?after=${next}` } } } : {}),
    })
  })

  app.get('/crm/v3/owners/:ownerId', (c) => {
    const auth = c.get('auth')
    if (!hasScopes(auth.scopes, ownerScopes, 'any')) return missingScopes(c, ownerScopes)
    const idProperty = c.req.query('idProperty') ?? 'id'
    if (idProperty !== 'id' && idProperty !== 'userId') return invalid(c, `Invalid idProperty: ${idProperty}`)
    const archived = c.req.query('archived') === 'true'
    const wanted = c.req.param('ownerId')
    const owner = portalCrmOf(state, auth.portalId).owners.find(
      (candidate) =>
        candidate.archived === archived && (idProperty === 'id' ? candidate.id : String(candidate.userId)) === wanted,
    )
    if (!owner) return hubspotError(c, 404, { message: `Owner ${wanted} not found`, category: 'OBJECT_NOT_FOUND' })
    return c.json(toPublicOwner(owner))
  })
}
