import type { Endpoint, EndpointArgs } from '@churnlens/contracts'
import { endpointUrl } from '@churnlens/contracts'
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { CallResult } from './browser-agent'
import { holdToContract, readAgainst } from './hold-to-contract'

const backendMain = fileURLToPath(new URL('../src/main.ts', import.meta.url))

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

export interface BackendProcess {
  url: string
  child: ChildProcess
  /** What the process wrote to stderr (warnings and errors), for failure messages. */
  stderr(): string
  stop(signal?: NodeJS.Signals): Promise<void>
}

/** A real backend process (the production entry point) on its own port, sharing one Postgres. */
export async function spawnBackend(env: Record<string, string>): Promise<BackendProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', backendMain], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      PUBLIC_URL: 'http://localhost:3000',
      // Each process its own mail catcher on a free port: several run at once, maybe beside a developer's own.
      MAIL_CATCHER_PORT: '0',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`backend exited during start: ${stderr.slice(-2000)}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`backend did not start: ${stderr.slice(-2000)}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    child,
    stderr: () => stderr,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill(signal)
      }),
  }
}

/**
 * A cookie-keeping HTTP client for one browser against real processes. Like BrowserAgent, it calls
 * endpoints through their definitions and holds every answer to its contract.
 */
export function httpAgent() {
  let cookie = ''
  const address = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`
  const agent = {
    async fetch(url: string, init: { method?: string; json?: unknown } = {}) {
      const method = init.method ?? (init.json === undefined ? 'GET' : 'POST')
      const res = await fetch(url, {
        method,
        headers: {
          'x-forwarded-for': address,
          ...(cookie ? { cookie } : {}),
          ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
      })
      const set = res.headers.getSetCookie()[0]
      if (set) cookie = set.split(';')[0] ?? ''
      await holdToContract(method, url, res)
      return res
    },
    /** Calls an endpoint of the backend at `baseUrl` through its definition. */
    async call<E extends Endpoint>(baseUrl: string, endpoint: E, ...[input]: EndpointArgs<E>): Promise<CallResult<E>> {
      const json = input?.body ?? (endpoint.method === 'POST' ? {} : undefined)
      const response = await agent.fetch(`${baseUrl}${endpointUrl(endpoint, input ?? {})}`, {
        method: endpoint.method,
        ...(json === undefined ? {} : { json }),
      })
      const { ok, body } = await readAgainst(endpoint, response.clone())
      return { ok, status: response.status, body, response } as CallResult<E>
    },
  }
  return agent
}
