import type { Endpoint } from '@churnlens/contracts'
import { apiEndpoints, endpointErrorSchema } from '@churnlens/contracts'

/** The endpoint a request reaches; a static path wins over a `:param` one, as route order makes it. */
export function endpointFor(method: string, url: string): Endpoint | undefined {
  const segments = new URL(url, 'http://localhost').pathname.split('/')
  const matches = apiEndpoints.filter((e) => {
    const pattern = e.path.split('/')
    return (
      e.method === method &&
      pattern.length === segments.length &&
      pattern.every((part, i) => part.startsWith(':') || part === segments[i])
    )
  })
  return matches.sort((a, b) => a.path.split(':').length - b.path.split(':').length)[0]
}

/** Parses an answer with the endpoint's definition, and throws when the route answered outside it. */
export async function readAgainst(endpoint: Endpoint, response: Response): Promise<{ ok: boolean; body: unknown }> {
  const where = `${endpoint.method} ${endpoint.path} answered ${response.status}`
  const text = await response.text()
  if (response.status >= 400) {
    const parsed = endpointErrorSchema(endpoint).safeParse(text ? JSON.parse(text) : null)
    if (!parsed.success) throw new Error(`${where} outside its contract: ${text} (${parsed.error.message})`)
    return { ok: false, body: parsed.data }
  }
  if (response.status !== (endpoint.status ?? 200))
    throw new Error(`${where}, its contract says ${endpoint.status ?? 200}`)
  const raw = endpoint.contentType ? text : text ? JSON.parse(text) : undefined
  if (endpoint.contentType && !response.headers.get('content-type')?.startsWith(endpoint.contentType)) {
    throw new Error(`${where} as ${response.headers.get('content-type')}, its contract says ${endpoint.contentType}`)
  }
  const parsed = endpoint.response.safeParse(raw)
  if (!parsed.success) throw new Error(`${where} with a body outside its contract: ${parsed.error.message}`)
  return { ok: true, body: parsed.data }
}

/** Checks an answer against the endpoint its method and path reach, if one is defined; the response stays unread. */
export async function holdToContract(method: string, url: string, response: Response): Promise<void> {
  const endpoint = endpointFor(method, url)
  if (endpoint) await readAgainst(endpoint, response.clone())
}
