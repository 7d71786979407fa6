import { expect, test } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { consent, linkInMail, password, signUp } from './helpers'

test('an owner invites a colleague, who joins from the mailed link and works as a member', async ({
  page,
  browser,
  request,
}) => {
  // Two people, a consent page and an import: more than one default timeout on a busy machine.
  test.setTimeout(180_000)
  await signUp(page)
  await consent(page, { portal: 'globex-demo.com', decision: 'Grant access' })
  await expect(page).toHaveURL(/\/onboarding\/analyze$/)
  await expect(page.getByTestId('hub-domain')).toHaveText('globex-demo.com')

  const colleagueEmail = `e2e-colleague-${randomBytes(4).toString('hex')}@example.com`
  await page.goto('/settings/team')
  await page.getByLabel('Email').fill(colleagueEmail)
  await page.getByRole('radio', { name: /^Member/ }).check()
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByRole('status')).toContainText(`Invitation sent to ${colleagueEmail}`)
  await expect(page.getByTestId('invitations')).toContainText(colleagueEmail)

  // The colleague, in a browser of their own, follows the link the catcher received over SMTP.
  const link = new URL(await linkInMail(request, colleagueEmail, /https?:\/\/\S+\/invitations\/[\w-]+/))
  const colleague = await browser.newPage()
  await colleague.goto(link.pathname)
  await expect(colleague.getByText('You are invited to')).toBeVisible()
  await colleague.getByRole('link', { name: 'Create an account' }).click()
  await colleague.getByLabel('Email').fill(colleagueEmail)
  await colleague.getByLabel('Password').fill(password)
  await colleague.getByRole('button', { name: 'Create account' }).click()

  // Back on the link's page, signed in as the invited address: it joins and opens the workspace.
  await expect(colleague).toHaveURL(/\/(dashboard|onboarding\/analyze)$/)
  await colleague.goto('/dashboard')
  await expect(colleague.getByRole('heading', { name: 'Churn risk across your customers' })).toBeVisible()
  await expect(colleague.getByTestId('workspace-switcher')).toContainText('(member)')

  // A member sees the connection but has no control to change it.
  await colleague.goto('/settings/integrations')
  await expect(colleague.getByTestId('hub-domain')).toHaveText('globex-demo.com')
  await expect(colleague.getByRole('button', { name: 'Disconnect' })).toHaveCount(0)
  await expect(colleague.getByRole('button', { name: 'Reconnect HubSpot' })).toHaveCount(0)

  // The owner sees the colleague among the members, the invitation gone.
  await page.reload()
  await expect(page.getByTestId('members')).toContainText(colleagueEmail)
  await expect(page.getByTestId('invitations')).toHaveCount(0)
  await colleague.close()
})
