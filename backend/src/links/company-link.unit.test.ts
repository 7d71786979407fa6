import { describe, expect, it } from 'vitest'
import { companyLink, companyLinkSignature } from './company-link'

const secret = 's'.repeat(40)
const workspace = '0b7c7c1e-4f5d-4d6e-9d1e-8f1a2b3c4d5e'

describe('signed company links', () => {
  it('signs the workspace and the company together, under a key of the session secret', () => {
    const signature = companyLinkSignature(secret, workspace, 10000000001)
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(companyLinkSignature(secret, workspace, 10000000001)).toBe(signature)
    expect(companyLinkSignature(secret, workspace, 10000000002)).not.toBe(signature)
    expect(companyLinkSignature(secret, '1b7c7c1e-4f5d-4d6e-9d1e-8f1a2b3c4d5e', 10000000001)).not.toBe(signature)
    expect(companyLinkSignature('t'.repeat(40), workspace, 10000000001)).not.toBe(signature)
  })

  it('cannot be moved between fields: workspace "a:1" with company 2 is not workspace "a" with company 12', () => {
    expect(companyLinkSignature(secret, 'a:1', 2)).not.toBe(companyLinkSignature(secret, 'a', 12))
  })

  it('builds the /go link with the workspace and signature in the query', () => {
    const url = new URL(companyLink('https://app.example.com', secret, workspace, 10000000001))
    expect(url.origin + url.pathname).toBe('https://app.example.com/go/company/10000000001')
    expect(url.searchParams.get('w')).toBe(workspace)
    expect(url.searchParams.get('s')).toBe(companyLinkSignature(secret, workspace, 10000000001))
  })
})
