import type { FastRandom } from './fast-random'
import { competitors } from './name-lists'
import type { TicketTopic } from './ticket-topic'

/** A subject and an opening body for one topic; slots are drawn inside so each call varies. */
export type TicketTemplate = (random: FastRandom) => readonly [string, string]

const features = [
  'CSV export',
  'dashboard',
  'SSO login',
  'search',
  'mobile app',
  'calendar sync',
  'PDF invoices',
  'reporting',
  'email notifications',
  'bulk import',
  'permissions page',
  'scheduled reports',
  'audit log',
  'custom fields',
  'approval workflow',
  'time tracking',
  'tagging',
]
const reportLike = [
  'dashboard',
  'monthly report',
  'revenue report',
  'time tracking summary',
  'invoice totals',
  'usage report',
]
const symptoms = [
  "the totals don't match what we see in the table",
  'the page keeps spinning and never loads',
  'we get a 500 error',
  'it times out after about a minute',
  'dates are shifted by one day',
  'duplicate entries show up',
  'the save button does nothing',
  'attachments fail to upload',
  'filters reset every time we reload',
  'some users see an empty state',
  'the numbers are from yesterday',
  'the layout is broken in Firefox',
]
const integrations = [
  'Salesforce',
  'Slack',
  'Google Calendar',
  'Outlook',
  'Zapier',
  'QuickBooks',
  'Xero',
  'Shopify',
  'Jira',
  'Microsoft Teams',
]
const actions = [
  'add a new user',
  'change the default dashboard',
  'set up a recurring report',
  'merge two duplicate records',
  'give contractors read-only access',
  'change our account timezone',
  'bulk update tags',
  'set up email alerts for my team',
  'export a filtered list',
  'customize the invoice template',
  'reset two-factor authentication for a colleague',
  'archive old projects',
  'rename a custom field',
  'share a dashboard with a client',
]
const requests = [
  'bulk edit for tags',
  'a dark theme',
  'a webhook for status changes',
  'more granular permissions',
  'saved filters',
  'an audit trail export',
  'a Gantt view',
  'two-way calendar sync',
  'custom report columns',
  'an API endpoint for attachments',
  'keyboard shortcuts',
  'multi-currency invoices',
]
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const people = [
  'Maria',
  'Tom',
  'our new office manager',
  'our CFO',
  'Priya',
  'Jonas',
  'a colleague in sales',
  'our IT admin',
]
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']

