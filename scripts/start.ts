/**
 * `npm start`: the whole product on one machine with no configuration. Starts the HubSpot
 * simulator (unless HUBSPOT_CLIENT_ID points us at real HubSpot), the backend and the frontend,
 * builds the frontend first when its sources changed, prints the URL to open, and stops
 * everything on Ctrl-C. Ports: FRONTEND_PORT (3000), BACKEND_PORT (3001), SIMULATOR_PORT (4010),
 * MAIL_CATCHER_PORT (3025, the development mail catcher's SMTP port, unless SMTP_URL is set).
 */
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const env = process.env
const frontendPort = Number(env.FRONTEND_PORT ?? 3000)
const backendPort = Number(env.BACKEND_PORT ?? 3001)
const simulatorPort = Number(env.SIMULATOR_PORT ?? 4010)
// Without SMTP_URL the backend runs a mail catcher here and shows what it caught at /dev/mail.
const mailCatcherPort = Number(env.MAIL_CATCHER_PORT ?? 3025)
const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${frontendPort}`).replace(/\/+$/, '')
const useSimulator = !env.HUBSPOT_CLIENT_ID
const simulatorUrl = `http://127.0.0.1:${simulatorPort}`
const children: { name: string; child: ChildProcess }[] = []
let stopping = false

const colors: Record<string, string> = { simulator: '35', backend: '36', frontend: '32', build: '33' }
function prefixed(name: string, stream: NodeJS.ReadableStream, out: NodeJS.WritableStream) {
  let buffer = ''
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    const lines = buffer.split('\n')
    buffer = lines.pop() ?? ''
    for (const line of lines) out.write(`\x1b[${colors[name] ?? '0'}m[${name}]\x1b[0m ${line}\n`)
  })
}

function run(name: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? root,
    env: { ...env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  prefixed(name, child.stdout!, process.stdout)
  prefixed(name, child.stderr!, process.stderr)
  return child
}

function service(name: string, args: string[], options: Parameters<typeof run>[2] = {}) {
  const child = run(name, args, options)
  children.push({ name, child })
  child.on('exit', (code, signal) => {
    if (stopping) return
    console.error(`[${name}] exited (${signal ?? code}); stopping everything`)
    void stop(1)
  })
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue
    newest = Math.max(newest, newestMtime(join(path, entry)))
  }
  return newest
}

async function buildFrontendIfStale() {
  const output = join(root, 'frontend/.output/server/index.mjs')
  const sources = [
    'frontend/app',
    'frontend/server',
    'frontend/nuxt.config.ts',
    'contracts/src',
    'package-lock.json',
  ].map((p) => newestMtime(join(root, p)))
  if (existsSync(output) && statSync(output).mtimeMs > Math.max(...sources)) return
  console.log('Building the frontend (first start, or its sources changed)…')
  // Nuxt's CLI through the installed bin link, run on this same Node (22).
  const nuxt = [join(root, 'frontend/node_modules/.bin/nuxt'), join(root, 'node_modules/.bin/nuxt')].find((p) =>
    existsSync(p),
  )
  if (!nuxt) throw new Error('nuxt is not installed: run npm install')
  const build = run('build', [nuxt, 'build'], { cwd: join(root, 'frontend'), env: { NUXT_TELEMETRY_DISABLED: '1' } })
  const code = await new Promise<number | null>((resolve) => build.on('exit', resolve))
  if (code !== 0) throw new Error(`frontend build failed (exit ${code})`)
}

async function waitFor(url: string, name: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (stopping) return
    try {
      const res = await fetch(url)
      if (res.status < 500) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${name} did not come up at ${url}`)
}

async function stop(code: number) {
  if (stopping) return
  stopping = true
  for (const { child } of children) child.kill('SIGTERM')
  await Promise.all(
    children.map(({ child }) => (child.exitCode !== null ? null : new Promise((r) => child.on('exit', r)))),
  )
  process.exit(code)
}
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))

try {
  const tsx = ['--import', 'tsx']
  if (useSimulator) {
    service('simulator', [...tsx, 'hubspot-simulator/src/main.ts'], {
      env: {
        SIMULATOR_PORT: String(simulatorPort),
        SIMULATOR_REDIRECT_URIS: `${publicUrl}/oauth/hubspot/callback`,
        SIMULATOR_WEBHOOK_TARGET_URL: `${publicUrl}/api/v1/webhooks/hubspot`,
      },
    })
  }
  await buildFrontendIfStale()
  service('backend', [...tsx, 'backend/src/main.ts'], {
    env: {
      // A local start is development (its generated secrets included) unless said otherwise.
      NODE_ENV: env.NODE_ENV ?? 'development',
      PORT: String(backendPort),
      PUBLIC_URL: publicUrl,
      // The backend sits behind the frontend's proxy on this host, which forwards the client's address.
      TRUST_PROXY: 'true',
      MAIL_CATCHER_PORT: String(mailCatcherPort),
      ...(useSimulator ? { HUBSPOT_SIMULATOR_URL: simulatorUrl } : {}),
    },
  })
  service('frontend', ['.output/server/index.mjs'], {
    cwd: join(root, 'frontend'),
    env: {
      PORT: String(frontendPort),
      NUXT_BACKEND_URL: `http://127.0.0.1:${backendPort}`,
      // Proxies in front of the frontend (a TLS terminator, a load balancer) whose X-Forwarded-For is believed.
      NUXT_TRUSTED_PROXIES: env.TRUSTED_PROXIES ?? '',
    },
  })
  await waitFor(`http://127.0.0.1:${backendPort}/healthz`, 'backend')
  await waitFor(`http://127.0.0.1:${frontendPort}/`, 'frontend')
  console.log(
    `\n  Churnlens is running: open ${publicUrl}\n  ${useSimulator ? `HubSpot simulator: ${simulatorUrl}` : 'Using real HubSpot'}\n  ${env.SMTP_URL ? 'Mail goes out over SMTP_URL' : `Mail is caught locally: ${publicUrl}/dev/mail`}\n  Press Ctrl-C to stop.\n`,
  )
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  await stop(1)
}
