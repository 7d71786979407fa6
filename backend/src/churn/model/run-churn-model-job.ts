import type { AppDeps } from '../../app-deps'
import { refreshChurnOutcomes } from '../definition/refresh-churn-outcomes'
import type { ModelTrigger } from './model-trigger'
import type { ModelRunOutcome } from './run-churn-model'
import { runChurnModel } from './run-churn-model'

/**
 * The background job behind the model page: read the outcomes the churn definition yields from
 * HubSpot again (churn keeps happening), then backtest. A HubSpot outage throws, so the queue
 * retries later; a definition HubSpot can no longer serve is recorded for the settings page, and
 * the backtest still runs on the outcomes read before, when there are any.
 */
export async function runChurnModelJob(
  deps: Pick<
    AppDeps,
    'db' | 'clock' | 'logger' | 'scheduler' | 'fetch' | 'hubspot' | 'metrics' | 'budgets' | 'retryDelayScale' | 'tokens'
  >,
  workspaceId: string,
  trigger: ModelTrigger,
): Promise<ModelRunOutcome> {
  const refresh = await refreshChurnOutcomes(deps, workspaceId)
  if (refresh.status === 'failed' && refresh.transient)
    throw new Error(`churn outcomes could not be read from HubSpot (${refresh.error}); retrying later`)
  return runChurnModel(deps, workspaceId, trigger)
}
