import type { DealPipeline, DealStage } from '../crm/deal-pipeline'
import type { RenewalStageRole } from '../crm/deal-pipelines-of'
import { dealStageOf } from '../crm/deal-stage-of'
import type { AccountLife, AccountTraits, ChurnCause } from './account'
import { anniversaryAfter } from './anniversary-after'
import type { FastRandom } from './fast-random'
import type { GeneratedDeal, GeneratedHistoryEntry, GeneratedSource } from './generated-records'
import type { TimeGrid } from './time-grid'
import { dayMs, weekOf } from './time-grid'

export interface DealsInput {
  traits: AccountTraits
  life: AccountLife
  grid: TimeGrid
  companyName: string
  companyCreatedAt: number
  companyIndex: number
  pipelines: readonly DealPipeline[]
  renewalsPipelineId: string
  renewalStageIds: Readonly<Record<RenewalStageRole, string>>
  markedBy: GeneratedSource
}

/** What a rep types as the lost reason, by what really happened; often nothing, or something vaguer. */
const lostReasons: Record<ChurnCause, readonly string[]> = {
  product: ['Product did not meet needs', 'Too many issues', 'Low adoption', ''],
  price: ['Price', 'Too expensive after price change', 'Budget', ''],
  competitor: ['Went with a competitor', 'Consolidated on another tool', ''],
  budget: ['Budget cuts', 'Budget', 'Cost cutting', ''],
  acquired: ['Company acquired', 'Merged with another company', ''],
  unknown: ['No decision', 'Other', '', ''],
}

/** A stage change on the way to a deal's current stage. */
interface Step {
  stage: string
  at: number
  by: GeneratedSource
}

/**
 * A customer's deals: the new-business deal it signed, a renewal deal per contract year in the Renewals
 * pipeline (won when renewed, lost on the churn date, open for current customers' next renewal), and the
 * odd expansion deal while things go well.
 */
export function generateDeals(random: FastRandom, input: DealsInput): GeneratedDeal[] {
  const { traits, life, grid } = input
  const deals: GeneratedDeal[] = []
  const stageIds = input.renewalStageIds
  const stage = (role: RenewalStageRole): string => stageIds[role]
  const renewals = input.renewalsPipelineId

  const signedFrom = Math.max(input.companyCreatedAt, traits.customerSince - 60 * dayMs)
  deals.push(
    makeDeal(input, {
      name: `${input.companyName} - New business`,
      pipeline: 'default',
      dealtype: 'newbusiness',
      amount: traits.arr,
      createdAt: signedFrom,
      expectedClose: traits.customerSince,
      steps: [
        { stage: 'qualifiedtobuy', at: signedFrom, by: 'user' },
        { stage: 'contractsent', at: signedFrom + Math.round((traits.customerSince - signedFrom) * 0.7), by: 'user' },
        { stage: 'closedwon', at: traits.customerSince, by: 'user' },
      ],
    }),
  )

  let amount = traits.arr
  let termStart = traits.customerSince
  const end = life.churnAt
  for (let year = 1; year < 12; year++) {
    const renewalAt = anniversaryAfter(traits.customerSince, termStart + dayMs)
    const createdAt = termStart + dayMs
    if (createdAt > grid.now) break
    const name = `${input.companyName} - Renewal ${new Date(renewalAt).getUTCFullYear()}`
    const steps: Step[] = [{ stage: stage('upcoming'), at: createdAt, by: 'workflow' }]
    const conversationAt = renewalAt - 90 * dayMs
    const closesAt = end !== null && end <= renewalAt ? end : renewalAt
    if (conversationAt > createdAt && conversationAt < Math.min(grid.now, closesAt))
      steps.push({ stage: stage('in_conversation'), at: conversationAt, by: 'user' })
    const flagAt = atRiskFlag(random, life, grid, createdAt, Math.min(grid.now, closesAt))
    if (flagAt !== null) {
      // Once flagged, the deal stays at risk until it closes.
      const before = steps.filter((step) => step.at < flagAt)
      steps.splice(0, steps.length, ...before, { stage: stage('at_risk'), at: flagAt, by: 'user' })
    }

    if (end !== null && end <= renewalAt) {
      // The contract ended at (or before) this renewal.
      if (end <= grid.now) steps.push({ stage: stage('churned'), at: end, by: input.markedBy })
      const reasons = lostReasons[life.cause ?? 'unknown']
      deals.push(
        makeDeal(input, {
          name,
          pipeline: renewals,
          dealtype: 'existingbusiness',
          amount,
          createdAt,
          expectedClose: renewalAt,
          steps,
          lostReason: end <= grid.now ? random.pick(reasons) : undefined,
        }),
      )
      break
    }
    if (renewalAt > grid.now) {
      deals.push(
        makeDeal(input, {
          name,
          pipeline: renewals,
          dealtype: 'existingbusiness',
          amount,
          createdAt,
          expectedClose: renewalAt,
          steps,
        }),
      )
      break
    }
    const renewedAt = Math.min(grid.now, renewalAt + random.int(-10 * dayMs, 5 * dayMs))
    steps.push({
      stage: stage('renewed'),
      at: Math.max(renewedAt, steps[steps.length - 1]?.at ?? createdAt),
      by: 'user',
    })
    deals.push(
      makeDeal(input, {
        name,
        pipeline: renewals,
        dealtype: 'existingbusiness',
        amount,
        createdAt,
        expectedClose: renewalAt,
        steps,
      }),
    )
    // Healthy customers grow into more seats; troubled ones trim.
    amount = Math.max(
      100,
      Math.round(
        (amount * (1 + 0.15 * (life.health[weekOf(grid, renewalAt)] ?? 0) + random.between(-0.05, 0.15))) / 100,
      ) * 100,
    )
    termStart = renewalAt
  }

  const last = Math.min(grid.now, end ?? Infinity)
  for (
    let at = traits.customerSince + random.int(90 * dayMs, 365 * dayMs);
    at < last;
    at += random.int(180 * dayMs, 540 * dayMs)
  ) {
    if ((life.health[weekOf(grid, at)] ?? 0) < 0.1 || !random.chance(0.5)) continue
    const decidedAt = at + random.int(10 * dayMs, 75 * dayMs)
    const outcome =
      decidedAt > grid.now
        ? 'open'
        : random.weighted([
            ['closedwon', 60],
            ['closedlost', 30],
            ['open', 10],
          ] as const)
    const steps: Step[] = [{ stage: 'appointmentscheduled', at, by: 'user' }]
    if (outcome === 'open')
      steps.push({
        stage: random.pick(['qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin']),
        at: Math.min(grid.now, at + 7 * dayMs),
        by: 'user',
      })
    else steps.push({ stage: outcome, at: decidedAt, by: 'user' })
    deals.push(
      makeDeal(input, {
        name: `${input.companyName} - Expansion ${random.int(5, 40)} seats`,
        pipeline: 'default',
        dealtype: 'existingbusiness',
        amount: Math.round((traits.arr * random.between(0.1, 0.5)) / 100) * 100,
        createdAt: at,
        expectedClose: at + 45 * dayMs,
        steps,
      }),
    )
  }
  return deals
}

