import { expect, test } from '@playwright/test'
import { consent, signUp } from './helpers'

test('a member matched to their HubSpot owner starts the dashboard on "My accounts", and can see everyone\'s', async ({
  page,
}) => {
  test.setTimeout(150_000)
  await signUp(page)
  await consent(page, { portal: 'northwind-demo.com', decision: 'Grant access' })
  await expect(page).toHaveURL(/\/onboarding\/analyze$/)
  await expect(page.getByTestId('sync-phase')).toHaveText('Up to date', { timeout: 90_000 })

  // Their account email is not the one they work under in HubSpot: they say which it is.
  await page.goto('/settings/owners')
  await expect(page.getByTestId('my-owner')).toContainText('No HubSpot owner has the email')
  await expect(page.getByTestId('owners-table')).toContainText('maya@northwind-demo.com')
  await page.getByLabel('Your HubSpot owner email').fill('maya@northwind-demo.com')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByTestId('my-owner')).toContainText('You are Maya Okafor')
  const owned = Number(/owner of ([\d,]+)/.exec((await page.getByTestId('my-owner').textContent()) ?? '')?.[1])
  expect(owned).toBeGreaterThan(0)

  await page.goto('/dashboard')
  await expect(page.getByLabel('Owner')).toHaveValue('me')
  const table = page.getByTestId('companies-table')
  await expect(page.getByTestId('companies-count')).toContainText(`of ${owned} companies`)
  const owners = table.getByTestId('company-owner')
  await expect(owners.first()).toHaveText('Maya Okafor')
  expect(new Set(await owners.allTextContents())).toEqual(new Set(['Maya Okafor']))

  // Revenue at risk per band, in the portal's currency; each company's revenue in the table.
  const revenue = page.getByTestId('revenue-at-risk')
  await expect(revenue.locator('tr[data-band="high"]')).toBeVisible()
  await expect(revenue.getByTestId('band-revenue').first()).toContainText(/\$|—/)
  await expect(table.getByTestId('company-revenue').first()).toContainText(/\$[\d,]+/)

  await page.getByLabel('Owner').selectOption('all')
  await expect(page).toHaveURL(/owner=all/)
  await expect(page.getByTestId('companies-count')).not.toContainText(`of ${owned} companies`)
  await expect(owners.filter({ hasText: 'Unowned' }).first()).toBeVisible()

  await revenue.getByRole('link', { name: 'Riskiest revenue first' }).click()
  await expect(page).toHaveURL(/sort=risk_revenue/)
  await expect(page.getByTestId('companies-count')).toContainText(/\d/)

  // Until a renewal source is chosen, the dashboard says where to choose one.
  await page.goto('/dashboard')
  await expect(page.getByTestId('renewals-unconfigured')).toBeVisible()

  // The team keeps ARR and the renewal date in properties of its own: revenue and renewals follow them.
  await page.goto('/settings/revenue')
  await expect(page.getByTestId('revenue-source-label')).toHaveText('Annual Revenue (annualrevenue)')
  await expect(page.getByTestId('renewal-source-label')).toHaveText('None chosen')
  await page.getByTestId('revenue-property').selectOption('arr')
  await page.getByTestId('renewal-kind-property').check()
  await page.getByTestId('renewal-property').selectOption('renewal_date')
  await page.getByTestId('revenue-save').click()
  await expect(page.getByTestId('revenue-saved')).toBeVisible()
  await expect(page.getByTestId('revenue-source-label')).toHaveText('ARR (arr)')
  await expect(page.getByTestId('renewal-source-label')).toHaveText('Renewal date (renewal_date)')
  await expect(page.getByTestId('revenue-ready')).toBeVisible({ timeout: 30_000 })

  await page.goto('/dashboard')
  await expect(page.getByTestId('revenue-source')).toContainText('ARR (arr)')
  const renewals = page.getByTestId('renewals')
  await expect(renewals).toContainText('Renewal dates from Renewal date (renewal_date)')
  const within90 = Number(/\d+/.exec((await renewals.getByTestId('renewals-all-90').textContent()) ?? '')?.[0])
  expect(within90).toBeGreaterThan(0)
  await expect(renewals.getByTestId('renewals-nearest').or(renewals.getByTestId('renewals-nearest-none'))).toBeVisible()

  // The list narrowed to renewals within 90 days: the same companies the dashboard counted, each with its date.
  await page.getByLabel('Owner').selectOption('all')
  await page.getByTestId('renewal-filter').selectOption('90')
  await expect(page).toHaveURL(/renewal=90/)
  await expect(page.getByTestId('companies-count')).toContainText(
    `of ${within90} ${within90 === 1 ? 'company' : 'companies'}`,
  )
  await expect(table.getByTestId('company-renewal').first()).toContainText(/\w{3} \d{1,2}, \d{4}/)

  // The company page shows the revenue (or names where it is missing) and the renewal date.
  await table.getByRole('link').first().click()
  await expect(page.getByTestId('company-detail-renewal')).toContainText(/\w{3} \d{1,2}, \d{4}/)
  await expect(page.getByTestId('company-detail-revenue')).toContainText(/\$[\d,]+|Missing in HubSpot \(ARR \(arr\)\)/)
})
