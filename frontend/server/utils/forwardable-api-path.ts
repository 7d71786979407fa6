/**
 * The path and query to forward to the backend, or null when the path is not plainly under /api/v1/.
 * The check runs on the decoded path, because the fetch that forwards it resolves `..` and `%2e%2e`
 * segments (WHATWG URL rules): `/api/../metrics` would otherwise reach the backend's /metrics.
 * @example forwardableApiPath('/api/v1/me?x=1') // '/api/v1/me?x=1'
 * @example forwardableApiPath('/api/%2e%2e/metrics') // null
 */
export function forwardableApiPath(pathWithQuery: string): string | null {
  const queryStart = pathWithQuery.indexOf('?')
  const path = queryStart === -1 ? pathWithQuery : pathWithQuery.slice(0, queryStart)
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return null
  }
  if (!decoded.startsWith('/api/v1/') || decoded.includes('\\')) return null
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return null
  const segments = decoded.slice(1).split('/')
  if (segments.some((segment) => segment === '.' || segment === '..' || segment === '')) return null
  // An encoded slash would decode into a new segment somewhere downstream: no route of ours needs one.
  if (/%2f|%5c/i.test(path)) return null
  return pathWithQuery
}
