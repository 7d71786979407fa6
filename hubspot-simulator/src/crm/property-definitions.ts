import type { CrmObjectType } from './change-feed'
import type { DealPipeline } from './deal-pipeline'

export type PropertyType = 'string' | 'number' | 'datetime' | 'date' | 'enumeration' | 'bool'

export interface PropertyOption {
  label: string
  value: string
  displayOrder: number
  hidden: boolean
}

/** The fields of HubSpot's Property model that clients read; the rest are filled in by describeProperty. */
export interface PropertyDefinition {
  name: string
  label: string
  type: PropertyType
  fieldType: string
  groupName: string
  description: string
  options: PropertyOption[]
  /** Set by HubSpot only (hs_object_id, last-modified, calculated values): writes answer READ_ONLY_VALUE. */
  readOnlyValue: boolean
  calculated: boolean
  hubspotDefined: boolean
  /** Enumeration values are checked on write (owner and merged-id lists are not). */
  validateOptions: boolean
  createdAt: number
  /** Who created a custom property (HubSpot's own have none). */
  createdUserId?: number
}

type Draft = Pick<PropertyDefinition, 'name' | 'label' | 'type'> & Partial<PropertyDefinition>

const fieldTypes: Record<PropertyType, string> = {
  string: 'text',
  number: 'number',
  datetime: 'date',
  date: 'date',
  enumeration: 'select',
  bool: 'booleancheckbox',
}

const options = (values: readonly (readonly [string, string])[]): PropertyOption[] =>
  values.map(([value, label], displayOrder) => ({ label, value, displayOrder, hidden: false }))
const booleanOptions = options([
  ['true', 'Yes'],
  ['false', 'No'],
])

function define(draft: Draft, groupName: string): PropertyDefinition {
  return {
    fieldType: fieldTypes[draft.type],
    groupName,
    description: '',
    readOnlyValue: false,
    calculated: false,
    hubspotDefined: true,
    validateOptions: draft.options !== undefined && draft.options.length > 0,
    // HubSpot-defined properties predate any portal; a fixed date keeps responses deterministic.
    createdAt: Date.parse('2019-08-06T02:43:14.491Z'),
    ...draft,
    // Each portal may add options to its own copy (custom lifecycle stages, say).
    options: (draft.options ?? []).map((option) => ({ ...option })),
  }
}

const common = (lastModified: string): Draft[] => [
  { name: 'hs_object_id', label: 'Record ID', type: 'number', readOnlyValue: true },
  { name: 'createdate', label: 'Create Date', type: 'datetime' },
  { name: lastModified, label: 'Last Modified Date', type: 'datetime', readOnlyValue: true },
  { name: 'hubspot_owner_id', label: 'Owner', type: 'enumeration' },
  {
    name: 'hs_merged_object_ids',
    label: 'Merged Record IDs',
    type: 'enumeration',
    fieldType: 'checkbox',
    readOnlyValue: true,
  },
]

export const ticketPriorities = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const
export const ticketCategories = ['PRODUCT_ISSUE', 'BILLING_ISSUE', 'FEATURE_REQUEST', 'GENERAL_INQUIRY'] as const
export const ticketSources = ['EMAIL', 'CHAT', 'FORM', 'PHONE'] as const
export const industries = [
  'COMPUTER_SOFTWARE',
  'INFORMATION_TECHNOLOGY_AND_SERVICES',
  'FINANCIAL_SERVICES',
  'HOSPITAL_HEALTH_CARE',
  'RETAIL',
  'LOGISTICS_AND_SUPPLY_CHAIN',
  'MARKETING_AND_ADVERTISING',
  'EDUCATION_MANAGEMENT',
  'CONSTRUCTION',
  'REAL_ESTATE',
  'TELECOMMUNICATIONS',
  'INSURANCE',
] as const

const titleCase = (value: string): string =>
  value
    .toLowerCase()
    .replaceAll('_', ' ')
    .replace(/^\w/, (first) => first.toUpperCase())

/** HubSpot's default lifecycle stages; portals may add their own options (since 2022-09-30). */
export const defaultLifecycleStages = [
  ['subscriber', 'Subscriber'],
  ['lead', 'Lead'],
  ['marketingqualifiedlead', 'Marketing Qualified Lead'],
  ['salesqualifiedlead', 'Sales Qualified Lead'],
  ['opportunity', 'Opportunity'],
  ['customer', 'Customer'],
  ['evangelist', 'Evangelist'],
  ['other', 'Other'],
] as const

