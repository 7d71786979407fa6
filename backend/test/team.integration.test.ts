import type { Endpoint, WorkspaceRole } from '@churnlens/contracts'
import { apiEndpoints, authApi, hubspotApi, roleCan, teamApi, workspaceRoles } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessions, workspaceEvents } from '../src/db/schema'
import type { BrowserAgent } from './browser-agent'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

const tokenIn = (text: string) => /\/invitations\/([\w-]+)/.exec(text)?.[1] ?? ''

/** The newest mail the catcher received for `email`, read over SMTP as any mailbox would. */
async function mailFor(email: string) {
  // Polled by hand: it also runs in beforeAll, where expect.poll is not available.
  for (let attempt = 0; attempt < 100; attempt++) {
    const mail = ctx.mailCatcher.list().find((m) => m.to.includes(email))
    if (mail) return mail
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`no mail for ${email}`)
}

let people = 0
const newEmail = () => `colleague${++people}-${Date.now().toString(36)}@example.com`

/** Invites `email` as `role`, signs that person up, and accepts from the link in the mail. */
async function join(owner: BrowserAgent, role: WorkspaceRole) {
  const email = newEmail()
  const invited = await owner.call(teamApi.invite, { body: { email, role } })
  expect(invited).toMatchObject({ status: 201, body: { email, role } })
  const token = tokenIn((await mailFor(email)).text)
  const colleague = await ctx.signedUpAgent(email)
  const accepted = await colleague.call(teamApi.acceptInvitation, { params: { token } })
  expect(accepted).toMatchObject({ status: 200, body: { workspace: { role } } })
  return colleague
}

/** The smallest input each endpoint accepts for parsing, so a refusal can only come from the role check. */
function probe(endpoint: Endpoint) {
  const params: Record<string, string> = {}
  for (const [, name] of endpoint.path.matchAll(/:(\w+)/g))
    params[name!] =
      name === 'id' && endpoint.path.includes('companies')
        ? '42'
        : name === 'token'
          ? 'x'.repeat(43)
          : crypto.randomUUID()
  return {
    ...(Object.keys(params).length > 0 ? { params } : {}),
    ...(endpoint.body ? { body: {} } : {}),
  }
}

describe('the permission table, on every route', () => {
  let agents: Record<WorkspaceRole, BrowserAgent>
  beforeAll(async () => {
    const owner = await ctx.signedUpAgent()
    agents = {
      owner,
      admin: await join(owner, 'admin'),
      member: await join(owner, 'member'),
      viewer: await join(owner, 'viewer'),
    }
  })

  // Ending every session would sign the role out of the rest of the table; every role may do it anyway.
  const checked = apiEndpoints.filter((e) => e.auth === 'session' && e !== authApi.logOutEverywhere)
  const cases = checked.flatMap((e) =>
    workspaceRoles.map((role) => [`${role}: ${e.method} ${e.path}`, role, e] as const),
  )

  it.each(cases)('%s', async (_, role, endpoint) => {
    const answer = await agents[role].call(endpoint, probe(endpoint) as never)
    const code = answer.ok ? null : (answer.body as { error: { code: string } }).error.code
    if (roleCan(role, endpoint.permission!)) expect(code).not.toBe('forbidden')
    else expect({ status: answer.status, code }).toEqual({ status: 403, code: 'forbidden' })
  })

  it('GET /api/v1/me tells each role what it may do, and lists its workspaces', async () => {
    const me = await agents.member.call(authApi.getMe)
    expect(me).toMatchObject({
      status: 200,
      body: { workspace: { role: 'member' }, permissions: ['account:self', 'data:read', 'data:write'] },
    })
    if (!me.ok) return
    expect(me.body.workspaces.map((w) => w.role).sort()).toEqual(['member', 'owner'])
    const owner = await agents.owner.call(authApi.getMe)
    expect(owner.ok && owner.body.permissions).toContain('integration:manage')
  })

  it('a member cannot disconnect HubSpot; an admin can start connecting it', async () => {
    expect((await agents.member.call(hubspotApi.disconnect, {})).status).toBe(403)
    expect((await agents.viewer.call(hubspotApi.startAuthorization, {})).status).toBe(403)
    expect((await agents.admin.call(hubspotApi.startAuthorization, {})).status).toBe(200)
  })
})

