import type { Context } from 'hono'
import { hubspotError } from '../../http/hubspot-error'
import type { SimEnv } from '../../http/sim-env'
import { describeDealPipeline } from '../describe-deal-pipeline'
import type { PortalCrm } from '../portal-crm'
import { defaultPipelineId, describeTicketPipeline } from '../ticket-pipeline'

/** GET /crm/v3/pipelines/tickets: the one default pipeline. */
export function listTicketPipelines(c: Context<SimEnv>): Response {
  return c.json({ results: [describeTicketPipeline()] })
}

export function getTicketPipeline(c: Context<SimEnv>): Response {
  const pipelineId = c.req.param('pipelineId')
  if (pipelineId !== defaultPipelineId) return pipelineNotFound(c, pipelineId)
  return c.json(describeTicketPipeline())
}

/** GET /crm/v3/pipelines/deals: the default Sales Pipeline and the portal's Renewals pipeline. */
export function listDealPipelines(c: Context<SimEnv>, portal: PortalCrm): Response {
  return c.json({ results: portal.dealPipelines.map(describeDealPipeline) })
}

export function getDealPipeline(c: Context<SimEnv>, portal: PortalCrm): Response {
  const pipelineId = c.req.param('pipelineId')
  const pipeline = portal.dealPipelines.find((candidate) => candidate.id === pipelineId)
  if (!pipeline) return pipelineNotFound(c, pipelineId)
  return c.json(describeDealPipeline(pipeline))
}

function pipelineNotFound(c: Context<SimEnv>, pipelineId: string | undefined): Response {
  return hubspotError(c, 404, { message: `Unable to find pipeline ${pipelineId ?? ''}`, category: 'OBJECT_NOT_FOUND' })
}
