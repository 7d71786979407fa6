import type { PortalDataOptions } from './generate-portal-data'

type SeededPlan = Omit<PortalDataOptions, 'seed' | 'now' | 'portalId'>

/**
 * The seeded portals: a mid-size customer base, a smaller one and a tiny one, each recording churn its own
 * way (a custom "Former customer" lifecycle stage and a churn date; `other` set by a workflow plus a
 * `churned` checkbox; a custom "Churned customer" stage that people sometimes forget to set).
 */
export const seededPortalPlans: Readonly<Record<number, SeededPlan>> = {
  2000001: {
    companies: 300,
    tickets: 5000,
    churnStyle: {
      churnedStage: { value: '1024653', label: 'Former customer' },
      churnDateProperty: true,
      churnedFlagProperty: false,
      markedBy: 'user',
      unmarkedShare: 0.05,
    },
  },
  2000002: {
    companies: 120,
    tickets: 2000,
    churnStyle: {
      churnedStage: 'other',
      churnDateProperty: false,
      churnedFlagProperty: true,
      markedBy: 'workflow',
      unmarkedShare: 0,
    },
  },
  2000003: {
    companies: 40,
    tickets: 700,
    churnStyle: {
      churnedStage: { value: '99812017', label: 'Churned customer' },
      churnDateProperty: false,
      churnedFlagProperty: false,
      markedBy: 'user',
      unmarkedShare: 0.1,
    },
  },
}
