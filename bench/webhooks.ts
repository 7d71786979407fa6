/**
 * `npm run bench:webhooks`: how fast the webhook endpoint acknowledges HubSpot's batches of 100
 * events on Postgres (signature check, parse, one inbox insert), as events/s and the p50/p99
 * acknowledgement latency, against a baseline measured in the same run: a handler that only
 * reads the body and answers 200. HubSpot retries anything slower than 5 s; the goal is < 200 ms.
 */
import { Hono } from 'hono'
import { signatureV3 } from '../backend/src/webhooks/verify-hubspot-signature'
import { createTestContext } from '../backend/test/test-context'
import { ms, percentile } from './percentiles'

process.env.TEST_DB = 'postgres'
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test'

const ctx = await createTestContext()
const path = '/api/v1/webhooks/hubspot'
let eventId = 1

function batch(): string {
  const now = ctx.clock.now().getTime()
  return JSON.stringify(
    Array.from({ length: 100 }, (_, i) => ({
      eventId: eventId++,
      subscriptionId: 11,
      portalId: 2000001,
      appId: 1,
      occurredAt: now - i,
      subscriptionType: i % 3 === 0 ? 'ticket.creation' : 'ticket.propertyChange',
      attemptNumber: 0,
      objectId: 100_000 + i,
      propertyName: 'hs_pipeline_stage',
      propertyValue: '2',
      changeSource: 'CRM',
    })),
  )
}

type Handler = (request: Request) => Response | Promise<Response>
async function run(label: string, handler: Handler, batches: number, concurrency: number) {
  const bodies = Array.from({ length: batches }, batch)
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!
        const timestamp = String(ctx.clock.now().getTime())
        const signature = signatureV3(
          ctx.deps.hubspot.clientSecret,
          'POST',
          `http://localhost:3000${path}`,
          body,
          timestamp,
        )
        const t0 = performance.now()
        const res = await handler(
          new Request(`http://127.0.0.1:3001${path}`, {
            method: 'POST',
            body,
            headers: {
              'content-type': 'application/json',
              'x-hubspot-signature-v3': signature,
              'x-hubspot-request-timestamp': timestamp,
            },
          }),
        )
        latencies.push(performance.now() - t0)
        if (res.status !== 200) throw new Error(`${label}: answered ${res.status}`)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  return {
    label,
    eventsPerSecond: (batches * 100) / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  }
}

const baselineApp = new Hono().post(path, async (c) => {
  await c.req.text()
  return c.body(null, 200)
})

console.log('\nWebhook acknowledgement, batches of 100 events, Postgres')
for (const concurrency of [1, 10]) {
  const baseline = await run('baseline (read body, 200)', (r) => baselineApp.fetch(r), 200, concurrency)
  const ours = await run('churnlens (verify v3, parse, inbox insert)', (r) => ctx.app.fetch(r), 200, concurrency)
  console.log(`  ${concurrency} in flight:`)
  for (const r of [baseline, ours])
    console.log(
      `    ${r.label.padEnd(44)} ${r.eventsPerSecond.toFixed(0).padStart(7)} events/s   p50 ${ms(r.p50)}   p99 ${ms(r.p99)}`,
    )
  console.log(`    added p99 over baseline: ${ms(ours.p99 - baseline.p99)} (goal: acknowledge within 200 ms)`)
}
await ctx.close()
process.exit(0)
