import type { App } from '../src/app'

/**
 * A minimal cookie-keeping client over `app.request()`, so integration tests exercise the real
 * session cookie the way a browser would (one agent = one browser).
 */
export class BrowserAgent {
  private cookies = new Map<string, string>()
  /** Each agent looks like its own machine behind the frontend's proxy. */
  readonly address = `10.${rand()}.${rand()}.${rand()}`

  constructor(private readonly app: App) {}

  async request(path: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', this.address)
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    if (init.json !== undefined) headers.set('content-type', 'application/json')
    const response = await this.app.request(`http://localhost${path}`, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
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

function rand(): number {
  return Math.floor(Math.random() * 254) + 1
}
