import { authApi, linksApi, teamApi } from '@churnlens/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { companyLink } from '../src/links/company-link'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

/** The body the /go page posts for a link, read from the link itself. */
function bodyOf(link: string) {
  const url = new URL(link)
  return {
    companyId: url.pathname.split('/').pop()!,
    workspaceId: url.searchParams.get('w') ?? '',
    signature: url.searchParams.get('s') ?? '',
  }
}

describe('signed links to a company page', () => {
  it('moves a member working elsewhere to the link’s workspace', async () => {
    const owner = await ctx.signedUpAgent()
    const colleague = await ctx.memberOf(owner.workspaceId)
    // The colleague is back in their own workspace when the alert's link is followed.
    expect(
      (await colleague.call(teamApi.switchWorkspace, { body: { workspaceId: colleague.workspaceId } })).status,
    ).toBe(200)
    const link = companyLink('http://localhost:3000', ctx.deps.sessionSecret, owner.workspaceId, 10000000007)
    const opened = await colleague.call(linksApi.openCompany, { body: bodyOf(link) })
    expect(opened).toMatchObject({ status: 200, body: { companyId: 10000000007, workspaceId: owner.workspaceId } })
    const me = await colleague.call(authApi.getMe)
    expect(me.ok && me.body.workspace.id).toBe(owner.workspaceId)
  })

  it('refuses tampered and unsigned links with link_invalid, and a non-member with forbidden', async () => {
    const owner = await ctx.signedUpAgent()
    const stranger = await ctx.signedUpAgent()
    const link = bodyOf(companyLink('http://localhost:3000', ctx.deps.sessionSecret, owner.workspaceId, 10000000007))
    for (const body of [
      { ...link, companyId: '10000000008' },
      { ...link, workspaceId: stranger.workspaceId },
      { ...link, signature: '' },
      { ...link, signature: `${link.signature.slice(0, -1)}${link.signature.endsWith('A') ? 'B' : 'A'}` },
    ]) {
      const refused = await owner.call(linksApi.openCompany, { body })
      expect(refused).toMatchObject({ status: 400, body: { error: { code: 'link_invalid' } } })
    }
    const notMember = await stranger.call(linksApi.openCompany, { body: link })
    expect(notMember).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } })
    const me = await stranger.call(authApi.getMe)
    expect(me.ok && me.body.workspace.id).toBe(stranger.workspaceId)
    expect(await ctx.agent().call(linksApi.openCompany, { body: link })).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthenticated' } },
    })
  })
})
