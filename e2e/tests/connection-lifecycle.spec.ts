import { expect, test } from '@playwright/test'
import { ports } from '../playwright.config'
import { consent, signUp } from './helpers'

const simulator = `http://127.0.0.1:${ports.simulator}/_simulator`
const initech = 2000003

test('an app uninstalled in HubSpot ends in needs_reauth with a clear reason, and reconnecting brings it back', async ({
  page,
  request,
}) => {
  await signUp(page)
  await consent(page, { portal: 'initech-demo.com', decision: 'Grant access' })
  await expect(page.getByTestId('integration-status')).toHaveText('connected')

  // Someone removes the app from the portal in HubSpot.
  expect((await request.post(`${simulator}/installs/${initech}/revoke`)).ok()).toBe(true)

  // The settings page calls HubSpot (live portal details): the 401, the refused refresh, needs_reauth.
  await page.goto('/settings/integrations')
  await expect(page.getByTestId('integration-status')).toHaveText('needs_reauth', { timeout: 20_000 })
  await expect(page.getByTestId('connection-banner')).toContainText(/reconnect/i)
  await expect(page.getByTestId('integration-timeline')).toContainText(/needs|reconnect|revoked/i)

  await page.getByRole('button', { name: 'Reconnect HubSpot' }).first().click()
  await expect(page.getByRole('button', { name: 'Grant access' })).toBeVisible()
  await page.getByLabel(/initech-demo\.com/).check()
  await page.getByRole('button', { name: 'Grant access' }).click()
  await expect(page).toHaveURL(/\/onboarding\/analyze$/)
  await expect(page.getByTestId('integration-status')).toHaveText('connected')
  await expect(page.getByTestId('connection-banner')).toHaveCount(0)
})

test('a private-app token connects the workspace without OAuth', async ({ page, request }) => {
  await signUp(page)
  const portals = (await (await request.get(`${simulator}/portals`)).json()) as {
    portalId: number
    privateAppToken: string
  }[]
  const globex = portals.find((p) => p.portalId === 2000002)!
  await page.goto('/settings/integrations')
  await page.getByLabel('Private-app token').fill(globex.privateAppToken)
  await page.getByRole('button', { name: 'Save token' }).click()
  await expect(page.getByTestId('integration-status')).toHaveText('connected')
  await expect(page.getByTestId('hub-id')).toHaveText('2000002')
  await expect(page.getByText('Private-app token').first()).toBeVisible()
})