/**
 * A CSM sometimes flags a renewal at risk: often when the customer has decided to leave (they may have been
 * told), sometimes when health is poor, and sometimes wrongly. Returns when, or null.
 */
function atRiskFlag(random: FastRandom, life: AccountLife, grid: TimeGrid, from: number, until: number): number | null {
  if (until <= from) return null
  if (life.decidedAt !== null && life.decidedAt < until && life.decidedAt >= from && random.chance(0.45))
    return Math.min(until - 1, life.decidedAt + random.int(3 * dayMs, 30 * dayMs))
  const checkAt = until - random.int(20 * dayMs, 80 * dayMs)
  if (checkAt <= from) return null
  const health = life.health[weekOf(grid, checkAt)] ?? 0
  return random.chance(health < -1 ? 0.3 : 0.03) ? checkAt : null
}

interface DealDraft {
  name: string
  pipeline: string
  dealtype: 'newbusiness' | 'existingbusiness'
  amount: number
  createdAt: number
  expectedClose: number
  steps: Step[]
  lostReason?: string | undefined
}

/**
 * Properties and history from the stage steps. Only the stage and close date keep a history here: HubSpot's
 * calculated flags follow from the stage history when read (implicit-history.ts), which keeps a million
 * tickets' worth of portal small.
 */
function makeDeal(input: DealsInput, draft: DealDraft): GeneratedDeal {
  const stages: GeneratedHistoryEntry[] = []
  let current: DealStage | undefined
  let lastChange = draft.createdAt
  for (const step of draft.steps) {
    const stage = dealStageOf(input.pipelines, draft.pipeline, step.stage)
    if (!stage) continue
    stages.push({ value: stage.id, at: step.at, by: step.by })
    current = stage
    lastChange = Math.max(lastChange, step.at)
  }
  const closedAt = current?.isClosed ? lastChange : null
  const closedate: GeneratedHistoryEntry[] = [
    { value: new Date(draft.expectedClose).toISOString(), at: draft.createdAt, by: 'user' },
  ]
  if (closedAt !== null && Math.abs(closedAt - draft.expectedClose) > dayMs)
    closedate.push({ value: new Date(closedAt).toISOString(), at: closedAt, by: 'user' })
  const won = current !== undefined && current.isClosed && current.probability === '1.0'
  const properties: Record<string, string> = {
    dealname: draft.name,
    amount: String(draft.amount),
    pipeline: draft.pipeline,
    dealstage: current?.id ?? '',
    dealtype: draft.dealtype,
    closedate: closedate[closedate.length - 1]?.value ?? '',
    hs_is_closed: String(current?.isClosed ?? false),
    hs_is_closed_won: String(won),
    hs_is_closed_lost: String((current?.isClosed ?? false) && !won),
    hs_deal_stage_probability: current?.probability ?? '0.0',
  }
  if (draft.lostReason) properties.closed_lost_reason = draft.lostReason
  return {
    properties,
    createdAt: draft.createdAt,
    updatedAt: Math.min(input.grid.now, lastChange),
    history: { dealstage: stages, closedate },
    companyIndex: input.companyIndex,
  }
}
