import { eq } from 'drizzle-orm'
import type { AppDeps } from '../../app-deps'
import { churnModelRuns } from '../../db/schema'
import { runBacktest } from '../backtest/run-backtest'
import { scoreObservations } from '../backtest/score-observations'
import { defaultSignalWeights } from '../churn-weights'
import { loadChurnOutcomes } from '../outcomes/load-churn-outcomes'
import { bandOf } from '../score-company'
import { applyModelVerdict } from './apply-model-verdict'
import type { VerdictOutcome } from './apply-model-verdict'
import { loadBacktestHistories } from './load-backtest-histories'
import { decileRates, leadDays, rocPoints } from './model-charts'
import type { ModelTrigger } from './model-trigger'

export type ModelRunOutcome =
  | { status: 'skipped'; reason: 'no_churn_definition' | 'outcomes_not_ready' }
  | { status: 'done'; runId: string; verdict: VerdictOutcome }

/** Churn within 90 days of a cut-off: a quarter is how far ahead a team can still act. */
export const MODEL_HORIZON_DAYS = 90

/**
 * The backtest on the workspace's own history: its synced tickets against the churn its definition
 * yields, always with the default weights and the ticket-count baseline, and with weights learned
 * on the earlier months and judged on the later ones. The report and its pictures' data are kept;
 * the learned weights are adopted only when they win out of sample.
 */
export async function runChurnModel(
  deps: Pick<AppDeps, 'db' | 'clock' | 'logger' | 'scheduler'>,
  workspaceId: string,
  trigger: ModelTrigger,
): Promise<ModelRunOutcome> {
  const outcomes = await loadChurnOutcomes(deps.db, workspaceId)
  if (!outcomes.definition) return { status: 'skipped', reason: 'no_churn_definition' }
  if (outcomes.status !== 'ready') return { status: 'skipped', reason: 'outcomes_not_ready' }
  const started = deps.clock.now()
  const [run] = await deps.db
    .insert(churnModelRuns)
    .values({ workspaceId, trigger, status: 'running', startedAt: started })
    .returning({ id: churnModelRuns.id })
  const runId = run!.id
  try {
    const input = await loadBacktestHistories(deps.db, workspaceId, outcomes.outcomes)
    const result = runBacktest(input.histories, {
      horizonDays: MODEL_HORIZON_DAYS,
      asOf: started.getTime(),
      learn: true,
    })
    const { observationsData: observations, learned, ...report } = result
    const churnedAt = input.histories.map((h) => h.churnedAt)
    const current = scoreObservations(observations, defaultSignalWeights)
    const learnedScores = learned?.weights ? scoreObservations(observations, learned.weights) : null
    const charts = {
      roc: {
        current: rocPoints(observations, current),
        baseline: rocPoints(observations, observations.recentTickets),
        learned: learnedScores ? rocPoints(observations, learnedScores) : null,
      },
      deciles: {
        current: decileRates(observations, current),
        baseline: decileRates(observations, observations.recentTickets),
      },
      leadDays: leadDays(observations, Array.from(current, bandOf), churnedAt),
    }
    const stored = { ...report, tickets: input.tickets, notes: [...report.notes, ...input.notes], learned, charts }
    await deps.db
      .update(churnModelRuns)
      .set({ status: 'done', finishedAt: deps.clock.now(), report: stored })
      .where(eq(churnModelRuns.id, runId))
    const verdict = learned
      ? await applyModelVerdict(deps.db, workspaceId, runId, learned, deps.clock.now())
      : 'unchanged'
    if (verdict === 'adopted' || verdict === 'withdrawn') await deps.scheduler.requestRescore(workspaceId)
    deps.logger.info(
      {
        workspaceId,
        runId,
        trigger,
        companies: report.companies,
        churnEvents: report.churnEvents,
        auc: report.current.auc,
        verdict,
        ms: deps.clock.now().getTime() - started.getTime(),
      },
      'churn model run finished',
    )
    return { status: 'done', runId, verdict }
  } catch (error) {
    await deps.db
      .update(churnModelRuns)
      .set({
        status: 'failed',
        finishedAt: deps.clock.now(),
        error: 'The backtest stopped on an internal error; it will run again after the next sync.',
      })
      .where(eq(churnModelRuns.id, runId))
    throw error
  }
}
