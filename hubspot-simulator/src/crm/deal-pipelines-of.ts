import type { DealPipeline, DealStage } from './deal-pipeline'

const salesStages: readonly DealStage[] = [
  { id: 'appointmentscheduled', label: 'Appointment Scheduled', probability: '0.2', isClosed: false },
  { id: 'qualifiedtobuy', label: 'Qualified To Buy', probability: '0.4', isClosed: false },
  { id: 'presentationscheduled', label: 'Presentation Scheduled', probability: '0.6', isClosed: false },
  { id: 'decisionmakerboughtin', label: 'Decision Maker Bought-In', probability: '0.8', isClosed: false },
  { id: 'contractsent', label: 'Contract Sent', probability: '0.9', isClosed: false },
  { id: 'closedwon', label: 'Closed Won', probability: '1.0', isClosed: true },
  { id: 'closedlost', label: 'Closed Lost', probability: '0.0', isClosed: true },
]

/** The Renewals pipeline's stages by role; the generator and tests name stages by role, never by id. */
export const renewalStageRoles = ['upcoming', 'in_conversation', 'at_risk', 'renewed', 'churned'] as const
export type RenewalStageRole = (typeof renewalStageRoles)[number]

const renewalStageDrafts: Record<RenewalStageRole, Omit<DealStage, 'id'>> = {
  upcoming: { label: 'Renewal upcoming', probability: '0.7', isClosed: false },
  in_conversation: { label: 'Renewal conversation', probability: '0.8', isClosed: false },
  at_risk: { label: 'At risk', probability: '0.3', isClosed: false },
  renewed: { label: 'Renewed', probability: '1.0', isClosed: true },
  churned: { label: 'Churned', probability: '0.0', isClosed: true },
}

/**
 * Custom pipelines and stages get numeric-string ids in HubSpot. They differ per portal here, so a client
 * that hardcodes one portal's ids breaks on the next, as it would on real HubSpot.
 */
export function renewalsPipelineId(portalId: number): string {
  return String(10_000_000 + ((portalId * 2_654_435_761) % 89_000_000))
}

export function renewalStageId(portalId: number, role: RenewalStageRole): string {
  return String(Number(renewalsPipelineId(portalId)) * 10 + 1 + renewalStageRoles.indexOf(role))
}

/** Every portal's deal pipelines: HubSpot's default Sales Pipeline and a team-made Renewals pipeline. */
export function dealPipelinesOf(portalId: number): DealPipeline[] {
  return [
    { id: 'default', label: 'Sales Pipeline', displayOrder: 0, createdAt: null, stages: [...salesStages] },
    {
      id: renewalsPipelineId(portalId),
      label: 'Renewals',
      displayOrder: 1,
      // A fixed date keeps responses deterministic: the team set the pipeline up long before any data here.
      createdAt: Date.parse('2021-03-02T14:07:31.118Z'),
      stages: renewalStageRoles.map((role) => ({ id: renewalStageId(portalId, role), ...renewalStageDrafts[role] })),
    },
  ]
}