const count = (random: FastRandom): number => random.int(2, 40)
const capitalized = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`

export const topicTemplates: Record<TicketTopic, readonly TicketTemplate[]> = {
  howto: [
    (r) => {
      const action = r.pick(actions)
      return [`How do I ${action}?`, `Could you point me to how we ${action}? I couldn't find it in the help center.`]
    },
    (r) => {
      const feature = r.pick(features)
      return [
        `Question about ${feature}`,
        `Quick question about the ${feature}: is there a way to limit it to one team?`,
      ]
    },
    (r) => [
      `Where can I find the ${r.pick(['API key', 'billing history', 'user list', 'export settings', 'audit log'])}?`,
      "I have looked through the settings but can't find it anywhere.",
    ],
    (r) => [`Can we ${r.pick(actions)}?`, 'We are trying to tidy up our workspace and wondered if this is possible.'],
    (r) => [
      `Help with ${r.pick(features)}`,
      'Our team lead asked me to set this up but the documentation seems to describe an older version.',
    ],
  ],
  bug: [
    (r) => {
      const feature = r.pick(features)
      return [
        `${capitalized(feature)} not working`,
        `Since this morning the ${feature} isn't working for us: ${r.pick(symptoms)}.`,
      ]
    },
    (r) => [
      `Error when using ${r.pick(features)}`,
      `When we open it ${r.pick(symptoms)}. Happens for everyone on our team.`,
    ],
    (r) => {
      const symptom = r.pick(symptoms)
      return [`Bug: ${symptom}`, `In the ${r.pick(features)} ${symptom}. Screenshots attached.`]
    },
    (r) => {
      const feature = r.pick(features)
      return [
        `${capitalized(feature)} broken after the update`,
        `After last night's release the ${feature} behaves differently: ${r.pick(symptoms)}.`,
      ]
    },
    (r) => {
      const feature = r.pick(reportLike)
      return [
        `Wrong data in ${feature}`,
        `The ${feature} shows numbers that don't match our records for ${r.pick(months)}.`,
      ]
    },
  ],
  performance: [
    (r) => {
      const feature = r.pick(features)
      return [
        `${capitalized(feature)} very slow`,
        `The ${feature} takes 20-30 seconds to load for us. It used to be instant.`,
      ]
    },
    () => ['Everything is slow today', 'The whole app is sluggish for our team today. Is something going on?'],
    (r) => [
      `Timeouts on ${r.pick(features)}`,
      'We keep getting timeouts. Our internet is fine, other sites load normally.',
    ],
  ],
  outage: [
    () => ['Is the app down?', 'Nobody on our team can load the app right now. Is there an incident?'],
    () => ["Can't log in", 'All of our users get an error on the login page.'],
    () => ['500 errors everywhere', 'Every page we open returns a server error.'],
    () => ['Service unavailable', 'We see "service unavailable" across the app. Please advise.'],
  ],
  billing: [
    () => ['Question about our invoice', 'Could you explain the line item for additional seats on the last invoice?'],
    () => ['Update billing contact', 'Please send invoices to our new finance address going forward.'],
    () => ['Need a W-9 / tax form', 'Our accounting team needs your tax form for vendor onboarding.'],
    () => ['Card on file expired', 'We updated the card but the payment page still shows an error.'],
    (r) => [
      `Invoice for ${r.pick(months)}`,
      `We can't find the invoice for ${r.pick(months)} in the billing portal. Could you resend it?`,
    ],
    () => ['VAT number on invoices', 'Please add our VAT number to future invoices.'],
    () => ['PO number on invoices', 'Our procurement team needs the PO number on every invoice from now on.'],
    () => ['Annual billing?', 'Can we switch from monthly to annual billing at our next renewal?'],
  ],
  pricing: [
    () => [
      'Question about the new pricing',
      'We received the notice about the price change. How does it apply to our plan?',
    ],
    () => [
      'Why did our invoice go up?',
      'Our latest invoice is noticeably higher than the previous one. Can you walk us through it?',
    ],
    () => [
      'Price increase',
      'We saw the announcement about new prices. Is there any grandfathering for existing customers?',
    ],
    (r) => [
      `Seat pricing for ${count(r)} users`,
      'We are reviewing our costs for next year and need the per-seat price on the new plans.',
    ],
  ],
  feature: [
    (r) => {
      const request = r.pick(requests)
      return [`Request: ${request}`, `It would save our team a lot of time to have ${request}.`]
    },
    (r) => [`Feature request: ${r.pick(requests)}`, 'Several of our users asked about this. Is it on the roadmap?'],
    (r) => [`Any plans for ${r.pick(requests)}?`, 'Just checking whether this is planned; no rush.'],
  ],
  integration: [
    (r) => {
      const tool = r.pick(integrations)
      return [
        `${tool} sync failing`,
        `Our ${tool} integration stopped syncing. The last successful sync was ${r.pick(weekdays)}.`,
      ]
    },
    () => ['Webhook not firing', "Our webhook endpoint hasn't received any events since yesterday."],
    () => ['API rate limit question', 'Our nightly job hits HTTP 429 from your API. What are the limits for our plan?'],
    (r) => [
      `Connecting ${r.pick(integrations)}`,
      'We want to connect this for our finance team. Which permissions does the integration need?',
    ],
    (r) => [`${r.pick(integrations)} keeps disconnecting`, 'We reconnect it every few days and it drops again.'],
  ],
  admin: [
    (r) => [
      `Add ${r.int(2, 12)} new users`,
      'We hired new people this month. Can you add seats, or should we do it ourselves?',
    ],
    () => ['Remove a user who left', 'One of our team members left the company. How do we transfer their records?'],
    () => ['Change account owner', 'Our previous admin left; please move ownership to me.'],
    (r) => [`Reset password for ${r.pick(people)}`, 'They are locked out after too many attempts.'],
    () => ['SSO setup', 'We are rolling out single sign-on company-wide. What do you need from our IT team?'],
  ],
  data: [
    () => [
      'Import from a spreadsheet',
      'We have a spreadsheet of old records we would like to bring in. What format do you need?',
    ],
    (r) => [
      `Bulk import failed at row ${r.int(40, 4000)}`,
      'The import stops with a generic error. The file looks fine to us.',
    ],
    () => ['Restore deleted records', 'Someone deleted a batch of records by mistake yesterday. Can they be restored?'],
    () => ['Data retention question', 'How long do you keep deleted records before they are purged?'],
    () => [
      'Export for our BI team',
      'Our analysts want a regular export into our data warehouse. What are the options?',
    ],
  ],
  account: [
    () => ['When is our renewal date?', 'Finance asked me for our renewal date and the current contract value.'],
    () => ['Copy of our contract', 'Could you send us a copy of our signed order form?'],
    () => [
      'Security questionnaire',
      'Our security team needs this vendor questionnaire completed for our annual review.',
    ],
    () => ['DPA for our legal team', 'Legal asked for your data processing agreement.'],
    () => ['Notice period?', 'What is the notice period in our contract? Procurement is updating its vendor records.'],
  ],
  launch: [
    (r) => [
      `Launching on ${r.pick(weekdays)}`,
      'We are launching a big campaign next week. Are there any limits we should know about?',
    ],
    (r) => [
      `${r.int(5, 30)} extra seats for our launch`,
      'We are bringing temporary staff in for a launch. Can we add seats for two months?',
    ],
    () => [
      'Raising our API limits',
      'We expect about ten times our usual traffic next week. Can our limits be raised temporarily?',
    ],
  ],
  onboarding: [
    () => [
      'Kickoff call follow-up',
      'Thanks for the kickoff call. As discussed, here are the questions from our team.',
    ],
    (r) => [
      `Importing our history from ${r.pick(competitors)}`,
      'We are moving over and want to bring our history with us. Is there an importer?',
    ],
    () => ['Setting up our workspace', 'We are setting up teams and permissions. Is there a recommended structure?'],
    () => ['Training for our team', 'Can we schedule a training session for the rest of our team?'],
  ],
}

