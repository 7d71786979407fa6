import type { Browser, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { ports } from '../playwright.config'
import { consent, password, signUp } from './helpers'

const simulator = `http://127.0.0.1:${ports.simulator}`

test("an install started from the simulator's install link is finished after sign-up", async ({ page }) => {
  // As from HubSpot's Marketplace: nobody is signed in to Churnlens, and HubSpot sends no state of ours.
  await page.goto(`${simulator}/install`)
  await page.getByLabel(/initech-demo\.com/).check()
  await page.getByRole('button', { name: 'Grant access' }).click()

  await expect(page).toHaveURL(/\/oauth\/hubspot\/install$/)
  await expect(page.getByTestId('install-title')).toHaveText(
    'Sign in or create an account to finish connecting initech-demo.com',
  )
  await page.getByRole('link', { name: 'Create an account' }).click()
  await page.getByLabel('Email').fill(`e2e-install-${randomBytes(4).toString('hex')}@example.com`)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()

  await expect(page.getByTestId('install-title')).toHaveText('Finish connecting initech-demo.com')
  await page.getByTestId('install-connect').click()
  await expect(page).toHaveURL(/\/onboarding\/analyze$/)
  await expect(page.getByTestId('hub-domain')).toHaveText('initech-demo.com')
  await expect(page.getByTestId('integration-status')).toHaveText('connected')
})

/** A person with a workspace of their own, connected to globex-demo.com and imported. */
async function connectedWorkspace(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signUp(page)
  await consent(page, { portal: 'globex-demo.com', decision: 'Grant access' })
  await expect(page).toHaveURL(/\/onboarding\/analyze$/)
  await expect(page.getByTestId('sync-phase')).toHaveText('Up to date', { timeout: 90_000 })
  return page
}

/** The company's page shows the name HubSpot now has (the change arrives by webhook, not by a sync we start). */
async function expectCompanyName(page: Page, companyId: number, name: string) {
  await expect(async () => {
    await page.goto(`/companies/${companyId}`)
    await expect(page.getByTestId('company-name')).toHaveText(name, { timeout: 2_000 })
  }).toPass({ timeout: 45_000 })
}

test('two workspaces on one portal both follow a change made in HubSpot; one disconnecting leaves the other syncing', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000)
  const first = await connectedWorkspace(browser)
  const second = await connectedWorkspace(browser)

  const list = await first.request.get('/api/v1/companies?sort=name&order=asc')
  expect(list.ok()).toBe(true)
  const company = ((await list.json()) as { companies: { id: number }[] }).companies[0]!
  const rename = (name: string) =>
    request.patch(`${simulator}/_simulator/portals/2000002/records/companies/${company.id}`, {
      data: { properties: { name } },
    })

  const both = `Renamed in HubSpot ${randomBytes(3).toString('hex')}`
  expect((await rename(both)).ok()).toBe(true)
  await expectCompanyName(first, company.id, both)
  await expectCompanyName(second, company.id, both)

  await first.goto('/onboarding/analyze')
  await first.getByRole('button', { name: 'Disconnect' }).click()
  await first.getByRole('button', { name: 'Yes, disconnect' }).click()
  await expect(
    first
      .getByRole('link', { name: 'Connect HubSpot' })
      .or(first.getByRole('button', { name: 'Connect HubSpot' }))
      .first(),
  ).toBeVisible()

  const after = `Still followed ${randomBytes(3).toString('hex')}`
  expect((await rename(after)).ok()).toBe(true)
  await expectCompanyName(second, company.id, after)
  await second.goto('/onboarding/analyze')
  await expect(second.getByTestId('integration-status')).toHaveText('connected')
})
