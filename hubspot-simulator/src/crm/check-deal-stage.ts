import type { CrmWriteError } from './crm-write-error'
import type { DealPipeline } from './deal-pipeline'
import { dealStageOf } from './deal-stage-of'

/** A deal's stage must be one of its pipeline's stages (the dealstage option list spans every pipeline). */
export function checkDealStage(
  pipelines: readonly DealPipeline[],
  pipelineId: string | null,
  stageId: string | null,
): CrmWriteError | undefined {
  if (stageId === null || dealStageOf(pipelines, pipelineId, stageId)) return undefined
  return {
    category: 'VALIDATION_ERROR',
    message: `${stageId} is not a valid deal stage for pipeline ${pipelineId ?? ''}.`,
  }
}
