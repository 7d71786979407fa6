import { endpoint } from './endpoint'
import {
  getRevenueSettingsErrors,
  revenueSettingsOptionsErrors,
  revenueSettingsOptionsSchema,
  revenueSettingsSchema,
  revenueSettingsViewSchema,
  saveRevenueSettingsErrors,
} from './revenue'

/** Settings → Revenue & renewals: where revenue and renewal dates come from, and what the portal offers for it. */
export const revenueApi = {
  get: endpoint({
    method: 'GET',
    path: '/api/v1/revenue/settings',
    auth: 'session',
    permission: 'data:read',
    response: revenueSettingsViewSchema,
    errors: getRevenueSettingsErrors,
  }),
  /** The portal's company number and date properties and its deal pipelines. */
  options: endpoint({
    method: 'GET',
    path: '/api/v1/revenue/settings/options',
    auth: 'session',
    permission: 'churn:configure',
    response: revenueSettingsOptionsSchema,
    errors: revenueSettingsOptionsErrors,
  }),
  /** Checked against HubSpot now; every company's revenue and renewal are recomputed in the background. */
  save: endpoint({
    method: 'PUT',
    path: '/api/v1/revenue/settings',
    auth: 'session',
    permission: 'churn:configure',
    body: revenueSettingsSchema,
    response: revenueSettingsViewSchema,
    status: 202,
    errors: saveRevenueSettingsErrors,
  }),
}
