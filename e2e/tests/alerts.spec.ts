import { expect, test } from '@playwright/test'
import { ports } from '../playwright.config'
import { consent, password, signUp } from './helpers'

const simulator = `http://127.0.0.1:${ports.simulator}`
const northwind = 2000001

test('a company turning high in HubSpot yields one Slack message, one digest mail and one HubSpot task, each linking back', async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(240_000)
  const email = await signUp(page)
  await consent(page, { portal: 'northwind-demo.com', decision: 'Grant access' })
  await expect(page).toHaveURL(/\/onboarding\/analyze$/)
  await expect(page.getByTestId('sync-phase')).toHaveText('Up to date', { timeout: 90_000 })

  const hook = `T0/B0/e2e-${Date.now()}`
  await page.goto('/settings/alerts')
  await page.getByTestId('rule-any-high').check()
  await page.getByTestId('rule-digest').check()
  await page.getByTestId('save-alert-rules').click()
  await expect(page.getByRole('status')).toHaveText('Saved.')
  await page.getByLabel('Slack incoming-webhook URL').fill(`${simulator}/slack/webhooks/${hook}`)
  await page.getByTestId('save-slack').click()
  await expect(page.getByTestId('slack-status')).toContainText('Sending to')
  // Northwind granted the optional contacts write scope HubSpot's tasks API needs.
  await page.getByTestId('hubspot-tasks-on').click()
  await expect(page.getByTestId('hubspot-tasks-status')).toHaveText('On: tasks are created in HubSpot.')

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
  const tasksOnCompany = async () => {
    const res = await request.get(`${simulator}/_simulator/portals/${northwind}/tasks`)
    const { results } = (await res.json()) as {
      results: { properties: Record<string, string | null>; companyIds: string[] }[]
    }
    return results.filter((t) => t.companyIds.includes(String(company.id)))
  }
  const digests = async () => {
    const res = await page.request.get('/api/v1/dev/mail')
    const { mails } = (await res.json()) as { mails: { to: string[]; subject: string; text: string }[] }
    return mails.filter((m) => m.to.includes(email) && m.subject.startsWith('Churnlens: '))
  }
  const poll = { timeout: 120_000, intervals: [1000] }
  await expect.poll(async () => (await toHook()).length, poll).toBe(1)
  await expect.poll(async () => (await tasksOnCompany()).length, poll).toBe(1)
  await expect.poll(async () => (await digests()).length, poll).toBe(1)

  const [message] = await toHook()
  expect(message!.text).toContain('entered the high churn-risk band')
  const link = /http\S+\/go\/company\/\d+\?\S+/.exec(message!.text)?.[0]
  expect(link).toContain(`/go/company/${company.id}?w=`)
  const [task] = await tasksOnCompany()
  expect(task!.properties).toMatchObject({ hs_task_priority: 'HIGH', hs_task_type: 'TODO' })
  expect(task!.properties.hs_task_subject).toMatch(/^Churn risk: .* is high \(\d+\/100\)$/)
  expect(task!.properties.hs_task_body).toContain(`Open in Churnlens: ${link}`)
  const [digest] = await digests()
  expect(digest!.text).toContain(link)

  await page.getByRole('button', { name: 'Refresh' }).click()
  await expect(page.getByTestId('alert-log')).toContainText('Sent to Slack')
  await page.reload()
  await expect(page.getByTestId('hubspot-tasks-recent')).toContainText('Created in HubSpot')

  // The signed link opens the company page; a tampered one is refused with its code.
  await page.goto(link!)
  await expect(page).toHaveURL(new RegExp(`/companies/${company.id}$`))
  // Opened signed out (another browser): sign in first, then straight to the company.
  const elsewhere = await browser.newContext()
  const fresh = await elsewhere.newPage()
  await fresh.goto(link!)
  await expect(fresh).toHaveURL(/\/login\?next=/)
  await fresh.getByLabel('Email').fill(email)
  await fresh.getByLabel('Password').fill(password)
  await fresh.getByRole('button', { name: 'Sign in' }).click()
  await expect(fresh).toHaveURL(new RegExp(`/companies/${company.id}$`))
  await elsewhere.close()
  await page.goto(link!.replace(/s=[^&]+/, 's=tampered'))
  await expect(page.getByTestId('company-link-error')).toHaveAttribute('data-error-code', 'link_invalid')

  // Later passes send nothing more.
  await page.waitForTimeout(5000)
  expect(await toHook()).toHaveLength(1)
  expect(await tasksOnCompany()).toHaveLength(1)
  expect(await digests()).toHaveLength(1)
})
