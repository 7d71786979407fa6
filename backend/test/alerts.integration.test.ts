import { alertsApi, ownersApi } from '@churnlens/contracts'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deliverAlert } from '../src/alerts/deliver-alert'
import { raiseAlerts } from '../src/alerts/raise-alerts'
import { sendDailyDigests } from '../src/alerts/send-daily-digests'
import { alertDeliveries, crmCompanies, hubspotOwners } from '../src/db/schema'
import { createLogger } from '../src/http/create-logger'
import { companyLink } from '../src/links/company-link'
import { startJobs } from '../src/jobs/start-jobs'
import { until, writeScored } from './scored-companies'
import type { TestContext } from './test-context'
import { SIMULATOR_URL, createTestContext } from './test-context'

let ctx: TestContext
type Worker = Awaited<ReturnType<typeof startJobs>>
const workers: Worker[] = []
const MINUTE = 60_000

beforeAll(async () => {
  ctx = await createTestContext()
  // Two instances of the product working on one database, as in production.
  for (let i = 0; i < 2; i++)
    workers.push(
      await startJobs({ ...ctx.deps, logger: createLogger('warn', { write: () => undefined }) }, ctx.database.jobs),
    )
})
afterAll(async () => {
  for (const worker of workers) await worker.stop()
  await ctx.close()
})

async function addCompany(workspaceId: string, id: number, name: string, ownerId: string | null = null) {
  await ctx.database.db.insert(crmCompanies).values({ workspaceId, hubspotId: id, name, ownerId })
}

async function scored(workspaceId: string, companyId: number, score: number) {
  await writeScored(ctx.database.db, workspaceId, companyId, score, ctx.clock.now())
}

async function logOf(agent: Awaited<ReturnType<TestContext['signedUpAgent']>>) {
  const res = await agent.call(alertsApi.log)
  if (!res.ok) throw new Error(`log: ${res.status}`)
  return res.body.entries
}

/** The signed link alerts carry to a company page of the workspace. */
const linkTo = (workspaceId: string, companyId: number) =>
  companyLink('http://localhost:3000', ctx.deps.sessionSecret, workspaceId, companyId)
const slackUrl = (hook: string) => `${SIMULATOR_URL}/slack/webhooks/${hook}`
const messagesTo = (hook: string) => ctx.sim.slack.messages().filter((m) => m.hook === hook)

describe('alert rules and the Slack URL', () => {
  it('keeps each member their own rules, and the Slack URL for those who configure churn', async () => {
    const owner = await ctx.signedUpAgent()
    const member = await ctx.memberOf(owner.workspaceId)
    expect((await member.call(alertsApi.getRules)).body).toEqual({
      ownedCompanyHigh: false,
      anyCompanyHigh: false,
      scoreRisePoints: null,
      renewalWithinDays: null,
      dailyDigest: false,
    })
    const set = await member.call(alertsApi.setRules, {
      body: {
        ownedCompanyHigh: true,
        anyCompanyHigh: false,
        scoreRisePoints: 15,
        renewalWithinDays: null,
        dailyDigest: true,
      },
    })
    expect(set).toMatchObject({
      status: 200,
      body: { ownedCompanyHigh: true, anyCompanyHigh: false, scoreRisePoints: 15, dailyDigest: true },
    })
    expect((await owner.call(alertsApi.getRules)).body).toEqual({
      ownedCompanyHigh: false,
      anyCompanyHigh: false,
      scoreRisePoints: null,
      renewalWithinDays: null,
      dailyDigest: false,
    })
    const tooSmall = await member.call(alertsApi.setRules, {
      body: { ownedCompanyHigh: true, anyCompanyHigh: false, scoreRisePoints: 1, dailyDigest: false },
    })
    expect(tooSmall).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } })

    expect(await member.call(alertsApi.setSlack, { body: { url: slackUrl('T1/B1/secret') } })).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    })
    expect(await owner.call(alertsApi.setSlack, { body: { url: 'ftp://hooks.example/x' } })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_slack_url' } },
    })
    const saved = await owner.call(alertsApi.setSlack, { body: { url: slackUrl('T1/B1/secretpart') } })
    expect(saved.status).toBe(200)
    expect(saved.body).toEqual({
      status: 'ok',
      maskedUrl: 'http://hubspot.test/slack/webhooks/…part',
      lastError: null,
      failingSince: null,
      consecutiveFailures: 0,
    })
    expect((await owner.call(alertsApi.setSlack, { body: { url: null } })).body).toMatchObject({ status: 'none' })
  })
})

