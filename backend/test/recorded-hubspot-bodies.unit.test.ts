import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { processAccountDetails } from '../src/integrations/hubspot/account/get-account-details'
import { decideRetry } from '../src/integrations/hubspot/client/retry-policy'
import { processBatchRead } from '../src/integrations/hubspot/crm/batch-read-objects'
import { processPropertyCreation } from '../src/integrations/hubspot/crm/create-company-property'
import { crmObjectSchema } from '../src/integrations/hubspot/crm/crm-schemas'
import { processListPage } from '../src/integrations/hubspot/crm/list-objects'
import { processCompanyAssociations } from '../src/integrations/hubspot/crm/read-company-associations'
import { processSearchPage } from '../src/integrations/hubspot/crm/search-objects'
import { processIntrospectResponse } from '../src/integrations/hubspot/oauth/introspect-token'
import { interpretOAuthError } from '../src/integrations/hubspot/oauth/interpret-oauth-error'
import { processTokenResponse } from '../src/integrations/hubspot/oauth/token-grant'
import { webhookBatchSchema } from '../src/webhooks/webhook-event-schema'

/**
 * Real HubSpot bodies (recorded from live portals by other projects; ../shared/hubspot-recorded, never copied into
 * the repository) through the backend's own parsers: ids, nulls, totals, cursors and error codes must come out as
 * the raw body says. The expectations are read from the raw JSON here, independently of the parsers.
 */
const recordedDir = join(fileURLToPath(new URL('../..', import.meta.url)), '../shared/hubspot-recorded')
const present = existsSync(join(recordedDir, 'index.json'))
if (!present) console.warn(`no recorded HubSpot bodies at ${recordedDir}: recorded-body checks skipped`)

interface Recording {
  file: string
  httpStatus: number | null
  parse?: { parser: string; type?: string; expect?: string; grant?: 'authorization_code' | 'refresh_token' }
}
// Recorded bodies are arbitrary JSON; the test reads them as such and asserts shapes.
type Body = Record<string, unknown> & {
  results?: { id: string; properties: Record<string, string | null> }[]
  total?: number
  paging?: { next?: { after?: string } }
}

const recordings: Recording[] = present
  ? (JSON.parse(readFileSync(join(recordedDir, 'index.json'), 'utf8')) as Recording[])
  : []
const parsed = recordings.filter((recording) => recording.parse)
const read = (file: string) => JSON.parse(readFileSync(join(recordedDir, file), 'utf8')) as Body
const answer = (recording: Recording, body: unknown) =>
  new Response(JSON.stringify(body), {
    status: recording.httpStatus ?? 200,
    headers: { 'content-type': 'application/json' },
  })
const idsOf = (body: Body) => (body.results ?? []).map((result) => result.id)

describe.skipIf(!present)("real HubSpot bodies through the backend's parsers", () => {
  it('covers every parser step the index names', () => {
    expect(new Set(parsed.map((recording) => recording.parse?.parser))).toEqual(
      new Set([
        'crmObject',
        'listPage',
        'searchPage',
        'batchRead',
        'propertyCreate',
        'accountDetails',
        'apiError',
        'rateLimit',
        'oauthError',
        'tokenResponse',
        'introspect',
        'assocBatch',
        'webhookBatch',
      ]),
    )
  })

  it.each(parsed.map((recording) => [recording.file, recording] as const))('%s', async (_file, recording) => {
    const body = read(recording.file)
    const parse = recording.parse
    switch (parse?.parser) {
      case 'crmObject': {
        const object = crmObjectSchema.parse(body)
        expect(object.id).toBe(body.id)
        // Unset properties stay null, not "" or missing.
        expect(object.properties).toEqual(body.properties)
        break
      }
      case 'listPage': {
        const page = await processListPage(answer(recording, body))
        if (!page.ok) throw new Error(`list page rejected: ${page.error}`)
        expect(page.value.results.map((result) => result.id)).toEqual(idsOf(body))
        expect(page.value.results.map((result) => result.properties)).toEqual(body.results?.map((r) => r.properties))
        expect(page.value.paging?.next.after).toBe(body.paging?.next?.after)
        break
      }
      case 'searchPage': {
        const page = await processSearchPage(answer(recording, body))
        if (!page.ok) throw new Error(`search page rejected: ${page.error}`)
        expect(page.value.total).toBe(body.total)
        expect(page.value.results.map((result) => result.id)).toEqual(idsOf(body))
        expect(page.value.paging?.next.after).toBe(body.paging?.next?.after)
        break
      }
      case 'batchRead': {
        const batch = await processBatchRead(answer(recording, body))
        if (!batch.ok) throw new Error(`batch rejected: ${batch.error}`)
        expect(batch.value.map((object) => object.id)).toEqual(idsOf(body))
        break
      }
      case 'propertyCreate':
        expect(await processPropertyCreation(answer(recording, body))).toEqual({ ok: true, value: 'created' })
        break
      case 'accountDetails':
        expect(await processAccountDetails(answer(recording, body))).toEqual({
          ok: true,
          value: {
            portalId: body.portalId,
            timeZone: body.timeZone,
            currency: body.companyCurrency,
            dataHostingLocation: body.dataHostingLocation,
            uiDomain: body.uiDomain,
          },
        })
        break
      case 'apiError': {
        // The client decides on the status alone: 401 refreshes (OAuth) or asks to reconnect (API key) before any
        // parser sees it; 403 and 404 keep their meaning through the parsers.
        const status = (body.category as string).includes('AUTHENTICATION') ? 401 : recording.httpStatus
        const response = new Response(JSON.stringify(body), { status: status ?? 500 })
        if (parse.expect === 'forbidden' || parse.expect === 'not_found')
          expect(await processListPage(response)).toEqual({ ok: false, error: parse.expect })
        else expect(decideRetry({ status: 401, body, attempt: 1 })).toEqual({ action: 'accept' })
        break
      }
      case 'rateLimit': {
        const decision = decideRetry({ status: 429, body, attempt: 1, random: () => 0 })
        expect(decision.action).toBe('retry')
        break
      }
      case 'oauthError':
        expect(interpretOAuthError(recording.httpStatus ?? 400, body, parse.grant ?? 'refresh_token')).toBe(
          parse.expect,
        )
        break
      case 'tokenResponse': {
        const tokens = await processTokenResponse(answer(recording, body), parse.grant ?? 'authorization_code')
        expect(tokens).toMatchObject({
          ok: true,
          value: { expiresInSeconds: body.expires_in, hubId: body.hub_id ?? null, scopes: body.scopes ?? null },
        })
        break
      }
      case 'introspect':
        expect(await processIntrospectResponse(answer(recording, body))).toEqual({ ok: true, value: { active: false } })
        break
      case 'assocBatch': {
        // Companies by the v4 batch: a 207 listing only NO_ASSOCIATIONS_FOUND means none; numeric ids are read.
        const rows = (body.results ?? []) as unknown as { from: { id: string }; to: { toObjectId: number }[] }[]
        const companies = await processCompanyAssociations(answer(recording, body), 5)
        if (!companies.ok) throw new Error(`associations rejected: ${companies.error}`)
        expect([...companies.value.entries()]).toEqual(
          rows.map((row) => [String(row.from.id), Number(row.to[0]?.toObjectId)]),
        )
        break
      }
      case 'webhookBatch': {
        const events = webhookBatchSchema.parse(body)
        expect(events.map((event) => event.objectId)).toEqual(
          (body as unknown as { objectId: number }[]).map((event) => event.objectId),
        )
        break
      }
      default:
        throw new Error(`no parser step ${String(parse?.parser)} for ${recording.file}`)
    }
  })
})
