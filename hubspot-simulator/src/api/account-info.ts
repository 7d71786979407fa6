import type { Hono } from 'hono'
import type { SimEnv } from '../http/sim-env'
import type { SimState } from '../state/sim-state'
import { bearerAuth } from './bearer-auth'
import { appUiDomain } from '../ui-domain'

/** GET /account-info/v3/details: needs no particular scope, so it is how a private-app token gets validated. */
export function registerAccountInfo(app: Hono<SimEnv>, state: SimState): void {
  app.get('/account-info/v3/details', bearerAuth(state), (c) =>
    c.json({
      portalId: c.get('auth').portalId,
      accountType: 'STANDARD',
      timeZone: 'US/Eastern',
      companyCurrency: 'USD',
      additionalCurrencies: [],
      utcOffset: '-05:00',
      utcOffsetMilliseconds: -18_000_000,
      uiDomain: appUiDomain,
      dataHostingLocation: 'na1',
    }),
  )
}
