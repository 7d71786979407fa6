import { expect, test } from '@playwright/test'
import { consent, signUp } from './helpers'

// An owner says what churned means, previews it, saves it, and reads the backtest on the team's own history.
test('set the churn definition, see the model page with its charts, and the weights it learned', async ({ page }) => {
  test.setTimeout(240_000)
  await signUp(page)
  await consent(page, { portal: 'northwind-demo.com', decision: 'Grant access' })
  await expect(page.getByTestId('sync-phase')).toHaveText('Up to date', { timeout: 120_000 })

  // Without a definition, the model page says what to do first.
  await page.getByRole('link', { name: 'Model' }).click()
  await page.getByRole('link', { name: 'Choose a churn definition' }).click()
  await expect(page).toHaveURL(/\/settings\/churn$/)
  await expect(page.getByTestId('definition-none')).toBeVisible()

  // A bad upload names its line, and nothing is saved.
  await page.getByTestId('definition-kind-upload').check()
  await page.getByTestId('definition-csv').setInputFiles({
    name: 'churn.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('company_id,churned_at\n10000000001,March 2025\n'),
  })
  await page.getByTestId('definition-preview-button').click()
  await expect(page.getByTestId('definition-csv-error')).toHaveText(/^Line 2: churned_at "March 2025"/)

  // Northwind marks churn with a custom "Former customer" lifecycle stage: it is offered and ticked first.
  await page.getByTestId('definition-kind-property').check()
  await expect(page.getByTestId('definition-property')).toHaveValue('lifecyclestage')
  await expect(page.getByTestId('definition-value-1024653')).toBeChecked()
  await page.getByTestId('definition-preview-button').click()
  const preview = page.getByTestId('definition-preview')
  await expect(preview).toContainText(/\d+ churn events in the last 24 months/, { timeout: 30_000 })
  await expect(preview.locator('canvas')).toBeVisible()

  await page.getByTestId('definition-save').click()
  await expect(page.getByTestId('definition-saved')).toBeVisible()
  const status = page.getByTestId('definition-status')
  await expect(status).toContainText('a company property taking a churned value (lifecyclestage)')
  await expect(status.getByTestId('definition-counts')).toBeVisible({ timeout: 60_000 })
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'docs/churn-definition.png', fullPage: true })

  // The backtest runs in the background after the outcomes are read; the page follows it.
  await page.getByTestId('definition-model-link').click()
  await expect(page).toHaveURL(/\/insights\/model$/)
  await expect(page.getByTestId('model-auc')).toContainText(/scored higher than ones that stayed \d+% of the time/, {
    timeout: 90_000,
  })
  await expect(page.getByTestId('model-baseline')).toBeVisible()
  for (const chart of ['model-roc', 'model-bands', 'model-lift', 'model-lead-times'])
    await expect(page.getByTestId(chart)).toBeVisible()
  await expect(page.getByTestId('model-roc').locator('canvas')).toBeVisible()

  // Weights: learned ones are adopted only when they beat the defaults on later months. Either the
  // owner can switch, or the page says why the defaults stay.
  const weights = page.getByTestId('model-weights')
  await expect(weights.getByTestId('learned-reason')).not.toBeEmpty()
  const useDefault = weights.getByTestId('weights-use-default')
  const useLearned = weights.getByTestId('weights-use-learned')
  if (await useDefault.isVisible()) {
    await useDefault.click()
    await expect(weights.getByTestId('weights-mode')).toContainText('the default weights')
    await weights.getByTestId('weights-use-learned').click()
    await expect(weights.getByTestId('weights-mode')).toContainText('weights learned from your churn')
  } else if (await useLearned.isVisible()) {
    await useLearned.click()
    await expect(weights.getByTestId('weights-mode')).toContainText('weights learned from your churn')
  } else {
    await expect(weights.getByTestId('weights-mode')).toContainText('the default weights')
  }
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'docs/model.png', fullPage: true })
})