describe('invitations', () => {
  it('mails a plain, accessible invitation with a text part and a single-use link', async () => {
    const owner = await ctx.signedUpAgent()
    const email = newEmail()
    await owner.call(teamApi.invite, { body: { email, role: 'member' } })
    const mail = await mailFor(email)
    expect(mail.subject).toMatch(/^You are invited to .+ on Churnlens$/)
    expect(mail.text).toContain(`${owner.email} invited you`)
    expect(mail.html).toContain('<a href="http://localhost:3000/invitations/')
    const token = tokenIn(mail.text)
    expect(await ctx.agent().call(teamApi.previewInvitation, { params: { token } })).toMatchObject({
      status: 200,
      body: { email, role: 'member' },
    })
    const colleague = await ctx.signedUpAgent(email)
    expect((await colleague.call(teamApi.acceptInvitation, { params: { token } })).status).toBe(200)
    const again = await colleague.call(teamApi.acceptInvitation, { params: { token } })
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'invitation_already_used' } } })
    const team = await owner.call(teamApi.get)
    expect(team.ok && team.body.members.map((m) => [m.email, m.role])).toEqual([
      [owner.email, 'owner'],
      [email, 'member'],
    ])
    expect(team.ok && team.body.invitations).toEqual([])
  })

  it('stores only a hash of the token', async () => {
    const owner = await ctx.signedUpAgent()
    const email = newEmail()
    await owner.call(teamApi.invite, { body: { email, role: 'viewer' } })
    const token = tokenIn((await mailFor(email)).text)
    const dump = JSON.stringify(await ctx.database.db.execute('select * from workspace_invitations'))
    expect(token.length).toBeGreaterThan(40)
    expect(dump).not.toContain(token)
  })

  it('refuses a link after seven days', async () => {
    const owner = await ctx.signedUpAgent()
    const email = newEmail()
    await owner.call(teamApi.invite, { body: { email, role: 'member' } })
    const token = tokenIn((await mailFor(email)).text)
    ctx.clock.advance(7 * 24 * 60 * 60 * 1000 + 1000)
    // Signed up after the week, so the session is fresh and only the link is stale.
    const colleague = await ctx.signedUpAgent(email)
    const late = await colleague.call(teamApi.acceptInvitation, { params: { token } })
    expect(late).toMatchObject({ status: 410, body: { error: { code: 'invitation_expired' } } })
    expect((await colleague.call(teamApi.previewInvitation, { params: { token } })).status).toBe(410)
  })

  it('refuses a signed-in person whose email is not the invited one', async () => {
    const owner = await ctx.signedUpAgent()
    const email = newEmail()
    await owner.call(teamApi.invite, { body: { email, role: 'admin' } })
    const token = tokenIn((await mailFor(email)).text)
    const stranger = await ctx.signedUpAgent()
    const wrong = await stranger.call(teamApi.acceptInvitation, { params: { token } })
    expect(wrong).toMatchObject({ status: 403, body: { error: { code: 'invitation_email_mismatch' } } })
    // The link still works for the right person.
    const colleague = await ctx.signedUpAgent(email)
    expect((await colleague.call(teamApi.acceptInvitation, { params: { token } })).status).toBe(200)
  })

  it('a resend replaces the link; a revoke ends it', async () => {
    const owner = await ctx.signedUpAgent()
    const email = newEmail()
    const invited = await owner.call(teamApi.invite, { body: { email, role: 'member' } })
    const first = tokenIn((await mailFor(email)).text)
    ctx.mailCatcher.clear()
    const resent = await owner.call(teamApi.resendInvitation, { params: { id: invited.ok ? invited.body.id : '' } })
    expect(resent.status).toBe(200)
    const second = tokenIn((await mailFor(email)).text)
    expect(second).not.toBe(first)
    const colleague = await ctx.signedUpAgent(email)
    expect(await colleague.call(teamApi.acceptInvitation, { params: { token: first } })).toMatchObject({
      status: 404,
      body: { error: { code: 'invitation_invalid' } },
    })
    const revoked = await owner.call(teamApi.revokeInvitation, { params: { id: invited.ok ? invited.body.id : '' } })
    expect(revoked.status).toBe(204)
    expect(await colleague.call(teamApi.acceptInvitation, { params: { token: second } })).toMatchObject({
      status: 404,
      body: { error: { code: 'invitation_invalid' } },
    })
  })

  it('only an owner hands out the owner role; someone already in is told so', async () => {
    const owner = await ctx.signedUpAgent()
    const admin = await join(owner, 'admin')
    expect(await admin.call(teamApi.invite, { body: { email: newEmail(), role: 'owner' } })).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    })
    expect(await owner.call(teamApi.invite, { body: { email: admin.email, role: 'member' } })).toMatchObject({
      status: 409,
      body: { error: { code: 'already_member' } },
    })
  })
})

