import type { Context } from 'hono'
import { hubspotError } from './hubspot-error'
import type { SimEnv } from './sim-env'
import type { Result } from '../result'
import { err, ok } from '../result'

/**
 * The raw JSON of a request body, or HubSpot's 400 VALIDATION_ERROR. Callers validate the shape
 * with their own schema and word their own messages (control, CRM API and webhooks settings differ).
 */
export async function readJsonBody(
  c: Context<SimEnv>,
  options: { emptyAsObject: boolean; invalidJsonMessage: string; maxChars?: number },
): Promise<Result<unknown, Response>> {
  const text = await c.req.text()
  if (options.maxChars !== undefined && text.length > options.maxChars) {
    return err(
      hubspotError(c, 400, {
        message: `Request body is too long: ${text.length} characters exceeds the limit of ${options.maxChars}.`,
        category: 'VALIDATION_ERROR',
      }),
    )
  }
  if (text === '' && options.emptyAsObject) return ok({})
  try {
    return ok(JSON.parse(text))
  } catch {
    return err(hubspotError(c, 400, { message: options.invalidJsonMessage, category: 'VALIDATION_ERROR' }))
  }
}
