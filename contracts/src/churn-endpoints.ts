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
import { endpoint } from './endpoint'

/** Scored companies: the dashboard's table, its CSV, one company's page. */
export const companiesApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/companies',
    auth: 'session',
    query: companyListQuerySchema,
    response: companyListResponseSchema,
    errors: companyListErrors,
  }),
  /** Every company the filters select, riskiest first; sort and page are ignored. */
  exportCsv: endpoint({
    method: 'GET',
    path: '/api/v1/companies/export.csv',
    auth: 'session',
    query: companyListQuerySchema,
    response: z.string(),
    contentType: 'text/csv',
    errors: companyListErrors,
  }),
  getDetail: endpoint({
    method: 'GET',
    path: '/api/v1/companies/:id',
    auth: 'session',
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
    response: churnSummaryResponseSchema,
    errors: churnSummaryErrors,
  }),
  /** Queues a full re-score of the workspace. */
  requestRescore: endpoint({
    method: 'POST',
    path: '/api/v1/churn/rescore',
    auth: 'session',
    response: rescoreResponseSchema,
    status: 202,
    errors: rescoreErrors,
  }),
}