/** "Cancel", "refund", "switch" about something other than leaving: every customer writes these. */
export const benignTemplates: readonly TicketTemplate[] = [
  () => [
    'How do I cancel a scheduled report?',
    'We want to cancel the weekly scheduled export but keep the report itself.',
  ],
  (r) => [
    `Cancel ${r.pick(weekdays)}'s training session`,
    'Something came up. Please cancel the training session; we would like to rebook next week.',
  ],
  (r) => [
    'Refund for a duplicate charge',
    `Our card was charged twice for ${r.pick(months)}. Could you refund the duplicate payment?`,
  ],
  () => ['Cancel a pending invitation', 'I invited the wrong email address. How can I cancel that invite?'],
  () => ['I cancelled the meeting by mistake', 'I cancelled our check-in meeting by accident. Can we find a new slot?'],
  () => ['Switching our billing card', 'We are switching to a new company card. Where do I update it?'],
  () => [
    'Switching SSO provider',
    'Our IT team is switching identity providers next month. What do we need to change on your side?',
  ],
  () => ['Refund for unused add-on?', 'We bought the reporting add-on twice by accident. Can one be refunded?'],
]

/** Denials that mention leaving without meaning it; a keyword count mistakes them for cancellation. */
export const negations = [
  'To be clear, we have no plans to cancel; we just need this fixed.',
  'We are not looking to switch, we just need an answer.',
  'Not cancelling anything, just want to understand the charge.',
  'We are not going anywhere, but this has to get better.',
  'No intention of leaving, to be clear.',
  'We are not thinking about moving to another tool, in case that is the worry.',
]

export const openers = ['Hi team,', 'Hello,', 'Hi there,', 'Good morning,', 'Hi,', '']
export const closers = ['Thanks!', 'Thanks in advance.', 'Appreciate the help.', 'Best regards.', 'Cheers.', '']
export const positiveLines = [
  'Thanks for the quick help last time!',
  'Loving the new release, by the way.',
  'Your team has been great with us.',
  'No rush on this one.',
]
export const frustratedLines = [
  'This is the second time this month.',
  "We reported this last week and haven't heard back.",
  'Honestly, this is getting frustrating.',
  'It is slowing our whole team down.',
  'Can someone please look at this soon?',
  'We are a bit disappointed, to be honest.',
]
export const angryLines = [
  'This is unacceptable for a paying customer.',
  'I am escalating this.',
  'We lost a full day of work because of this.',
  'Third time reporting the same problem, and it is still not fixed.',
  'I need a call with someone senior today.',
  'Nobody has followed up on our last two tickets.',
]
export const threats = [
  "If this isn't fixed soon we will have to reconsider our renewal.",
  'We are starting to look at alternatives.',
  'Our leadership is asking whether we should keep using you.',
  'At this point we are questioning whether this product is worth it.',
]
export const angrySubjectPrefixes = ['URGENT: ', 'Still broken: ', 'Escalation: ', '', '']
export const frustratedSubjectPrefixes = ['Again: ', 'Follow-up: ', '', '', '']
export const reopenedLines = [
  'The problem is back after the fix.',
  'This happened again today.',
  "We were told this was resolved, but it isn't.",
]
