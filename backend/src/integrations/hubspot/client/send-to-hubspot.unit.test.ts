import { describe, expect, it } from 'vitest'
import { createLogger } from '../../../http/create-logger'
import { sendToHubspot } from './send-to-hubspot'

function capture() {
  const lines: Record<string, unknown>[] = []
  return { lines, logger: createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) }) }
}

const request = () =>
  new Request('https://api.hubapi.com/crm/v3/objects/tickets/search', {
    method: 'POST',
    headers: { authorization: 'Bearer secret-token' },
  })

describe('sending a request to HubSpot', () => {
  it('answers the response as it came, and logs nothing', async () => {
    const { lines, logger } = capture()
    const sent = await sendToHubspot({ fetch: async () => new Response('{}', { status: 503 }), logger }, request())
    expect(sent.ok && sent.value.status).toBe(503)
    expect(lines).toEqual([])
  })

  it("turns a dropped connection into a value and logs its cause once, without the request's path or headers", async () => {
    const { lines, logger } = capture()
    const cause = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:443') })
    const sent = await sendToHubspot(
      {
        fetch: async () => {
          throw cause
        },
        logger,
      },
      request(),
    )
    expect(sent).toEqual({ ok: false, error: { kind: 'network', cause } })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({
      level: 40,
      kind: 'network',
      method: 'POST',
      host: 'api.hubapi.com',
      err: { message: 'fetch failed: connect ECONNREFUSED 127.0.0.1:443' },
    })
    expect(JSON.stringify(lines)).not.toMatch(/secret-token|search/)
  })

  it('calls a request that outlives its timeout a timeout', async () => {
    const { lines, logger } = capture()
    const hang: typeof fetch = (_input, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))
    const sent = await sendToHubspot({ fetch: hang, logger }, request(), 10)
    expect(!sent.ok && sent.error.kind).toBe('timeout')
    expect(lines[0]).toMatchObject({ kind: 'timeout' })
  })
})
