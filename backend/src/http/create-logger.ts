import type { DestinationStream, Logger } from 'pino'
import { pino } from 'pino'
import { describeError } from './describe-error'

// Anything that could carry a credential is censored by key, wherever it appears in a log object.
export const redactedKeys = [
  'accessToken',
  'refreshToken',
  'apiKey',
  'access_token',
  'refresh_token',
  'api_key',
  'code_verifier',
  'codeVerifier',
  'password',
  'passwordHash',
  'clientSecret',
  'client_secret',
  'cookie',
  'authorization',
  'token',
]

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'churnlens-backend' },
    // Every logged `err` goes through here, so no call site can leak a query's parameters.
    serializers: { err: describeError },
    redact: {
      paths: [
        ...redactedKeys,
        ...redactedKeys.map((k) => `*.${k}`),
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
  }
  return destination ? pino(options, destination) : pino(options)
}
