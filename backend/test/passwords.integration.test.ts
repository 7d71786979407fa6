import { authApi } from '@churnlens/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

const original = 'correct horse battery'
const signIn = (email: string, password: string) =>
  ctx.agent().request('/api/v1/auth/login', { json: { email, password } })

/** The same person on a laptop and a phone. */
async function twoDevices() {
  const laptop = await ctx.signedUpAgent()
  const phone = ctx.agent()
  expect((await phone.call(authApi.logIn, { body: { email: laptop.email, password: original } })).status).toBe(200)
  return { laptop, phone, email: laptop.email }
}

describe('sessions end together', () => {
  it('"sign out everywhere" ends every device\'s session', async () => {
    const { laptop, phone } = await twoDevices()
    expect((await laptop.call(authApi.logOutEverywhere)).status).toBe(204)
    expect((await laptop.call(authApi.getMe)).status).toBe(401)
    expect((await phone.call(authApi.getMe)).status).toBe(401)
  })

  it('a password change ends every other session, keeps this browser signed in, and needs the current password', async () => {
    const { laptop, phone, email } = await twoDevices()
    const wrong = await laptop.call(authApi.changePassword, {
      body: { currentPassword: 'not my password', newPassword: 'a brand new password' },
    })
    expect(wrong).toMatchObject({
      status: 400,
      body: { error: { code: 'wrong_password', message: 'Your current password is not correct.' } },
    })
    expect((await phone.call(authApi.getMe)).status).toBe(200)

    const changed = await laptop.call(authApi.changePassword, {
      body: { currentPassword: original, newPassword: 'a brand new password' },
    })
    expect(changed.status).toBe(204)
    expect((await laptop.call(authApi.getMe)).status).toBe(200)
    expect((await phone.call(authApi.getMe)).status).toBe(401)
    expect((await signIn(email, original)).status).toBe(401)
    expect((await signIn(email, 'a brand new password')).status).toBe(200)
  })
})

describe('password reset by email', () => {
  const linkIn = (text: string) => /\/reset-password#token=([\w-]+)/.exec(text)?.[1] ?? ''

  it('mails a single-use link that sets a new password and ends every session', async () => {
    const { laptop, email } = await twoDevices()
    ctx.mailCatcher.clear()
    const asked = await ctx.agent().call(authApi.requestPasswordReset, { body: { email } })
    expect(asked).toMatchObject({ status: 202, body: { requested: true } })
    await expect.poll(() => ctx.mailCatcher.list().length).toBe(1)
    const mail = ctx.mailCatcher.list()[0]!
    expect(mail).toMatchObject({ to: [email], subject: 'Reset your Churnlens password' })
    expect(mail.html).toContain('/reset-password#token=')
    expect(mail.text).toContain('http://localhost:3000/reset-password#token=')
    const token = linkIn(mail.text)

    const reset = await ctx.agent().call(authApi.resetPassword, { body: { token, newPassword: 'reset to this one' } })
    expect(reset.status).toBe(204)
    expect((await laptop.call(authApi.getMe)).status).toBe(401)
    expect((await signIn(email, 'reset to this one')).status).toBe(200)

    const again = await ctx
      .agent()
      .call(authApi.resetPassword, { body: { token, newPassword: 'and once more please' } })
    expect(again).toMatchObject({
      status: 400,
      body: { error: { code: 'reset_link_invalid' } },
    })
  })

  it('answers the same for an unknown email, sending nothing', async () => {
    ctx.mailCatcher.clear()
    const asked = await ctx.agent().call(authApi.requestPasswordReset, { body: { email: 'nobody-here@example.com' } })
    expect(asked).toMatchObject({ status: 202, body: { requested: true } })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(ctx.mailCatcher.list()).toEqual([])
  })

  it('refuses a link after its hour', async () => {
    const agent = await ctx.signedUpAgent()
    ctx.mailCatcher.clear()
    await ctx.agent().call(authApi.requestPasswordReset, { body: { email: agent.email } })
    await expect.poll(() => ctx.mailCatcher.list().length).toBe(1)
    ctx.clock.advance(61 * 60 * 1000)
    const late = await ctx.agent().call(authApi.resetPassword, {
      body: { token: linkIn(ctx.mailCatcher.list()[0]!.text), newPassword: 'too late for this' },
    })
    expect(late).toMatchObject({ status: 400, body: { error: { code: 'reset_link_invalid' } } })
    expect((await agent.call(authApi.getMe)).status).toBe(200)
  })
})
