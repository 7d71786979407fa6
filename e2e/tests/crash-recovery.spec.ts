import { expect, test } from '@playwright/test'
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ports } from '../playwright.config'

// HubSpot (the simulator) and the backend as processes of their own, so the backend alone can be
// killed while HubSpot keeps running, as it would. Ports next to the ones `npm start` uses here.
const root = fileURLToPath(new URL('../..', import.meta.url))
const simulatorUrl = `http://127.0.0.1:${ports.simulator + 20}`
const backendUrl = `http://127.0.0.1:${ports.backend + 20}`
const publicUrl = `http://localhost:${ports.frontend + 20}`
const dataDir = mkdtempSync(join(tmpdir(), 'churnlens-e2e-crash-'))
const secrets = {
  TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  SESSION_SECRET: randomBytes(32).toString('base64url'),
}
const children: ChildProcess[] = []

function start(entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, entry)], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  })
  children.push(child)
  return child
}
async function until(url: string) {
  await expect.poll(async () => (await fetch(url).catch(() => null))?.ok ?? false, { timeout: 90_000 }).toBe(true)
}
const startBackend = () =>
  start('backend/src/main.ts', {
    ...secrets,
    PORT: String(ports.backend + 20),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    HUBSPOT_SIMULATOR_URL: simulatorUrl,
    PUBLIC_URL: publicUrl,
  })

test.afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

test('the backend SIGKILLed at 60% of the first import: it moves again within 15 s of the restart, every company ends scored', async ({
  page,
}) => {
  test.setTimeout(300_000)
  start('hubspot-simulator/src/main.ts', {
    SIMULATOR_PORT: String(ports.simulator + 20),
    SIMULATOR_REDIRECT_URIS: `${publicUrl}/oauth/hubspot/callback`,
    SIMULATOR_WEBHOOK_TARGET_URL: `${backendUrl}/api/v1/webhooks/hubspot`,
  })
  await until(`${simulatorUrl}/_simulator/settings`)
  const portal = (await (
    await fetch(`${simulatorUrl}/_simulator/portals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ companies: 150, tickets: 3000, seed: 'e2e-crash' }),
    })
  ).json()) as { portalId: number }
  // HubSpot-like round trips, so the import takes long enough to be killed in the middle.
  await fetch(`${simulatorUrl}/_simulator/settings`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs: 150 }),
  })

  let backend = startBackend()
  await until(`${backendUrl}/healthz`)
  let cookie = ''
  const api = async <T>(path: string, json?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${backendUrl}${path}`, {
      method: json === undefined ? 'GET' : 'POST',
      headers: { ...(cookie ? { cookie } : {}), ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    })
    const set = res.headers.getSetCookie()[0]
    if (set) cookie = set.split(';')[0] ?? ''
    return { status: res.status, body: (await res.json()) as T }
  }
  expect(
    (await api('/api/v1/auth/signup', { email: 'crash@example.com', password: 'correct horse battery' })).status,
  ).toBe(201)
  const { body: authorize } = await api<{ url: string }>('/api/v1/integrations/hubspot/authorize')

  // The person on HubSpot's consent page, in the browser; HubSpot's redirect back is caught here.
  let callback: URL | null = null
  await page.route(`${publicUrl}/oauth/hubspot/callback**`, async (route) => {
    callback = new URL(route.request().url())
    await route.fulfill({ body: 'ok' })
  })
  await page.goto(authorize.url)
  await page.getByTestId(`portal-${portal.portalId}`).check()
  await page.getByRole('button', { name: 'Grant access' }).click()
  await expect.poll(() => callback !== null).toBe(true)
  const query = Object.fromEntries(callback!.searchParams)
  expect((await api('/api/v1/integrations/hubspot/callback', query)).status).toBe(200)

  type Sync = { sync: { phase: string; percent: number; recordsDone: number } | null }
  const progress = async () => (await api<Sync>('/api/v1/integrations/hubspot/sync')).body.sync
  await expect
    .poll(async () => (await progress())?.percent ?? 0, { timeout: 180_000, intervals: [250] })
    .toBeGreaterThanOrEqual(60)
  backend.kill('SIGKILL')
  await new Promise((resolve) => backend.once('exit', resolve))

  // While the backend is down, tickets are created and edited in HubSpot.
  for (const subject of ['Cannot log in', 'Invoice wrong', 'Thinking of cancelling']) {
    const created = (await (
      await fetch(`${simulatorUrl}/_simulator/portals/${portal.portalId}/records/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ properties: { subject, hs_pipeline: '0', hs_pipeline_stage: '1' } }),
      })
    ).json()) as { id: string }
    const edited = await fetch(`${simulatorUrl}/_simulator/portals/${portal.portalId}/records/tickets/${created.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { hs_ticket_priority: 'HIGH' } }),
    })
    expect(edited.ok).toBe(true)
  }

  const restartedAt = Date.now()
  backend = startBackend()
  await until(`${backendUrl}/healthz`)
  const upAt = Date.now()
  const atRestart = (await progress())!
  expect(atRestart.phase).toBe('initial_sync')
  await expect
    .poll(async () => (await progress())!.recordsDone, { timeout: 15_000, intervals: [250] })
    .toBeGreaterThan(atRestart.recordsDone)
  console.info(
    `import moved again ${Date.now() - upAt} ms after the backend answered, ${Date.now() - restartedAt} ms after it was started`,
  )

  await expect.poll(async () => (await progress())!.phase, { timeout: 240_000, intervals: [500] }).toBe('up_to_date')
  const stats = (await (await fetch(`${simulatorUrl}/_simulator/portals/${portal.portalId}/stats`)).json()) as {
    companies: number
    tickets: number
  }
  type Summary = { totals: { companies: number; scored: number; tickets: number } }
  await expect
    .poll(async () => (await api<Summary>('/api/v1/churn/summary')).body.totals, { timeout: 60_000, intervals: [500] })
    .toEqual({ companies: stats.companies, scored: stats.companies, tickets: stats.tickets })
})
