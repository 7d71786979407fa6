import { serve } from '@hono/node-server'
import { z } from 'zod'
import { createSimulator } from './index'

const envSchema = z.object({
  SIMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(4010),
  SIMULATOR_SEED: z.string().min(1).default('churnlens'),
  SIMULATOR_REDIRECT_URIS: z
    .string()
    .optional()
    .transform((value) => value?.split(',').map((uri) => uri.trim()).filter(Boolean))
    .pipe(z.array(z.url()).min(1).optional()),
  SIMULATOR_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().optional(),
})

const parsed = envSchema.safeParse(process.env)
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`hubspot-simulator: ${issue.path.join('.')}: ${issue.message}`)
  process.exit(1)
}
const env = parsed.data

const simulator = createSimulator({
  seed: env.SIMULATOR_SEED,
  ...(env.SIMULATOR_REDIRECT_URIS ? { redirectUris: env.SIMULATOR_REDIRECT_URIS } : {}),
  ...(env.SIMULATOR_ACCESS_TOKEN_TTL_SECONDS ? { settings: { accessTokenTtlSeconds: env.SIMULATOR_ACCESS_TOKEN_TTL_SECONDS } } : {}),
})

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
