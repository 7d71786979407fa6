import { alertsApi } from './alert-endpoints'
import { followUpTasksApi } from './follow-up-task-endpoints'
import { linksApi } from './link-endpoints'
import { authApi } from './auth-endpoints'
import { churnApi, churnDefinitionApi, churnModelApi, companiesApi } from './churn-endpoints'
import type { Endpoint } from './endpoint'
import { hubspotApi } from './integration-endpoints'
import { ownersApi } from './owner-endpoints'
import { revenueApi } from './revenue-endpoints'
import { syncApi } from './sync-endpoints'
import { devMailApi, teamApi } from './team-endpoints'

/** Every endpoint of the API, for checks that must see them all (each is registered once, each lists its errors). */
export const apiEndpoints: readonly Endpoint[] = [
  ...Object.values(authApi),
  ...Object.values(hubspotApi),
  ...Object.values(syncApi),
  ...Object.values(companiesApi),
  ...Object.values(churnApi),
  ...Object.values(churnModelApi),
  ...Object.values(churnDefinitionApi),
  ...Object.values(teamApi),
  ...Object.values(devMailApi),
  ...Object.values(ownersApi),
  ...Object.values(alertsApi),
  ...Object.values(followUpTasksApi),
  ...Object.values(linksApi),
  ...Object.values(revenueApi),
]
