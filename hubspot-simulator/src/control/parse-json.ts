import type { Context } from 'hono'
import type { z } from 'zod'
import { hubspotError } from '../http/hubspot-error'
import { readJsonBody } from '../http/read-json-body'
import type { SimEnv } from '../http/sim-env'
import type { Result } from '../result'
import { err, ok } from '../result'

/** Control bodies are strict zod schemas; a bad body is a 400 VALIDATION_ERROR naming each problem. */
export async function parseJson<S extends z.ZodType>(
  c: Context<SimEnv>,
  schema: S,
): Promise<Result<z.infer<S>, Response>> {
  const json = await readJsonBody(c, { emptyAsObject: true, invalidJsonMessage: 'Request body is not valid JSON' })
  if (!json.ok) return json
  const parsed = schema.safeParse(json.value)
  if (parsed.success) return ok(parsed.data)
  return err(
    hubspotError(c, 400, {
      message: 'Invalid control request',
      category: 'VALIDATION_ERROR',
      errors: parsed.error.issues.map((issue) => ({
        message: issue.message,
        context: { path: [issue.path.join('.')] },
      })),
    }),
  )
}
