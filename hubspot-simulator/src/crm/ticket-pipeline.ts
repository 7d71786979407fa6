/** The default ticket pipeline every portal has; stage "4" is the only closed one. */
export const defaultPipelineId = '0'
export const closedStageId = '4'

export const ticketStages = [
  { id: '1', label: 'New', ticketState: 'OPEN' },
  { id: '2', label: 'Waiting on contact', ticketState: 'OPEN' },
  { id: '3', label: 'Waiting on us', ticketState: 'OPEN' },
  { id: '4', label: 'Closed', ticketState: 'CLOSED' },
] as const

export function isClosedStage(stageId: string | null): boolean {
  return stageId === closedStageId
}

const pipelineCreatedAt = '2019-08-06T02:43:14.491Z'

/** GET /crm/v3/pipelines/tickets's one pipeline, shaped like HubSpot's Pipeline model. */
export function describeTicketPipeline(): object {
  return {
    id: defaultPipelineId,
    label: 'Support Pipeline',
    displayOrder: 0,
    createdAt: pipelineCreatedAt,
    updatedAt: pipelineCreatedAt,
    archived: false,
    stages: ticketStages.map((stage, displayOrder) => ({
      id: stage.id,
      label: stage.label,
      displayOrder,
      metadata: { ticketState: stage.ticketState, isClosed: String(stage.ticketState === 'CLOSED') },
      createdAt: pipelineCreatedAt,
      updatedAt: pipelineCreatedAt,
      archived: false,
      writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
    })),
  }
}
