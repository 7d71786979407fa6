import type { APIRequestContext, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { randomBytes } from 'node:crypto'

export const password = 'correct horse battery'

export async function signUp(page: Page): Promise<string> {
  const email = `e2e-${randomBytes(4).toString('hex')}@example.com`
  await page.goto('/signup')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(/\/onboarding\/hubspot$/)
  return email
}

/** Onboarding → HubSpot's consent page (the simulator's) → back to Churnlens. */
export async function consent(page: Page, choice: { portal?: string; decision: 'Grant access' | 'Deny' }) {
  await page.getByRole('button', { name: 'Connect HubSpot' }).click()
  await expect(page.getByRole('button', { name: 'Grant access' })).toBeVisible()
  if (choice.portal) await page.getByLabel(new RegExp(choice.portal)).check()
  await page.getByRole('button', { name: choice.decision }).click()
}

/**
 * The first link matching `pattern` in the newest mail to `email` that the development mail catcher
 * received (`npm start` runs it when SMTP_URL is unset), read through GET /api/v1/dev/mail.
 */
export async function linkInMail(request: APIRequestContext, email: string, pattern: RegExp): Promise<string> {
  let link: string | null = null
  await expect
    .poll(async () => {
      const res = await request.get('/api/v1/dev/mail')
      if (!res.ok()) return null
      const { mails } = (await res.json()) as { mails: { to: string[]; text: string }[] }
      const mail = mails.find((m) => m.to.includes(email))
      link = mail ? (pattern.exec(mail.text)?.[0] ?? null) : null
      return link
    })
    .not.toBeNull()
  return link ?? ''
}
