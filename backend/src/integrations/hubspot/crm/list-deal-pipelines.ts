import { z } from 'zod'
import type { Result } from '../../../lib/result'
import { ok } from '../../../lib/result'
import type { HubspotClient } from '../client/hubspot-client'
import type { HubspotRequest } from '../client/hubspot-request'
import { processHubspotJson } from '../client/process-hubspot-json'
import type { CrmCallError } from './crm-call-error'

const pipelinesSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      archived: z.boolean().optional(),
      stages: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          archived: z.boolean().optional(),
          metadata: z.record(z.string(), z.string().nullable()).optional(),
        }),
      ),
    }),
  ),
})

export type StageOutcome = 'won' | 'lost' | 'open'

export interface DealPipeline {
  id: string
  label: string
  stages: { id: string; label: string; outcome: StageOutcome }[]
}

/**
 * Pure: what a stage means. HubSpot marks closed stages with `isClosed: "true"` and a probability;
 * closed at 0 is lost, any other closed stage is won. Metadata values are strings.
 */
export function stageOutcome(metadata: Record<string, string | null> | undefined): StageOutcome {
  if (metadata?.isClosed !== 'true') return 'open'
  return Number(metadata.probability ?? 'NaN') === 0 ? 'lost' : 'won'
}

export const dealPipelinesRequest: HubspotRequest = { method: 'GET', path: '/crm/v3/pipelines/deals' }

export async function processDealPipelines(response: Response): Promise<Result<DealPipeline[], CrmCallError>> {
  const parsed = await processHubspotJson(response, pipelinesSchema)
  if (!parsed.ok) return parsed
  return ok(
    parsed.value.results
      .filter((pipeline) => !pipeline.archived)
      .map((pipeline) => ({
        id: pipeline.id,
        label: pipeline.label,
        stages: pipeline.stages
          .filter((stage) => !stage.archived)
          .map((stage) => ({ id: stage.id, label: stage.label, outcome: stageOutcome(stage.metadata) })),
      })),
  )
}

/** The portal's deal pipelines with what each stage means. Needs a deals scope (403 without). */
export function listDealPipelines(client: HubspotClient) {
  return client.call(dealPipelinesRequest, processDealPipelines)
}
