import type { DealPipeline, DealStage } from './deal-pipeline'

/** The stage `stageId` of pipeline `pipelineId`, if that pipeline has it. */
export function dealStageOf(
  pipelines: readonly DealPipeline[],
  pipelineId: string | null,
  stageId: string | null,
): DealStage | undefined {
  return pipelines.find((pipeline) => pipeline.id === pipelineId)?.stages.find((stage) => stage.id === stageId)
}
