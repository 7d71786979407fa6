import type { DealPipeline } from './deal-pipeline'

/** HubSpot's default objects carry createdAt = 0, printed without milliseconds (REC/pipelines-deals-list.json). */
const epoch = '1970-01-01T00:00:00Z'

/** A deal pipeline shaped like HubSpot's Pipeline model; stage metadata values are strings. */
export function describeDealPipeline(pipeline: DealPipeline): object {
  const stamp = pipeline.createdAt === null ? epoch : new Date(pipeline.createdAt).toISOString()
  return {
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    id: pipeline.id,
    stages: pipeline.stages.map((stage, displayOrder) => ({
      label: stage.label,
      displayOrder,
      metadata: { isClosed: String(stage.isClosed), probability: stage.probability },
      id: stage.id,
      createdAt: stamp,
      updatedAt: stamp,
      writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
      archived: false,
    })),
    createdAt: stamp,
    updatedAt: stamp,
    archived: false,
  }
}