describe('members', () => {
  it('a workspace always keeps an owner', async () => {
    const owner = await ctx.signedUpAgent()
    const me = await owner.call(authApi.getMe)
    const ownerId = me.ok ? me.body.user.id : ''
    expect(
      await owner.call(teamApi.changeRole, { params: { userId: ownerId }, body: { role: 'admin' } }),
    ).toMatchObject({
      status: 409,
      body: { error: { code: 'last_owner' } },
    })
    expect(await owner.call(teamApi.removeMember, { params: { userId: ownerId } })).toMatchObject({
      status: 409,
      body: { error: { code: 'last_owner' } },
    })
    // With a second owner, the first may step down.
    const second = await join(owner, 'owner')
    const secondMe = await second.call(authApi.getMe)
    expect(secondMe.ok && secondMe.body.workspace.role).toBe('owner')
    const stepped = await owner.call(teamApi.changeRole, { params: { userId: ownerId }, body: { role: 'admin' } })
    expect(stepped).toMatchObject({ status: 200, body: { role: 'admin' } })
    // An admin cannot unmake an owner.
    const secondId = secondMe.ok ? secondMe.body.user.id : ''
    expect(
      (await owner.call(teamApi.changeRole, { params: { userId: secondId }, body: { role: 'member' } })).status,
    ).toBe(403)
  })

  it('a role change applies on the next request', async () => {
    const owner = await ctx.signedUpAgent()
    const colleague = await join(owner, 'admin')
    const me = await colleague.call(authApi.getMe)
    expect((await colleague.call(hubspotApi.startAuthorization, {})).status).toBe(200)
    await owner.call(teamApi.changeRole, { params: { userId: me.ok ? me.body.user.id : '' }, body: { role: 'viewer' } })
    expect((await colleague.call(hubspotApi.startAuthorization, {})).status).toBe(403)
  })

  it('removing a member ends their sessions in that workspace at once, and the audit names who did it', async () => {
    const owner = await ctx.signedUpAgent()
    const colleague = await join(owner, 'member')
    const me = await colleague.call(authApi.getMe)
    const userId = me.ok ? me.body.user.id : ''
    expect((await colleague.call(teamApi.get)).status).toBe(200)
    expect((await owner.call(teamApi.removeMember, { params: { userId } })).status).toBe(204)
    expect((await colleague.call(teamApi.get)).status).toBe(401)
    expect(
      await ctx.database.db.select().from(sessions).where(eq(sessions.workspaceId, owner.workspaceId)),
    ).toHaveLength(1)
    const ownerMe = await owner.call(authApi.getMe)
    const events = await ctx.database.db
      .select()
      .from(workspaceEvents)
      .where(eq(workspaceEvents.workspaceId, owner.workspaceId))
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['members.invited', 'members.joined', 'members.removed']),
    )
    const removed = events.find((e) => e.type === 'members.removed')!
    expect(removed.actorUserId).toBe(ownerMe.ok ? ownerMe.body.user.id : 'x')
    expect(removed.detail).toMatchObject({ userId, email: colleague.email })
    // Their own workspace and account are untouched.
    expect(
      await colleague.call(teamApi.switchWorkspace, { body: { workspaceId: colleague.workspaceId } }),
    ).toMatchObject({ status: 401 })
  })
})

describe('the connection timeline in a team', () => {
  it('names the colleague who connected HubSpot', async () => {
    const owner = await ctx.signedUpAgent()
    const admin = await join(owner, 'admin')
    expect((await ctx.connect(admin)).status).toBe(200)
    const events = await owner.call(hubspotApi.listEvents)
    expect(events.ok && events.body.events[0]).toMatchObject({ actor: 'user', actorEmail: admin.email })
  })
})

describe('several workspaces per person', () => {
  it('lists each with its role and switches this session between them', async () => {
    const owner = await ctx.signedUpAgent()
    const colleague = await join(owner, 'viewer')
    const me = await colleague.call(authApi.getMe)
    expect(me.ok && me.body.workspace).toMatchObject({ id: owner.workspaceId, role: 'viewer' })
    expect(me.ok && me.body.workspaces.map((w) => [w.id, w.role])).toEqual([
      [colleague.workspaceId, 'owner'],
      [owner.workspaceId, 'viewer'],
    ])
    expect((await colleague.call(hubspotApi.startAuthorization, {})).status).toBe(403)
    const switched = await colleague.call(teamApi.switchWorkspace, { body: { workspaceId: colleague.workspaceId } })
    expect(switched).toMatchObject({ status: 200, body: { workspace: { id: colleague.workspaceId, role: 'owner' } } })
    expect((await colleague.call(hubspotApi.startAuthorization, {})).status).toBe(200)
    const stranger = await ctx.signedUpAgent()
    expect(await stranger.call(teamApi.switchWorkspace, { body: { workspaceId: owner.workspaceId } })).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    })
  })
})

describe('the development mail catcher', () => {
  it('answers GET /api/v1/dev/mail newest first', async () => {
    ctx.mailCatcher.clear()
    const owner = await ctx.signedUpAgent()
    const [a, b] = [newEmail(), newEmail()]
    await owner.call(teamApi.invite, { body: { email: a, role: 'member' } })
    await owner.call(teamApi.invite, { body: { email: b, role: 'member' } })
    const res = await ctx.agent().request('/api/v1/dev/mail')
    const body = (await res.json()) as { mails: { to: string[]; subject: string; text: string; html: string }[] }
    expect(body.mails.map((m) => m.to[0])).toEqual([b, a])
  })
})
