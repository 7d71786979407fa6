/**
 * The `next` redirect target if it is a path on this site, else `fallback`.
 * Rejects protocol-relative (`//evil.test`) and backslash (`/\evil.test`) forms that browsers treat as other hosts.
 * @example safeNextPath('/settings/integrations') === '/settings/integrations'
 * @example safeNextPath('//evil.test') === '/'
 */
export function safeNextPath(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string') return fallback
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback
  // Browsers strip tabs and newlines from URLs, which would turn `/\t/evil.test` into `//evil.test`.
  if ([...next].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return fallback
  return next
}