const dealDrafts = (pipelines: readonly DealPipeline[]): Draft[] => [
  ...common('hs_lastmodifieddate'),
  { name: 'dealname', label: 'Deal Name', type: 'string' },
  { name: 'amount', label: 'Amount', type: 'number', fieldType: 'number' },
  { name: 'closedate', label: 'Close Date', type: 'datetime' },
  {
    name: 'pipeline',
    label: 'Pipeline',
    type: 'enumeration',
    options: options(pipelines.map((pipeline) => [pipeline.id, pipeline.label])),
  },
  // One option list across pipelines, as HubSpot's dealstage property has; create/update also check the stage belongs to the pipeline.
  {
    name: 'dealstage',
    label: 'Deal Stage',
    type: 'enumeration',
    options: options(pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, stage.label] as const))),
  },
  {
    name: 'dealtype',
    label: 'Deal Type',
    type: 'enumeration',
    fieldType: 'radio',
    options: options([
      ['newbusiness', 'New Business'],
      ['existingbusiness', 'Existing Business'],
    ]),
  },
  { name: 'description', label: 'Deal Description', type: 'string', fieldType: 'textarea' },
  { name: 'closed_lost_reason', label: 'Closed Lost Reason', type: 'string', fieldType: 'textarea' },
  { name: 'closed_won_reason', label: 'Closed Won Reason', type: 'string', fieldType: 'textarea' },
  {
    name: 'hs_deal_stage_probability',
    label: 'Deal probability',
    type: 'number',
    fieldType: 'number',
    readOnlyValue: true,
    calculated: true,
  },
  {
    name: 'hs_is_closed',
    label: 'Is Deal Closed?',
    type: 'bool',
    readOnlyValue: true,
    calculated: true,
    options: booleanOptions,
  },
  {
    name: 'hs_is_closed_won',
    label: 'Is Closed Won',
    type: 'bool',
    readOnlyValue: true,
    calculated: true,
    options: booleanOptions,
  },
  {
    name: 'hs_is_closed_lost',
    label: 'Is closed lost',
    type: 'bool',
    readOnlyValue: true,
    calculated: true,
    options: booleanOptions,
  },
]

