import type { Context } from 'hono'
import type { z } from 'zod'
import { hubspotError } from '../http/hubspot-error'
import { readJsonBody } from '../http/read-json-body'
import type { SimEnv } from '../http/sim-env'
import type { Result } from '../result'
import { err, ok } from '../result'

/** JSON body through a zod schema; failures are HubSpot's 400 VALIDATION_ERROR naming each problem. */
export async function parseWebhookBody<S extends z.ZodType>(
  c: Context<SimEnv>,
  schema: S,
): Promise<Result<z.output<S>, Response>> {
  const json = await readJsonBody(c, {
    emptyAsObject: true,
    invalidJsonMessage: 'Invalid input JSON: the request body is not valid JSON',
  })
  if (!json.ok) return json
  const parsed = schema.safeParse(json.value)
  if (parsed.success) return ok(parsed.data)
  return err(
    hubspotError(c, 400, {
      message: `Invalid input: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
      category: 'VALIDATION_ERROR',
      errors: parsed.error.issues.map((issue) => ({
        message: issue.message,
        context: { path: [issue.path.join('.')] },
      })),
    }),
  )
}
