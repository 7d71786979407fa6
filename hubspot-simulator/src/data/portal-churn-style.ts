/**
 * How a portal's team records that a customer left. Real portals differ, which is why "churned" has to be
 * a team's own definition: a custom lifecycle stage or `other`, a custom date or flag property, a person
 * updating it days later or a workflow doing it at once, and some churners never marked at all.
 */
export interface PortalChurnStyle {
  /** The lifecyclestage value set at churn: `other`, or a custom option (numeric-string value, e.g. "Former customer"). */
  churnedStage: { value: string; label: string } | 'other'
  /** Custom date property `churn_date`, set to the churn day. */
  churnDateProperty: boolean
  /** Custom single-checkbox property `churned` ("true"), set at churn. */
  churnedFlagProperty: boolean
  /** `user`: a CSM updates the company some days after; `workflow`: a workflow does it on the churn date. */
  markedBy: 'user' | 'workflow'
  /** Share of churners nobody marked (lifecycle stays `customer`; only the renewal deal tells). */
  unmarkedShare: number
}

export const defaultChurnStyle: PortalChurnStyle = {
  churnedStage: 'other',
  churnDateProperty: true,
  churnedFlagProperty: false,
  markedBy: 'user',
  unmarkedShare: 0.05,
}
