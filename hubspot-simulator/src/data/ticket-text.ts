import type { FastRandom } from './fast-random'
import { competitors } from './name-lists'

type Category = 'PRODUCT_ISSUE' | 'BILLING_ISSUE' | 'FEATURE_REQUEST' | 'GENERAL_INQUIRY'

export interface TicketText {
  subject: string
  content: string
  category: Category
}

/** Everyday support traffic: what healthy and churning customers alike send most of the time. */
const neutral: Record<Category, readonly (readonly [string, string])[]> = {
  PRODUCT_ISSUE: [
    ['CSV export times out', 'Exporting the monthly report to CSV spins and then times out for our team.'],
    ['SSO login loop', 'Some users get redirected back to the login page after signing in with SSO.'],
    ['Dashboard widgets not loading', 'Two widgets on the main dashboard show an empty state since this morning.'],
    ['API returns 500 on sync', 'Our nightly sync job gets HTTP 500 from the orders endpoint about once a week.'],
    ['Email notifications delayed', 'Notification emails arrive 20-30 minutes late.'],
    ['Mobile app crashes on upload', 'The iOS app closes when attaching a photo larger than 5 MB.'],
    ['Wrong timezone on invoices', 'Timestamps on the PDF invoices are shown in UTC instead of our account timezone.'],
    ['Search misses recent records', 'Records created today do not show up in search results.'],
  ],
  BILLING_ISSUE: [
    ['Question about our invoice', 'Could you explain the line item for additional seats on the last invoice?'],
    ['Update billing contact', 'Please send invoices to our new finance address going forward.'],
    ['Need a W-9 / tax form', 'Our accounting team needs your tax form for vendor onboarding.'],
    ['Card on file expired', 'We updated the card but the payment page still shows an error.'],
  ],
  FEATURE_REQUEST: [
    ['Request: bulk edit for tags', 'It would save us time to edit tags on many records at once.'],
    ['Request: dark mode', 'Several of our agents asked whether a dark theme is planned.'],
    ['Request: webhook for status changes', 'We would like to be notified when a record changes status.'],
    ['Request: more granular permissions', 'We need read-only access for our contractors.'],
  ],
  GENERAL_INQUIRY: [
    ['How do I add a new user?', 'We hired two people this week; what is the best way to add them?'],
    ['Training session for new team', 'Can we schedule an onboarding session for our new support hires?'],
    ['Where is the API documentation?', 'Our developer is looking for the rate limits of the public API.'],
    ['Data retention question', 'How long do you keep deleted records before they are purged?'],
    ['Change account owner', 'Our previous admin left; please move ownership to me.'],
  ],
}

const cancellation: readonly ((competitor: string) => readonly [string, string])[] = [
  () => [
    'Request to cancel our subscription',
    'Please let us know how to cancel our subscription at the end of this billing period.',
  ],
  () => [
    'Cancellation notice',
    'This is our formal cancellation notice. Please confirm the cancellation date in writing.',
  ],
  () => ['Refund for unused seats', 'We would like a refund for the seats we are not using and will not renew them.'],
  (competitor) => [
    `Moving to ${competitor}`,
    `We are switching to ${competitor} next quarter and need to export all of our data.`,
  ],
  () => [
    'Contract termination',
    'We intend to terminate our contract. What notice period applies and how do we get a refund for the remaining term?',
  ],
  () => [
    'Downgrade and cancel add-ons',
    'Please cancel the analytics add-on and downgrade us to the basic plan before renewal.',
  ],
]

const frustration: readonly (readonly [string, string])[] = [
  ['Still not fixed', 'This is still not fixed. We reported it three weeks ago and keep getting the same answer.'],
  ['Unacceptable response times', 'Waiting four days for a reply is unacceptable for a paying customer.'],
  ['Very frustrated with outages', 'Our team is frustrated: this is the third outage this month.'],
  [
    'Escalation: data sync broken again',
    'Escalating this. The sync broke again and it is still not fixed. This is unacceptable.',
  ],
  ['Third time reporting this bug', 'Third time reporting the same bug. Frustrated that nobody follows up.'],
]

export function neutralText(random: FastRandom, category: Category): TicketText {
  const [subject, content] = random.pick(neutral[category])
  return { subject, content, category }
}

export function cancellationText(random: FastRandom): TicketText {
  const [subject, content] = random.pick(cancellation)(random.pick(competitors))
  return { subject, content, category: 'BILLING_ISSUE' }
}

export function frustrationText(random: FastRandom): TicketText {
  const [subject, content] = random.pick(frustration)
  return { subject, content, category: 'PRODUCT_ISSUE' }
}

/** Healthy-customer noise: one annoyed sentence on an ordinary ticket, so the words alone don't separate churners. */
export function mildlyAnnoyedText(random: FastRandom, category: Category): TicketText {
  const text = neutralText(random, category)
  return { ...text, content: `${text.content} Honestly a bit frustrated that this happened right before our launch.` }
}

/** Healthy-customer noise: "cancel" about something other than the subscription. */
export function benignCancelText(): TicketText {
  return {
    subject: 'How do I cancel a scheduled report?',
    content: 'We want to cancel the weekly scheduled export but keep the report itself.',
    category: 'GENERAL_INQUIRY',
  }
}

/** A ticket that was closed and came back: subject marker plus a line saying so. */
export function reopenedText(text: TicketText): TicketText {
  return {
    ...text,
    subject: `Reopened: ${text.subject}`,
    content: `${text.content} We were told this was resolved, but the problem is back.`,
  }
}