describe('alerts raised after scoring, across two workers', () => {
  it(
    'sends each alert once to Slack, naming everyone who asked, with a link to the company',
    { timeout: 90_000 },
    async () => {
      const owner = await ctx.signedUpAgent()
      const colleague = await ctx.memberOf(owner.workspaceId)
      const ws = owner.workspaceId
      await ctx.database.db
        .insert(hubspotOwners)
        .values({ workspaceId: ws, ownerId: '501', email: colleague.email, archived: false, syncedAt: ctx.clock.now() })
      await addCompany(ws, 101, 'Acme')
      await addCompany(ws, 102, 'Already High')
      await addCompany(ws, 103, 'Climber')
      await addCompany(ws, 104, 'Owned & Co', '501')
      await addCompany(ws, 105, 'Someone Else', '999')
      await scored(ws, 101, 30)
      await scored(ws, 102, 80)
      await scored(ws, 103, 10)
      await scored(ws, 104, 45)
      await scored(ws, 105, 40)

      ctx.clock.advance(MINUTE)
      expect((await owner.call(alertsApi.setSlack, { body: { url: slackUrl('T1/B2/one') } })).status).toBe(200)
      await owner.call(alertsApi.setRules, {
        body: { ownedCompanyHigh: false, anyCompanyHigh: true, scoreRisePoints: 25, dailyDigest: false },
      })
      await colleague.call(alertsApi.setRules, {
        body: { ownedCompanyHigh: true, anyCompanyHigh: false, scoreRisePoints: null, dailyDigest: true },
      })
      const owners = await colleague.call(ownersApi.list)
      expect(owners.ok && owners.body.me.owner?.id).toBe('501')

      ctx.clock.advance(MINUTE)
      await scored(ws, 101, 70) // enters high, and rose 40
      await scored(ws, 102, 85) // was never below high: not an entry
      await scored(ws, 103, 40) // rose 30, still medium
      await scored(ws, 104, 66) // the colleague's company enters high
      await scored(ws, 105, 50) // rose 10: below the 25 asked for

      // Both instances are told, several times, as overlapping scoring passes would.
      await Promise.all(workers.flatMap((w) => [w.requestAlertCheck(ws), w.requestAlertCheck(ws)]))
      await until(
        async () => messagesTo('T1/B2/one').length,
        (n) => n >= 4,
      )
      await Promise.all(workers.map((w) => w.requestAlertCheck(ws)))
      const log = await until(
        () => logOf(owner),
        (entries) => entries.length === 4 && entries.every((e) => e.status === 'sent'),
      )
      await new Promise((resolve) => setTimeout(resolve, 3000)) // room for any duplicate to show up

      const messages = messagesTo('T1/B2/one')
      expect(messages.map((m) => m.text).sort()).toEqual([
        `Acme entered the high churn-risk band (score 70). ${linkTo(ws, 101)}`,
        `Acme's churn-risk score rose from 30 to 70 within 7 days. ${linkTo(ws, 101)}`,
        `Climber's churn-risk score rose from 10 to 40 within 7 days. ${linkTo(ws, 103)}`,
        `Owned & Co entered the high churn-risk band (score 66). ${linkTo(ws, 104)}`,
      ])
      const owned = messages.find((m) => m.text.startsWith('Owned'))!
      expect(owned.blocks).toEqual([
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: `*<${linkTo(ws, 104)}|Owned &amp; Co>*\nOwned &amp; Co entered the high churn-risk band (score 66).`,
          },
        },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: `Churnlens alert for ${[owner.email, colleague.email].sort().join(', ')}` },
          ],
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Open in Churnlens' },
              url: linkTo(ws, 104),
            },
          ],
        },
      ])
      expect(log.map((e) => [e.event, e.companyId, e.status, e.attempts]).sort()).toEqual([
        ['entered_high', 101, 'sent', 1],
        ['entered_high', 104, 'sent', 1],
        ['score_rise', 101, 'sent', 1],
        ['score_rise', 103, 'sent', 1],
      ])

      // Later passes, with the scores still where they are, raise nothing new.
      ctx.clock.advance(MINUTE)
      await scored(ws, 101, 72)
      expect(await raiseAlerts(ctx.database.db, ws, ctx.clock.now())).toEqual({ raised: 0, toSend: [] })

      // The colleague asked for a digest too: one mail with the alert that was for them, however many instances send it.
      const [first, second] = await Promise.all([
        sendDailyDigests(ctx.deps, ctx.clock.now()),
        sendDailyDigests(ctx.deps, ctx.clock.now()),
      ])
      expect(first!.sent + second!.sent).toBe(1)
      expect((await sendDailyDigests(ctx.deps, ctx.clock.now())).sent).toBe(0)
      const digests = ctx.mailCatcher
        .list()
        .filter((m) => m.subject.startsWith('Churnlens: ') && m.to.includes(colleague.email))
      expect(digests).toHaveLength(1)
      expect(digests[0]!.subject).toMatch(/^Churnlens: 1 alert in /)
      expect(digests[0]!.text).toContain(`• Owned & Co entered the high churn-risk band (score 66). ${linkTo(ws, 104)}`)
      expect(digests[0]!.text).not.toContain('Acme')
      expect(
        ctx.mailCatcher.list().some((m) => m.to.includes(owner.email) && m.subject.startsWith('Churnlens: ')),
      ).toBe(false)
    },
  )
})

