import { expect, test } from '@playwright/test'
import { ports } from '../playwright.config'
import { consent, signUp } from './helpers'

const simulator = `http://127.0.0.1:${ports.simulator}`
const northwind = 2000001

test('a member sets an alert; a company turning high in HubSpot yields one Slack message at the receiver', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000)
  await signUp(page)
  await consent(page, { portal: 'northwind-demo.com', decision: 'Grant access' })
  await expect(page).toHaveURL(/\/onboarding\/analyze$/)
  await expect(page.getByTestId('sync-phase')).toHaveText('Up to date', { timeout: 90_000 })

  const hook = `T0/B0/e2e-${Date.now()}`
  await page.goto('/settings/alerts')
  await page.getByTestId('rule-any-high').check()
  await page.getByTestId('save-alert-rules').click()
  await expect(page.getByRole('status')).toHaveText('Saved.')
  await page.getByLabel('Slack incoming-webhook URL').fill(`${simulator}/slack/webhooks/${hook}`)
  await page.getByTestId('save-slack').click()
  await expect(page.getByTestId('slack-status')).toContainText('Sending to')

  // The riskiest company below the high band, and a burst of angry, urgent tickets from it in HubSpot.
  const list = await page.request.get('/api/v1/companies?band=medium&sort=score&pageSize=1')
  expect(list.ok()).toBe(true)
  const { companies } = (await list.json()) as { companies: { id: number; name: string | null }[] }
  const company = companies[0]!
  for (let i = 0; i < 8; i++) {
    const created = await request.post(`${simulator}/_simulator/portals/${northwind}/records/tickets`, {
      data: {
        properties: {
          subject: i === 0 ? 'We want to cancel our subscription and get a refund' : 'Sync broken again',
          content: 'This is unacceptable, we are cancelling',
          hs_pipeline: '0',
          hs_pipeline_stage: '1',
          hs_ticket_priority: 'URGENT',
        },
        associations: [{ toType: 'companies', toId: company.id }],
      },
    })
    expect(created.ok()).toBe(true)
  }

  const toHook = async () => {
    const res = await request.get(`${simulator}/slack/messages`)
    const { messages } = (await res.json()) as { messages: { hook: string; text: string }[] }
    return messages.filter((m) => m.hook === hook)
  }
  await expect.poll(async () => (await toHook()).length, { timeout: 90_000, intervals: [1000] }).toBe(1)
  const [message] = await toHook()
  expect(message!.text).toContain('entered the high churn-risk band')
  expect(message!.text).toContain(`/companies/${company.id}`)

  await page.getByRole('button', { name: 'Refresh' }).click()
  await expect(page.getByTestId('alert-log')).toContainText('Sent to Slack')
  // Later passes send nothing more.
  await page.waitForTimeout(5000)
  expect(await toHook()).toHaveLength(1)
})
