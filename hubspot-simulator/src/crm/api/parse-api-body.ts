import type { Context } from 'hono'
import type { z } from 'zod'
import { hubspotError } from '../../http/hubspot-error'
import { readJsonBody } from '../../http/read-json-body'
import type { SimEnv } from '../../http/sim-env'
import type { Result } from '../../result'
import { err, ok } from '../../result'

/** A JSON body checked against `schema`; HubSpot answers bad input with 400 VALIDATION_ERROR. */
export async function parseApiBody<S extends z.ZodType>(
  c: Context<SimEnv>,
  schema: S,
  maxChars?: number,
): Promise<Result<z.infer<S>, Response>> {
  const json = await readJsonBody(c, {
    emptyAsObject: false,
    invalidJsonMessage: 'Invalid input JSON: the request body is not valid JSON.',
    ...(maxChars === undefined ? {} : { maxChars }),
  })
  if (!json.ok) return json
  const parsed = schema.safeParse(json.value)
  if (parsed.success) return ok(parsed.data)
  return err(
    hubspotError(c, 400, {
      message: `Invalid input JSON: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')}`,
      category: 'VALIDATION_ERROR',
    }),
  )
}

export function validationError(c: Context<SimEnv>, message: string): Response {
  return hubspotError(c, 400, { message, category: 'VALIDATION_ERROR' })
}
