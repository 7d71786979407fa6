import type { Context } from 'hono'
import { hubspotError } from '../../http/hubspot-error'
import type { SimEnv } from '../../http/sim-env'
import { defaultPipelineId, describeTicketPipeline } from '../ticket-pipeline'

/** GET /crm/v3/pipelines/tickets: the one default pipeline. */
export function listTicketPipelines(c: Context<SimEnv>): Response {
  return c.json({ results: [describeTicketPipeline()] })
}

export function getTicketPipeline(c: Context<SimEnv>): Response {
  const pipelineId = c.req.param('pipelineId')
  if (pipelineId !== defaultPipelineId)
    return hubspotError(c, 404, {
      message: `Unable to find pipeline ${pipelineId ?? ''}`,
      category: 'OBJECT_NOT_FOUND',
    })
  return c.json(describeTicketPipeline())
}
