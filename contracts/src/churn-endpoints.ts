import { z } from 'zod'
import {
  churnSummaryErrors,
  churnSummaryResponseSchema,
  companyDetailErrors,
  companyDetailResponseSchema,
  companyListErrors,
  companyListQuerySchema,
  companyListResponseSchema,
  rescoreErrors,
  rescoreResponseSchema,
} from './churn'
import {
  churnDefinitionInputSchema,
  churnDefinitionOptionsErrors,
  churnDefinitionOptionsSchema,
  churnDefinitionPreviewSchema,
  churnDefinitionViewSchema,
  getChurnDefinitionErrors,
  previewChurnDefinitionErrors,
  saveChurnDefinitionErrors,
} from './churn-definition'
import {
  modelErrors,
  modelResponseSchema,
  requestModelRunErrors,
  setWeightsBodySchema,
  setWeightsErrors,
  weightsViewSchema,
} from './churn-model'
import { endpoint } from './endpoint'

/** Scored companies: the dashboard's table, its CSV, one company's page. */
export const companiesApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/companies',
    auth: 'session',
    permission: 'data:read',
    query: companyListQuerySchema,
    response: companyListResponseSchema,
    errors: companyListErrors,
  }),
  /** Every company the filters select, riskiest first; sort and page are ignored. */
  exportCsv: endpoint({
    method: 'GET',
    path: '/api/v1/companies/export.csv',
    auth: 'session',
    permission: 'data:read',
    query: companyListQuerySchema,
    response: z.string(),
    contentType: 'text/csv',
    errors: companyListErrors,
  }),
  getDetail: endpoint({
    method: 'GET',
    path: '/api/v1/companies/:id',
    auth: 'session',
    permission: 'data:read',
    // HubSpot record ids: anything else names no company.
    params: z.strictObject({
      id: z
        .string()
        .regex(/^[0-9]{1,15}$/)
        .transform(Number),
    }),
    response: companyDetailResponseSchema,
    errors: companyDetailErrors,
  }),
}

/** The workspace's churn picture as a whole. */
export const churnApi = {
  getSummary: endpoint({
    method: 'GET',
    path: '/api/v1/churn/summary',
    auth: 'session',
    permission: 'data:read',
    response: churnSummaryResponseSchema,
    errors: churnSummaryErrors,
  }),
  /** Queues a full re-score of the workspace. */
  requestRescore: endpoint({
    method: 'POST',
    path: '/api/v1/churn/rescore',
    auth: 'session',
    permission: 'data:write',
    response: rescoreResponseSchema,
    status: 202,
    errors: rescoreErrors,
  }),
}

/** The score tested on the workspace's own churn, and which weights score it. */
export const churnModelApi = {
  get: endpoint({
    method: 'GET',
    path: '/api/v1/churn/model',
    auth: 'session',
    permission: 'data:read',
    response: modelResponseSchema,
    errors: modelErrors,
  }),
  /** Queues a backtest on the workspace's own history now. */
  requestRun: endpoint({
    method: 'POST',
    path: '/api/v1/churn/model/runs',
    auth: 'session',
    permission: 'data:write',
    response: z.object({ requested: z.literal(true) }),
    status: 202,
    errors: requestModelRunErrors,
  }),
  /** An owner switches between the default weights and the learned ones. */
  setWeights: endpoint({
    method: 'POST',
    path: '/api/v1/churn/model/weights',
    auth: 'session',
    permission: 'churn:configure',
    body: setWeightsBodySchema,
    response: weightsViewSchema,
    errors: setWeightsErrors,
  }),
}

/** What "churned" means for the workspace: the choice, what HubSpot offers for it, and a preview. */
export const churnDefinitionApi = {
  get: endpoint({
    method: 'GET',
    path: '/api/v1/churn/definition',
    auth: 'session',
    permission: 'data:read',
    response: churnDefinitionViewSchema,
    errors: getChurnDefinitionErrors,
  }),
  /** The company properties and renewal pipelines of the connected portal a definition can use. */
  options: endpoint({
    method: 'GET',
    path: '/api/v1/churn/definition/options',
    auth: 'session',
    permission: 'churn:configure',
    response: churnDefinitionOptionsSchema,
    errors: churnDefinitionOptionsErrors,
  }),
  /** Reads HubSpot (or the CSV) for a definition without saving it: how many churn events it yields. */
  preview: endpoint({
    method: 'POST',
    path: '/api/v1/churn/definition/preview',
    auth: 'session',
    permission: 'churn:configure',
    body: churnDefinitionInputSchema,
    response: churnDefinitionPreviewSchema,
    errors: previewChurnDefinitionErrors,
  }),
  /** An owner sets the definition; its outcomes are read in the background, then the model runs. */
  save: endpoint({
    method: 'POST',
    path: '/api/v1/churn/definition',
    auth: 'session',
    permission: 'churn:configure',
    body: churnDefinitionInputSchema,
    response: churnDefinitionViewSchema,
    status: 202,
    errors: saveChurnDefinitionErrors,
  }),
}
