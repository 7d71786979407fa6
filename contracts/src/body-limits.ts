import { MAX_OUTCOMES_CSV_CHARS } from './churn-definition'

/** Every JSON body the API reads is a small form; the largest (a weights table) is a few hundred bytes. */
export const JSON_BODY_LIMIT_BYTES = 32 * 1024
/**
 * HubSpot sends at most 100 events per webhook request; a property change carries the new value,
 * which for a long text property can run to a few kilobytes, so 1 MiB leaves room without inviting a flood.
 */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024
export const WEBHOOK_PATH = '/api/v1/webhooks/hubspot'
/** An uploaded churn list travels inside the definition's JSON: its character cap plus room for the JSON around it. */
export const OUTCOMES_UPLOAD_LIMIT_BYTES = MAX_OUTCOMES_CSV_CHARS + 64 * 1024
const OUTCOMES_UPLOAD_PATHS = new Set(['/api/v1/churn/definition', '/api/v1/churn/definition/preview'])

/**
 * The most a request body to `path` may hold, in one table for the backend and the frontend proxy,
 * which both refuse a larger body while it streams.
 */
export function bodyLimitFor(path: string): number {
  const bare = path.split('?')[0] ?? path
  if (bare === WEBHOOK_PATH) return WEBHOOK_BODY_LIMIT_BYTES
  if (OUTCOMES_UPLOAD_PATHS.has(bare)) return OUTCOMES_UPLOAD_LIMIT_BYTES
  return JSON_BODY_LIMIT_BYTES
}
