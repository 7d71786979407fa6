import type { z } from 'zod'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'

export type HubspotAnswerError = 'forbidden' | 'not_found' | 'hubspot_invalid_response'

/**
 * Pure: an API answer parsed down to the fields `schema` names. 403 and 404 keep their meaning;
 * any other failure, or a body that does not parse, is an invalid response. A 207 (a batch where
 * some inputs failed) is a success: the batch's own errors are in its body.
 */
export async function processHubspotJson<T extends z.ZodType>(
  response: Response,
  schema: T,
): Promise<Result<z.infer<T>, HubspotAnswerError>> {
  if (response.status === 403) return err('forbidden')
  if (response.status === 404) return err('not_found')
  if (!response.ok && response.status !== 207) return err('hubspot_invalid_response')
  const parsed = schema.safeParse(await response.json().catch(() => null))
  return parsed.success ? ok(parsed.data) : err('hubspot_invalid_response')
}
