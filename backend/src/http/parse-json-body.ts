import type { Context } from 'hono'
import type { z } from 'zod'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'
import type { FieldIssue } from './api-error'

export type BodyError = { code: 'invalid_body' | 'unsupported_media_type'; issues?: FieldIssue[] }

/** Parses a JSON request body with a zod schema; every HTTP input goes through here or a query schema. */
export async function parseJsonBody<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<Result<z.infer<T>, BodyError>> {
  const contentType = c.req.header('content-type') ?? ''
  if (!/^application\/json\b/i.test(contentType)) return err({ code: 'unsupported_media_type' })
  let raw: unknown
  try {
    raw = await c.req.json()
  } catch {
    return err({ code: 'invalid_body', issues: [{ path: '', message: 'Body is not valid JSON.' }] })
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    return err({
      code: 'invalid_body',
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    })
  }
  return ok(parsed.data)
}
