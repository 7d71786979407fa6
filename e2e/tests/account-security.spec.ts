import { expect, test } from '@playwright/test'
import { linkInMail, password, signUp } from './helpers'

test('a forgotten password is reset through the emailed link, and the old one stops working', async ({
  page,
  request,
}) => {
  const email = await signUp(page)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/login/)

  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  // Until the reset page has replaced the sign-in page, 'Email' still names the sign-in form's field.
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible()
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Email me a link' }).click()
  await expect(page.getByRole('status')).toContainText('a link to choose a new password is on its way')

  const link = new URL(await linkInMail(request, email, /https?:\/\/\S+\/reset-password#token=[\w-]+/))
  await page.goto(`${link.pathname}${link.hash}`)
  await page.getByLabel('New password', { exact: true }).fill('a new password for e2e')
  await page.getByRole('button', { name: 'Set password' }).click()
  await expect(page.getByRole('status')).toContainText('Your password was changed')

  const login = async (pw: string) => {
    await page.goto('/login')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(pw)
    await page.getByRole('button', { name: 'Sign in' }).click()
  }
  await login(password)
  await expect(page.getByRole('alert')).toContainText('do not match')
  await login('a new password for e2e')
  await expect(page).not.toHaveURL(/\/login/)
})

test('changing the password on the account page signs out other browsers', async ({ page, browser }) => {
  const email = await signUp(page)
  const other = await browser.newPage()
  await other.goto('/login')
  await other.getByLabel('Email').fill(email)
  await other.getByLabel('Password').fill(password)
  await other.getByRole('button', { name: 'Sign in' }).click()
  await expect(other).not.toHaveURL(/\/login/)

  await page.getByTestId('user-email').click()
  await page.getByLabel('Current password').fill(password)
  await page.getByLabel('New password', { exact: true }).fill('changed on the account page')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('status')).toContainText('Your password was changed')

  await other.goto('/settings/account')
  await expect(other).toHaveURL(/\/login/)
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible()
  await other.close()
})
