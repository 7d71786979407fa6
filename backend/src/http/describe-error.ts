import { DrizzleQueryError } from 'drizzle-orm/errors'
import { stdSerializers } from 'pino'

// Postgres quotes the offending value ("invalid input syntax for type integer: \"…\""); identifiers lose little.
const withoutQuoted = (text: string) => text.replace(/"[^"]*"/g, '"…"')

/**
 * What a log keeps of an error. A failed query keeps its SQL and Postgres's code, constraint and
 * table, but never its parameter values (emails, search text, sealed tokens) nor the `detail`
 * and quoted values Postgres echoes from them.
 */
export function describeError(error: unknown): unknown {
  if (!(error instanceof DrizzleQueryError)) return error instanceof Error ? stdSerializers.err(error) : error
  const cause = error.cause as (Error & Record<string, unknown>) | undefined
  const message = `Failed query: ${error.query}`
  return {
    type: 'DrizzleQueryError',
    message,
    stack: `${message}\n${(error.stack ?? '')
      .split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .join('\n')}`,
    ...(cause
      ? {
          cause: {
            type: cause.name,
            message: withoutQuoted(cause.message),
            ...Object.fromEntries(
              ['code', 'severity', 'constraint', 'table', 'column', 'routine']
                .filter((key) => typeof cause[key] === 'string')
                .map((key) => [key, cause[key]]),
            ),
          },
        }
      : {}),
  }
}
