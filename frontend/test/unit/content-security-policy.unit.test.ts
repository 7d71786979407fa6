import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../server/utils/content-security-policy'

describe('contentSecurityPolicy', () => {
  it("allows the page's own inline scripts by hash, external ones from this origin, and no framing", () => {
    const inline = 'window.__NUXT__={}'
    const html = `<html><head><script type="module" src="/_nuxt/entry.js" crossorigin></script></head><body><script>${inline}</script></body></html>`
    const hash = createHash('sha256').update(inline).digest('base64')
    const policy = contentSecurityPolicy(html)
    expect(policy).toContain(`script-src 'self' 'sha256-${hash}'`)
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("object-src 'none'")
    expect(policy).not.toContain('unsafe-eval')
    expect(contentSecurityPolicy('<p>no scripts</p>')).toContain("script-src 'self';")
  })
})