const drafts: Record<Exclude<CrmObjectType, 'deals'>, Draft[]> = {
  tickets: [
    ...common('hs_lastmodifieddate'),
    { name: 'subject', label: 'Ticket name', type: 'string' },
    { name: 'content', label: 'Ticket description', type: 'string', fieldType: 'textarea' },
    { name: 'hs_pipeline', label: 'Pipeline', type: 'enumeration', options: options([['0', 'Support Pipeline']]) },
    {
      name: 'hs_pipeline_stage',
      label: 'Ticket status',
      type: 'enumeration',
      options: options([
        ['1', 'New'],
        ['2', 'Waiting on contact'],
        ['3', 'Waiting on us'],
        ['4', 'Closed'],
      ]),
    },
    {
      name: 'hs_ticket_priority',
      label: 'Priority',
      type: 'enumeration',
      options: options(ticketPriorities.map((v) => [v, titleCase(v)])),
    },
    {
      name: 'hs_ticket_category',
      label: 'Category',
      type: 'enumeration',
      fieldType: 'checkbox',
      options: options(ticketCategories.map((v) => [v, titleCase(v)])),
    },
    {
      name: 'source_type',
      label: 'Source',
      type: 'enumeration',
      options: options(ticketSources.map((v) => [v, titleCase(v)])),
    },
    { name: 'closed_date', label: 'Close date', type: 'datetime' },
    {
      name: 'time_to_close',
      label: 'Time to close',
      type: 'number',
      fieldType: 'calculation_equation',
      readOnlyValue: true,
      calculated: true,
    },
  ],
  companies: [
    ...common('hs_lastmodifieddate'),
    { name: 'name', label: 'Company name', type: 'string' },
    { name: 'domain', label: 'Company Domain Name', type: 'string' },
    { name: 'website', label: 'Website URL', type: 'string' },
    { name: 'phone', label: 'Phone Number', type: 'string', fieldType: 'phonenumber' },
    {
      name: 'industry',
      label: 'Industry',
      type: 'enumeration',
      options: options(industries.map((v) => [v, titleCase(v)])),
    },
    { name: 'city', label: 'City', type: 'string' },
    { name: 'state', label: 'State/Region', type: 'string' },
    { name: 'country', label: 'Country/Region', type: 'string' },
    { name: 'numberofemployees', label: 'Number of Employees', type: 'number' },
    { name: 'annualrevenue', label: 'Annual Revenue', type: 'number' },
    { name: 'description', label: 'Description', type: 'string', fieldType: 'textarea' },
    {
      name: 'lifecyclestage',
      label: 'Lifecycle Stage',
      type: 'enumeration',
      fieldType: 'radio',
      options: options(defaultLifecycleStages),
    },
  ],
  contacts: [
    ...common('lastmodifieddate'),
    { name: 'firstname', label: 'First Name', type: 'string' },
    { name: 'lastname', label: 'Last Name', type: 'string' },
    { name: 'email', label: 'Email', type: 'string' },
    { name: 'phone', label: 'Phone Number', type: 'string', fieldType: 'phonenumber' },
    { name: 'jobtitle', label: 'Job Title', type: 'string' },
    { name: 'company', label: 'Company Name', type: 'string' },
  ],
  // Tasks (https://developers.hubspot.com/docs/api/crm/tasks): hs_timestamp is the due date.
  tasks: [
    ...common('hs_lastmodifieddate'),
    { name: 'hs_timestamp', label: 'Due date', type: 'datetime' },
    { name: 'hs_task_subject', label: 'Task Title', type: 'string' },
    { name: 'hs_task_body', label: 'Notes', type: 'string', fieldType: 'html' },
    {
      name: 'hs_task_status',
      label: 'Task Status',
      type: 'enumeration',
      options: options([
        ['NOT_STARTED', 'Not started'],
        ['COMPLETED', 'Completed'],
      ]),
    },
    {
      name: 'hs_task_priority',
      label: 'Priority',
      type: 'enumeration',
      options: options([
        ['LOW', 'Low'],
        ['MEDIUM', 'Medium'],
        ['HIGH', 'High'],
      ]),
    },
    {
      name: 'hs_task_type',
      label: 'Task Type',
      type: 'enumeration',
      options: options([
        ['EMAIL', 'Email'],
        ['CALL', 'Call'],
        ['TODO', 'To-do'],
      ]),
    },
    { name: 'hs_task_reminders', label: 'Reminder', type: 'number' },
  ],
}

const groups: Record<CrmObjectType, string> = {
  tickets: 'ticketinformation',
  companies: 'companyinformation',
  contacts: 'contactinformation',
  deals: 'dealinformation',
  tasks: 'task',
}

/** Fresh copies per portal, because custom properties (and deal pipelines, hence stage options) are per portal. */
export function builtInProperties(
  objectType: CrmObjectType,
  dealPipelines: readonly DealPipeline[],
): Map<string, PropertyDefinition> {
  const list = objectType === 'deals' ? dealDrafts(dealPipelines) : drafts[objectType]
  return new Map(list.map((draft) => [draft.name, define(draft, groups[objectType])]))
}

export function definePropertyFromInput(input: Draft, groupName: string, createdAt: number): PropertyDefinition {
  return { ...define(input, groupName), hubspotDefined: false, createdAt }
}

/** Returned when `properties` is omitted (search docs' table; list and read use the same sets). */
export const defaultProperties: Record<CrmObjectType, readonly string[]> = {
  companies: ['name', 'domain', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  contacts: ['firstname', 'lastname', 'email', 'createdate', 'lastmodifieddate', 'hs_object_id'],
  tickets: [
    'subject',
    'content',
    'hs_pipeline',
    'hs_pipeline_stage',
    'hs_ticket_category',
    'hs_ticket_priority',
    'createdate',
    'hs_lastmodifieddate',
    'hs_object_id',
  ],
  tasks: ['hs_task_subject', 'hs_task_status', 'hs_timestamp', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  deals: [
    'dealname',
    'amount',
    'closedate',
    'pipeline',
    'dealstage',
    'createdate',
    'hs_lastmodifieddate',
    'hs_object_id',
  ],
}
