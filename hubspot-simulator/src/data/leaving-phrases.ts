import type { ChurnCause } from './account'
import type { FastRandom } from './fast-random'
import { competitors } from './name-lists'
import type { TicketTemplate } from './ticket-phrases'

const when = (random: FastRandom): string =>
  random.pick([
    'at the end of our current term',
    'at our renewal',
    'when the contract ends',
    'at the end of this billing period',
  ])

/**
 * Written notice that a customer will not renew, in the words its reason suggests. Polite more often than
 * not: most customers who leave are not angry, they have simply decided.
 */
export const noticeTemplates: Record<ChurnCause, readonly TicketTemplate[]> = {
  product: [
    (r) => [
      'Not renewing',
      `After a lot of back and forth we have decided the product isn't the right fit for us. Please don't renew our contract ${when(r)}.`,
    ],
    () => [
      'Cancellation',
      'Given the problems of the last months we will not renew. Please confirm the cancellation in writing.',
    ],
    (r) => [
      'Our subscription',
      `We have decided to stop using the platform ${when(r)}. Thank you for your help along the way.`,
    ],
  ],
  price: [
    () => ['Renewal pricing', 'With the new pricing this no longer fits our budget, so we will not renew.'],
    (r) => [
      'Cancel at renewal',
      `Please cancel our subscription ${when(r)}. The new price is more than we can justify for our usage.`,
    ],
  ],
  competitor: [
    (r) => [
      'Contract end',
      `We have decided to consolidate on ${r.pick(competitors)}. Please let us know how to export our data before the contract ends.`,
    ],
    (r) => ['Moving to another platform', `We are moving to another platform ${when(r)} and won't be renewing.`],
  ],
  budget: [
    () => ['Budget cuts', 'Unfortunately our budget for next year was cut and we have to cancel our subscription.'],
    (r) => [
      'Cancelling our plan',
      `Due to cost cutting across the company we need to cancel ${when(r)}. Nothing to do with you, the team liked the product.`,
    ],
  ],
  acquired: [
    () => [
      'Change of ownership',
      "We have been acquired and will move to our parent company's tools. Please cancel our account at the end of the term.",
    ],
    () => [
      'Account closure after acquisition',
      'Following our acquisition, IT is consolidating vendors. We need to close our account.',
    ],
  ],
  unknown: [
    (r) => ['Subscription', `Please cancel our subscription ${when(r)}. Thanks for everything.`],
    () => ['Non-renewal notice', 'This is our notice that we will not renew. Please confirm.'],
    (r) => ['Account', `We won't be continuing ${when(r)}. Could you confirm what we need to do?`],
  ],
}

/** Before leaving, many ask for their data; stayers ask too (backups, BI), just less often. */
export const exportTemplates: readonly TicketTemplate[] = [
  () => ['Full data export', 'Could you send us a complete export of all our data, including attachments?'],
  () => ['Export all records', 'What is the best way to export everything we have in the account?'],
  () => ['Bulk download of attachments', 'We need to download all attachments in one go. Is there a bulk option?'],
]

/** After the contract ended: the last loose ends. */
export const finalTemplates: readonly TicketTemplate[] = [
  () => ['Final invoice', 'Could you send the final invoice and confirm nothing else will be charged?'],
  () => ['Please delete our data', 'Now that our contract has ended, please delete our data and confirm when done.'],
  () => ['Confirm account closure', 'Can you confirm our account is closed and the card on file removed?'],
]
