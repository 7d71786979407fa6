import { expect, test } from '@playwright/test'
import { consent, signUp } from './helpers'

test("sign up, connect a portal through HubSpot's consent page, survive a reload, disconnect", async ({ page }) => {
  await signUp(page)
  await expect(page.getByText('We need access to your support tickets to analyze churn risk.')).toBeVisible()

  await consent(page, { portal: 'globex-demo.com', decision: 'Grant access' })
  await expect(page).toHaveURL(/\/onboarding\/analyze$/)
  await expect(page.getByTestId('hub-domain')).toHaveText('globex-demo.com')
  await expect(page.getByTestId('hub-id')).toHaveText('2000002')
  await expect(page.getByTestId('integration-status')).toHaveText('connected')
  await expect(page.getByTestId('granted-scopes')).toContainText('tickets')

  await page.reload()
  await expect(page.getByTestId('hub-domain')).toHaveText('globex-demo.com')

  await page.getByRole('button', { name: 'Disconnect' }).click()
  await page.getByRole('button', { name: 'Yes, disconnect' }).click()
  await expect(
    page
      .getByRole('link', { name: 'Connect HubSpot' })
      .or(page.getByRole('button', { name: 'Connect HubSpot' }))
      .first(),
  ).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('hub-domain')).toHaveCount(0)
})

test('denying consent ends on a clear message with a way to try again', async ({ page }) => {
  await signUp(page)
  await consent(page, { decision: 'Deny' })
  await expect(page).toHaveURL(/\/onboarding\?error=oauth_access_denied$/)
  await expect(page.getByRole('alert')).toContainText('HubSpot access was not granted')
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('button', { name: 'Grant access' })).toBeVisible()
})

test('a replayed callback is refused with its own message', async ({ page }) => {
  await signUp(page)
  const callbackUrls: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame.url().includes('/oauth/hubspot/callback')) callbackUrls.push(frame.url())
  })
  await consent(page, { decision: 'Grant access' })
  await expect(page).toHaveURL(/\/onboarding\/analyze$/)
  expect(callbackUrls[0]).toContain('code=')
  // Opening HubSpot's redirect (code and state) a second time must not connect anything again.
  await page.goto(callbackUrls[0]!)
  await expect(page).toHaveURL(/\/onboarding\?error=state_already_used$/)
  await expect(page.getByRole('alert')).toContainText('already used')
})

test('signing out ends the session; signing in brings the connection back', async ({ page }) => {
  const email = await signUp(page)
  await consent(page, { decision: 'Grant access' })
  await expect(page.getByTestId('integration-status')).toHaveText('connected')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/login/)
  await page.goto('/onboarding/analyze')
  await expect(page).toHaveURL(/\/login\?next=/)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/onboarding\/analyze$/)
  await expect(page.getByTestId('integration-status')).toHaveText('connected')
})
