import type { Endpoint, EndpointArgs, EndpointErrorCode, EndpointResponse } from '@churnlens/contracts'
import { apiEndpoints, endpointErrorSchema, endpointUrl } from '@churnlens/contracts'
import type { App } from '../src/app'

export interface ErrorBody<E extends Endpoint> {
  error: { code: EndpointErrorCode<E> | 'server_error'; message: string; issues?: { path: string; message: string }[] }
}

export type CallResult<E extends Endpoint> =
  | { ok: true; status: number; body: EndpointResponse<E>; response: Response }
  | { ok: false; status: number; body: ErrorBody<E>; response: Response }

/** Either body, for assertions that look before they branch on success. */
export type AnswerBody<E extends Endpoint> = Partial<EndpointResponse<E>> & Partial<ErrorBody<E>>

/**
 * A minimal cookie-keeping client over `app.request()`, so integration tests exercise the real
 * session cookie the way a browser would (one agent = one browser). Every answer from an endpoint
 * defined in contracts/ is held to its definition: the success status and body schema, or an
 * error code from its list. A route that strays fails the test that met it.
 */
export class BrowserAgent {
  private cookies = new Map<string, string>()
  /** Each agent looks like its own machine behind the frontend's proxy. */
  readonly address = `10.${rand()}.${rand()}.${rand()}`

  constructor(private readonly app: App) {}

  /** Calls an endpoint through its definition, as the frontend's apiFetch does. */
  async call<E extends Endpoint>(endpoint: E, ...[input]: EndpointArgs<E>): Promise<CallResult<E>> {
    const url = endpointUrl(endpoint, input ?? {})
    // Every POST is JSON, as the frontend sends it, even without a body of its own.
    const json = input?.body ?? (endpoint.method === 'POST' ? {} : undefined)
    const response = await this.request(url, { method: endpoint.method, ...(json === undefined ? {} : { json }) })
    const { ok, body } = await readAgainst(endpoint, response)
    return { ok, status: response.status, body, response } as CallResult<E>
  }

  async request(path: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', this.address)
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    if (init.json !== undefined) headers.set('content-type', 'application/json')
    const method = init.method ?? (init.json === undefined ? 'GET' : 'POST')
    const response = await this.app.request(`http://localhost${path}`, {
      method,
      headers,
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const separator = pair.indexOf('=')
      const name = pair.slice(0, separator).trim()
      const value = pair.slice(separator + 1).trim()
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()))
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    const endpoint = endpointFor(method, path)
    if (endpoint) await readAgainst(endpoint, response.clone())
    return response
  }

  async json<T = unknown>(path: string, init: Parameters<BrowserAgent['request']>[1] = {}): Promise<{ status: number; body: T }> {
    const response = await this.request(path, init)
    const text = await response.text()
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
}

/** The endpoint a request reaches; a static path wins over a `:param` one, as route order makes it. */
function endpointFor(method: string, url: string): Endpoint | undefined {
  const segments = new URL(url, 'http://localhost').pathname.split('/')
  const matches = apiEndpoints.filter((e) => {
    const pattern = e.path.split('/')
    return e.method === method && pattern.length === segments.length && pattern.every((part, i) => part.startsWith(':') || part === segments[i])
  })
  return matches.sort((a, b) => a.path.split(':').length - b.path.split(':').length)[0]
}

/** Parses an answer with the endpoint's definition, and throws when the route answered outside it. */
async function readAgainst(endpoint: Endpoint, response: Response): Promise<{ ok: boolean; body: unknown }> {
  const where = `${endpoint.method} ${endpoint.path} answered ${response.status}`
  const text = await response.text()
  if (response.status >= 400) {
    const parsed = endpointErrorSchema(endpoint).safeParse(text ? JSON.parse(text) : null)
    if (!parsed.success) throw new Error(`${where} outside its contract: ${text} (${parsed.error.message})`)
    return { ok: false, body: parsed.data }
  }
  if (response.status !== (endpoint.status ?? 200)) throw new Error(`${where}, its contract says ${endpoint.status ?? 200}`)
  const raw = endpoint.contentType ? text : text ? JSON.parse(text) : undefined
  if (endpoint.contentType && !response.headers.get('content-type')?.startsWith(endpoint.contentType)) {
    throw new Error(`${where} as ${response.headers.get('content-type')}, its contract says ${endpoint.contentType}`)
  }
  const parsed = endpoint.response.safeParse(raw)
  if (!parsed.success) throw new Error(`${where} with a body outside its contract: ${parsed.error.message}`)
  return { ok: true, body: parsed.data }
}

function rand(): number {
  return Math.floor(Math.random() * 254) + 1
}