describe('a renewal within N days while high risk, across two workers', () => {
  it('is sent to Slack and in the digest once per company and renewal date', async () => {
    const owner = await ctx.signedUpAgent()
    const ws = owner.workspaceId
    const now = ctx.clock.now()
    const renewsOn = (days: number) =>
      new Date(Math.floor((now.getTime() + days * 86_400_000) / 86_400_000) * 86_400_000)
    await ctx.database.db.insert(crmCompanies).values([
      { workspaceId: ws, hubspotId: 301, name: 'Renews Soon', renewalAt: renewsOn(10) },
      { workspaceId: ws, hubspotId: 302, name: 'Renews Later', renewalAt: renewsOn(120) },
      { workspaceId: ws, hubspotId: 303, name: 'Calm Renewal', renewalAt: renewsOn(5) },
      { workspaceId: ws, hubspotId: 304, name: 'No Renewal Date', renewalAt: null },
    ])
    await scored(ws, 301, 85)
    await scored(ws, 302, 90)
    await scored(ws, 303, 20)
    await scored(ws, 304, 95)
    expect((await owner.call(alertsApi.setSlack, { body: { url: slackUrl('T3/B3/renewals') } })).status).toBe(200)
    await owner.call(alertsApi.setRules, {
      body: {
        ownedCompanyHigh: false,
        anyCompanyHigh: false,
        scoreRisePoints: null,
        renewalWithinDays: 30,
        dailyDigest: true,
      },
    })

    await Promise.all(workers.flatMap((w) => [w.requestAlertCheck(ws), w.requestAlertCheck(ws)]))
    const log = await until(
      () => logOf(owner),
      (entries) => entries.length === 1 && entries[0]!.status === 'sent',
    )
    await Promise.all(workers.map((w) => w.requestAlertCheck(ws)))
    await new Promise((resolve) => setTimeout(resolve, 3000)) // room for any duplicate to show up
    expect(log.map((e) => [e.event, e.companyId, e.occurredAt])).toEqual([
      ['renewal_due_high', 301, renewsOn(10).toISOString()],
    ])
    const day = renewsOn(10).toISOString().slice(0, 10)
    expect(messagesTo('T3/B3/renewals').map((m) => m.text)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Renews Soon renews on ${day} at high churn risk \\(score 85\\)\\. http://localhost:3000/go/company/301\\?w=${ws}&s=[\\w-]+$`,
        ),
      ),
    ])
    // The morning after: the digest lists it, once however many instances send it.
    ctx.clock.advance(MINUTE)
    const [first, second] = await Promise.all([
      sendDailyDigests(ctx.deps, ctx.clock.now()),
      sendDailyDigests(ctx.deps, ctx.clock.now()),
    ])
    expect(first!.sent + second!.sent).toBe(1)
    const digest = ctx.mailCatcher.list().find((m) => m.to.includes(owner.email) && m.subject.startsWith('Churnlens: '))
    expect(digest?.text).toContain(`• Renews Soon renews on ${day} at high churn risk (score 85).`)
  })
})

