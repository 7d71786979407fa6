import { createHash } from 'node:crypto'

/**
 * The page's Content-Security-Policy: scripts only from this origin plus the inline ones the page
 * itself carries (Nuxt's config script), each allowed by its hash, so an injected script cannot run;
 * no framing by any site; the API and assets from this origin only.
 */
export function contentSecurityPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((match) => match[1] ?? '')
    .filter((body) => body.length > 0)
    .map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`)
  return [
    "default-src 'self'",
    `script-src 'self'${hashes.length > 0 ? ` ${[...new Set(hashes)].join(' ')}` : ''}`,
    // Vue binds style attributes and Nuxt's loading screen carries a <style>; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
