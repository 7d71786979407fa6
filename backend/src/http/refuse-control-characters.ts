import { createMiddleware } from 'hono/factory'
import { apiError } from './api-error'

// C0 controls (tab excepted) and DEL: no path or query parameter of ours carries them, and Postgres refuses NUL in text.
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000a-\u001f\u007f]/
// In a body, line breaks are text (an uploaded CSV, a note); every other control character is still refused.
// eslint-disable-next-line no-control-regex
export const BODY_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

function decodes(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '))
  } catch {
    return null
  }
}

/** NUL and control characters in the path or query are refused at the edge with a 400, before any query runs. */
export const refuseControlCharacters = createMiddleware(async (c, next) => {
  const url = new URL(c.req.url)
  const decoded = decodes(url.pathname + url.search)
  if (decoded === null || CONTROL_CHARACTERS.test(decoded))
    return apiError(c, 'invalid_query', {
      issues: [{ path: '', message: 'The address contains characters that are not allowed.' }],
    })
  return next()
})