describe('a failing Slack URL', () => {
  async function workspaceWithAlert(hook: string) {
    const owner = await ctx.signedUpAgent()
    const ws = owner.workspaceId
    await addCompany(ws, 201, 'Turning')
    await scored(ws, 201, 20)
    ctx.clock.advance(MINUTE)
    await owner.call(alertsApi.setSlack, { body: { url: slackUrl(hook) } })
    await owner.call(alertsApi.setRules, {
      body: { ownedCompanyHigh: false, anyCompanyHigh: true, scoreRisePoints: null, dailyDigest: false },
    })
    ctx.clock.advance(MINUTE)
    await scored(ws, 201, 90)
    const { toSend } = await raiseAlerts(ctx.database.db, ws, ctx.clock.now())
    expect(toSend).toHaveLength(1)
    return { owner, ws, deliveryId: toSend[0]! }
  }
  const slackRequests = (prefix: string) => ctx.sim.control.requestLog().filter((r) => r.path.startsWith(prefix)).length

  it('is marked failing at once when Slack says the webhook is gone, and later alerts are not sent to it', async () => {
    const { owner, ws, deliveryId } = await workspaceWithAlert('revoked/T1/B3')
    expect(await deliverAlert(ctx.deps, deliveryId)).toBe('failed')
    expect(await deliverAlert(ctx.deps, deliveryId)).toBe('skipped')
    expect(slackRequests('/slack/webhooks/revoked/T1/B3')).toBe(1)
    expect((await owner.call(alertsApi.getSlack)).body).toEqual({
      status: 'failing',
      maskedUrl: 'http://hubspot.test/slack/webhooks/…1/B3',
      lastError: 'Slack answered 404: no_service',
      failingSince: ctx.clock.now().toISOString(),
      consecutiveFailures: 1,
    })

    await addCompany(ws, 202, 'Next')
    await scored(ws, 202, 10)
    ctx.clock.advance(MINUTE)
    await scored(ws, 202, 95)
    const next = await raiseAlerts(ctx.database.db, ws, ctx.clock.now())
    expect(next).toEqual({ raised: 1, toSend: [] })
    const [row] = await ctx.database.db
      .select({ status: alertDeliveries.status, lastError: alertDeliveries.lastError })
      .from(alertDeliveries)
      .where(and(eq(alertDeliveries.workspaceId, ws), eq(alertDeliveries.companyId, 202)))
    expect(row).toEqual({ status: 'not_delivered', lastError: 'The Slack URL is failing.' })
  })

  it('is retried while Slack is down, and given up on after repeated failures', async () => {
    const { owner, deliveryId } = await workspaceWithAlert('T1/B4/down')
    ctx.sim.control.failNext({ pathPrefix: '/slack/webhooks/T1/B4', status: 503, count: 10 })
    const outcomes = []
    for (let i = 0; i < 6; i++) outcomes.push(await deliverAlert(ctx.deps, deliveryId))
    expect(outcomes).toEqual(['retry', 'retry', 'retry', 'retry', 'failed', 'skipped'])
    const slack = (await owner.call(alertsApi.getSlack)).body
    expect(slack).toMatchObject({ status: 'failing', consecutiveFailures: 5 })
    expect(await logOf(owner)).toMatchObject([{ companyId: 201, status: 'failed', attempts: 5 }])
    // Saving the URL again gives it a fresh start.
    expect((await owner.call(alertsApi.setSlack, { body: { url: slackUrl('T1/B4/down') } })).body).toMatchObject({
      status: 'ok',
      consecutiveFailures: 0,
    })
  })
})
