import type { Context } from 'hono'
import type { z } from 'zod'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'
import type { FieldIssue } from './api-error'
import { BODY_CONTROL_CHARACTERS } from './refuse-control-characters'

/** The path of the first string holding a NUL or control character other than a line break (Postgres refuses NUL in text), or null. */
function pathOfControlCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return BODY_CONTROL_CHARACTERS.test(value) ? path.join('.') : null
  if (typeof value !== 'object' || value === null) return null
  for (const [key, item] of Object.entries(value)) {
    const found = pathOfControlCharacter(item, [...path, key])
    if (found !== null) return found
  }
  return null
}

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
  const controlled = pathOfControlCharacter(raw)
  if (controlled !== null)
    return err({
      code: 'invalid_body',
      issues: [{ path: controlled, message: 'Contains characters that are not allowed.' }],
    })
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    return err({
      code: 'invalid_body',
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    })
  }
  return ok(parsed.data)
}
