import { z } from 'zod'
import { churnSignals, riskBands } from './churn'
import { churnDefinitionSchema, churnOutcomesStatuses } from './churn-definition'

const share = z.number().nullable()
const signalWeightsSchema = z.record(z.enum(churnSignals), z.number())

const bandOutcomeSchema = z.object({ observations: z.number().int(), churned: z.number().int(), rate: share })

/** How well one scorer ranked the churners in the workspace's own history. */
export const rankingReportSchema = z.object({
  auc: share,
  aucLow: share,
  aucHigh: share,
  topDecileLift: share,
  medianLeadDays: share,
  churnersFlagged: share,
  bandChurnRates: z.record(z.enum(riskBands), bandOutcomeSchema),
  falseAlarmsPerMonth: share,
})
export type RankingReportView = z.infer<typeof rankingReportSchema>

const periodSchema = z.object({
  cutoffs: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  churnEvents: z.number().int(),
})

export const learnedReportSchema = rankingReportSchema.extend({
  adopted: z.boolean(),
  reason: z.string(),
  weights: signalWeightsSchema.nullable(),
  trainedOn: periodSchema.nullable(),
  testedOn: periodSchema.nullable(),
  defaultOnTest: z.object({ auc: share, aucLow: share, aucHigh: share }).nullable(),
  aucGain: z.object({ value: z.number(), low: z.number(), high: z.number() }).nullable(),
})
export type LearnedReportView = z.infer<typeof learnedReportSchema>

const rocPointSchema = z.object({ fpr: z.number(), tpr: z.number() })
const decileSchema = z.object({
  decile: z.number().int(),
  observations: z.number().int(),
  churned: z.number().int(),
  rate: share,
})

/** One backtest of the score on the workspace's own history, and the data its pictures are drawn from. */
export const modelReportSchema = z.object({
  companies: z.number().int(),
  churnEvents: z.number().int(),
  cutoffs: z.number().int(),
  firstCutoff: z.string().nullable(),
  lastCutoff: z.string().nullable(),
  horizonDays: z.number().int(),
  observations: z.number().int(),
  tickets: z.number().int(),
  enoughEvidence: z.boolean(),
  notes: z.array(z.string()),
  current: rankingReportSchema,
  baseline: rankingReportSchema,
  learned: learnedReportSchema,
  charts: z.object({
    roc: z.object({
      current: z.array(rocPointSchema),
      baseline: z.array(rocPointSchema),
      learned: z.array(rocPointSchema).nullable(),
    }),
    deciles: z.object({ current: z.array(decileSchema), baseline: z.array(decileSchema) }),
    leadDays: z.array(z.number().int()),
  }),
})
export type ModelReport = z.infer<typeof modelReportSchema>

export const modelRunSchema = z.object({
  id: z.string(),
  trigger: z.enum(['definition', 'full_sync', 'weekly', 'manual']),
  status: z.enum(['running', 'done', 'failed']),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
  report: modelReportSchema.nullable(),
})
export type ModelRun = z.infer<typeof modelRunSchema>

export const weightModes = ['default', 'learned'] as const
export type WeightMode = (typeof weightModes)[number]

export const weightsViewSchema = z.object({
  mode: z.enum(weightModes),
  active: signalWeightsSchema,
  defaults: signalWeightsSchema,
  /** The latest weights that won out of sample; null until some did. */
  learned: signalWeightsSchema.nullable(),
  /** An owner chose the defaults; later wins are offered, not applied. */
  pinnedDefault: z.boolean(),
  changedAt: z.iso.datetime().nullable(),
})
export type WeightsView = z.infer<typeof weightsViewSchema>

export const modelResponseSchema = z.object({
  definition: churnDefinitionSchema.nullable(),
  outcomesStatus: z.enum(churnOutcomesStatuses).nullable(),
  latestRun: modelRunSchema.nullable(),
  weights: weightsViewSchema,
  /** What the signed-in person may do here: only owners switch weights. */
  viewer: z.object({ canChangeWeights: z.boolean() }),
})
export type ModelResponse = z.infer<typeof modelResponseSchema>

export const setWeightsBodySchema = z.strictObject({ mode: z.enum(weightModes) })

export const modelErrors = ['unauthenticated'] as const
export const requestModelRunErrors = ['unauthenticated', 'forbidden', 'no_churn_definition'] as const
export const setWeightsErrors = [
  'invalid_body',
  'unsupported_media_type',
  'unauthenticated',
  'forbidden',
  'no_learned_weights',
] as const
