import { serve } from '@hono/node-server'
import { z } from 'zod'
import { createSimulator } from './index'

const envSchema = z.object({
  SIMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(4010),
  SIMULATOR_SEED: z.string().min(1).default('churnlens'),
  SIMULATOR_REDIRECT_URIS: z
    .string()
    .optional()
    .transform((value) =>
      value
        ?.split(',')
        .map((uri) => uri.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url()).min(1).optional()),
  SIMULATOR_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().optional(),
  /** Where the default app's webhooks go (npm start points it at the frontend's /api proxy). */
  SIMULATOR_WEBHOOK_TARGET_URL: z.url().optional(),
})

// What a Churnlens app subscribes to in HubSpot's app settings (see the root README).
const defaultSubscriptions = [
  ...['creation', 'deletion', 'merge', 'restore', 'associationChange'].flatMap((action) =>
    ['ticket', 'company', 'contact'].map((object) => ({ eventType: `${object}.${action}`, active: true })),
  ),
  ...['subject', 'content', 'hs_pipeline_stage', 'hs_ticket_priority', 'hs_ticket_category'].map((propertyName) => ({
    eventType: 'ticket.propertyChange',
    propertyName,
    active: true,
  })),
  ...['name', 'domain'].map((propertyName) => ({ eventType: 'company.propertyChange', propertyName, active: true })),
]

const parsed = envSchema.safeParse(process.env)
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`hubspot-simulator: ${issue.path.join('.')}: ${issue.message}`)
  process.exit(1)
}
const env = parsed.data

const simulator = createSimulator({
  seed: env.SIMULATOR_SEED,
  ...(env.SIMULATOR_REDIRECT_URIS ? { redirectUris: env.SIMULATOR_REDIRECT_URIS } : {}),
  ...(env.SIMULATOR_ACCESS_TOKEN_TTL_SECONDS
    ? { settings: { accessTokenTtlSeconds: env.SIMULATOR_ACCESS_TOKEN_TTL_SECONDS } }
    : {}),
})

if (env.SIMULATOR_WEBHOOK_TARGET_URL) {
  for (const app of simulator.apps)
    simulator.webhooks.configure(app.appId, {
      targetUrl: env.SIMULATOR_WEBHOOK_TARGET_URL,
      subscriptions: defaultSubscriptions,
    })
}

const server = serve({ fetch: simulator.app.fetch, port: env.SIMULATOR_PORT, hostname: '127.0.0.1' }, (info) => {
  console.log(`HubSpot simulator listening on http://127.0.0.1:${info.port} (seed "${env.SIMULATOR_SEED}")`)
})

function shutdown(): void {
  server.close(() => process.exit(0))
  // Keep-alive connections can hold close() open; don't let them block a clean exit.
  setTimeout(() => process.exit(0), 2000).unref()
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
