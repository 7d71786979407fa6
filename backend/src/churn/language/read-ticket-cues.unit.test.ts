import { describe, expect, it } from 'vitest'
import { readTicketCues } from './read-ticket-cues'

describe('readTicketCues', () => {
  it.each([
    ['We want to cancel our subscription at the end of the month.', { cancellation: ['cancel … subscription'] }],
    ['CANCELLED our plan yesterday', { cancellation: ['cancel … subscription'] }],
    ['We are cancelling our annual license', { cancellation: ['cancel … subscription'] }],
    ["We won't be renewing next year.", { cancellation: ['will not renew'] }],
    ["We've decided to switch to another vendor", { cancellation: ['switch to another vendor'] }],
    ['Your competitor offered us a better price', { cancellation: ['competitor'] }],
    ['We are evaluating alternatives for next quarter', { cancellation: ['evaluating alternatives'] }],
    ['This is unacceptable, I am really disappointed', { frustration: ['unacceptable', 'disappointed'] }],
    ['The export is still not fixed', { frustration: ['still not fixed'] }],
    ["The export still isn't working", { frustration: ['still not fixed'] }],
    ['Honestly we are fed up with this', { frustration: ['fed up'] }],
    ['Please reopen ticket 123, the sync failed again', { reopen: ['reopened', 'happened again'] }],
    ['Escalating this to your manager', { reopen: ['escalate'] }],
  ])('hears %j', (content, expected) => {
    expect(readTicketCues(null, content)).toEqual(expected)
  })

  it.each([
    ['I cancelled the meeting for tomorrow'],
    ['Please cancel the export job'],
    ['We have no plans to cancel our subscription.'],
    ['We are not looking to switch to another vendor'],
    ['We will renew our contract in March'],
    ['Not frustrated at all, thanks for the quick fix!'],
    ['Refund for a duplicate charge please'],
    ['At the end of the day the report looks fine'],
    ['Can you move the widget to another tab?'],
    ['Where is the cancellation policy for events?'],
    [''],
  ])('hears nothing in %j', (content) => {
    expect(readTicketCues('Question', content)).toEqual({})
  })

  it('reads the subject too, and never matches across sentences', () => {
    expect(readTicketCues('Cancel our subscription', null)).toEqual({ cancellation: ['cancel … subscription'] })
    expect(readTicketCues(null, 'Please cancel. Our subscription page is slow.')).toEqual({})
  })
})
