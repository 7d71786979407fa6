import type { ErrorCode } from '@churnlens/contracts'
import { errorMessages, errorStatus } from '@churnlens/contracts'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export interface FieldIssue {
  path: string
  message: string
}

/** The one way an endpoint answers with an error: the status comes from the contracts' table. */
export function apiError(
  c: Context,
  code: ErrorCode,
  options: { issues?: FieldIssue[]; headers?: Record<string, string> } = {},
) {
  const body = { error: { code, message: errorMessages[code], ...(options.issues ? { issues: options.issues } : {}) } }
  return c.json(body, errorStatus[code] as ContentfulStatusCode, options.headers)
}
