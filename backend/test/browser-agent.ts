import type { EdgeErrorCode, Endpoint, EndpointArgs, EndpointErrorCode, EndpointResponse } from '@churnlens/contracts'
import { endpointUrl } from '@churnlens/contracts'
import type { App } from '../src/app'
import { holdToContract, readAgainst } from './hold-to-contract'

export interface ErrorBody<E extends Endpoint> {
  error: { code: EndpointErrorCode<E> | EdgeErrorCode; message: string; issues?: { path: string; message: string }[] }
}

export type CallResult<E extends Endpoint> =
  | { ok: true; status: number; body: EndpointResponse<E>; response: Response }
  | { ok: false; status: number; body: ErrorBody<E>; response: Response }

/** Either body, for assertions that look before they branch on success. */
export type AnswerBody<E extends Endpoint> = Partial<EndpointResponse<E>> & Partial<ErrorBody<E>>

/** The bindings @hono/node-server gives a request, as far as the client address reads them. */
export const loopbackPeer = {
  incoming: { socket: { remoteAddress: '127.0.0.1', remotePort: 50000, remoteFamily: 'IPv4' } },
}

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
    const { ok, body } = await readAgainst(endpoint, response.clone())
    return { ok, status: response.status, body, response } as CallResult<E>
  }

  async request(
    path: string,
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers = new Headers(init.headers)
    if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', this.address)
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    if (init.json !== undefined) headers.set('content-type', 'application/json')
    const method = init.method ?? (init.json === undefined ? 'GET' : 'POST')
    const response = await this.app.request(
      `http://localhost${path}`,
      { method, headers, ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }) },
      // As the frontend's proxy on this host calls the backend: from loopback, the client's address forwarded.
      loopbackPeer,
    )
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const separator = pair.indexOf('=')
      const name = pair.slice(0, separator).trim()
      const value = pair.slice(separator + 1).trim()
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()))
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    await holdToContract(method, path, response)
    return response
  }

  async json<T = unknown>(
    path: string,
    init: Parameters<BrowserAgent['request']>[1] = {},
  ): Promise<{ status: number; body: T }> {
    const response = await this.request(path, init)
    const text = await response.text()
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
}

function rand(): number {
  return Math.floor(Math.random() * 254) + 1
}
