import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { consent, signUp } from './helpers'

// One workspace connected to the seeded northwind portal, imported once, used by every test here.
test.describe.configure({ mode: 'serial' })

test('onboarding ends on the ten riskiest customers, each with its top reason', async ({ page }) => {
  test.setTimeout(120_000)
  await signUp(page)
  await consent(page, { portal: 'northwind-demo.com', decision: 'Grant access' })
  await expect(page).toHaveURL(/\/onboarding\/analyze$/)
  await expect(page.getByTestId('sync-progress')).toBeVisible()
  await expect(page.getByTestId('sync-phase')).toHaveText('Up to date', { timeout: 90_000 })
  const riskiest = page.getByTestId('riskiest').getByRole('link')
  await expect(riskiest).toHaveCount(10, { timeout: 30_000 })
  await expect(page.getByTestId('riskiest')).toContainText(/\d/)
  // Which band the riskiest customer falls in depends on the score and the data; filter by that one.
  const band =
    (await page.getByTestId('riskiest').getByTestId('band-badge').first().getAttribute('data-band')) ?? 'high'
  // UPDATE_SCREENSHOTS=1 refreshes the README's pictures.
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'docs/analyze.png', fullPage: true })

  // The dashboard: sort, filter, open a company.
  await page.getByRole('link', { name: 'See all companies' }).click()
  await expect(page).toHaveURL(/\/dashboard/)
  const table = page.getByTestId('companies-table')
  await expect(table.getByRole('row')).not.toHaveCount(1)
  await expect(page.getByTestId('risk-distribution-chart')).toBeVisible()
  await expect(page.getByTestId('ticket-volume-chart')).toBeVisible()

  await page.getByLabel('Risk band').selectOption(band)
  await expect(page).toHaveURL(new RegExp(`band=${band}`))
  await expect(table.locator('tbody tr').first().getByTestId('band-badge')).toHaveAttribute('data-band', band)

  await table.getByRole('button', { name: /^Company/ }).click()
  await expect(page).toHaveURL(/sort=name/)

  const download = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  const file = await (await download).path()
  const csv = readFileSync(file, 'utf8').trim().split(/\r?\n/)
  expect(csv[0]).toContain('risk_score')
  expect(csv.length).toBeGreaterThan(1)
  expect(csv.slice(1).every((line) => line.includes(`,${band},`))).toBe(true)

  await table.locator('tbody tr').first().getByRole('link').first().click()
  await expect(page).toHaveURL(/\/companies\/\d+$/)
  await expect(page.getByTestId('reasons').locator('li').first()).toBeVisible()
  await expect(page.getByTestId('company-tickets')).toBeVisible()
  await expect(page.getByRole('link', { name: /Open in HubSpot/ })).toHaveAttribute(
    'href',
    /^https:\/\/app\.hubspot\.com\/contacts\/2000001\/company\/\d+$/,
  )
  await expect(page.getByTestId('score-history-chart')).toBeVisible()
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'docs/company.png', fullPage: true })
})
