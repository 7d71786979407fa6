/**
 * The bench:sync baseline, run in its own process as our worker is: HubSpot's own Node client reading every company,
 * contact and ticket with getAll, one type after another. SIM_URL and TOKEN come from the parent; it prints one JSON
 * line: { records, seconds, error }.
 */
import { Client } from '@hubspot/api-client'

const client = new Client({
  accessToken: process.env.TOKEN ?? '',
  basePath: process.env.SIM_URL ?? '',
  numberOfApiCallRetries: 0,
})
const started = performance.now()
let records = 0
let error: string | null = null
try {
  records += (await client.crm.companies.getAll(100, undefined, ['name', 'domain'])).length
  records += (await client.crm.contacts.getAll(100, undefined, ['email'], undefined, ['companies'])).length
  records += (
    await client.crm.tickets.getAll(
      100,
      undefined,
      ['subject', 'content', 'hs_ticket_priority', 'hs_pipeline_stage'],
      undefined,
      ['companies'],
    )
  ).length
} catch (caught) {
  error = caught instanceof Error ? caught.message.slice(0, 200) : String(caught)
}
console.log(JSON.stringify({ records, seconds: (performance.now() - started) / 1000, error }))
