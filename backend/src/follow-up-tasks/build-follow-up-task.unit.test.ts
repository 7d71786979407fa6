import type { ChurnReason } from '@churnlens/contracts'
import { describe, expect, it } from 'vitest'
import { buildFollowUpTask } from './build-follow-up-task'

const reason = (signal: ChurnReason['signal'], points: number, evidence: string): ChurnReason => ({
  signal,
  points,
  evidence,
  ticketIds: [],
})

const base = {
  companyId: 10000000001,
  companyName: 'Acme <Corp>',
  score: 82,
  ownerId: '61001002',
  reasons: [
    reason('open_backlog', 10, '4 tickets open'),
    reason('urgent_share', 30, '3 urgent tickets open for 9 days'),
    reason('silence', 0, 'no silence'),
    reason('cancellation_language', 20, '"cancel" in 2 tickets'),
    reason('reopened', 12, '2 tickets reopened'),
  ],
  link: 'https://app.example.com/go/company/10000000001?w=ws&s=sig',
  now: new Date('2026-11-30T16:00:00Z'), // a Monday
}

describe('buildFollowUpTask', () => {
  it('is a high-priority to-do for the owner, on the company, naming it and its score', () => {
    const task = buildFollowUpTask(base)
    expect(task.companyId).toBe(10000000001)
    expect(task.properties).toMatchObject({
      hs_task_subject: 'Churn risk: Acme <Corp> is high (82/100)',
      hs_task_status: 'NOT_STARTED',
      hs_task_priority: 'HIGH',
      hs_task_type: 'TODO',
      hubspot_owner_id: '61001002',
      hs_timestamp: '2026-12-01T09:00:00.000Z',
    })
  })

  it('lists the three heaviest reasons with their evidence, then the link', () => {
    const lines = buildFollowUpTask(base).properties.hs_task_body.split('\n')
    expect(lines).toEqual([
      'Acme <Corp> entered the high churn-risk band with a score of 82/100.',
      '',
      'Top reasons:',
      '• 3 urgent tickets open for 9 days (+30)',
      '• "cancel" in 2 tickets (+20)',
      '• 2 tickets reopened (+12)',
      '',
      `Open in Churnlens: ${base.link}`,
    ])
  })

  it('is unassigned without an owner', () => {
    expect(buildFollowUpTask({ ...base, ownerId: null }).properties).not.toHaveProperty('hubspot_owner_id')
  })

  it('is due the next business day: Friday and the weekend roll to Monday', () => {
    const due = (iso: string) => buildFollowUpTask({ ...base, now: new Date(iso) }).properties.hs_timestamp
    expect(due('2026-12-04T23:59:00Z')).toBe('2026-12-07T09:00:00.000Z') // Friday
    expect(due('2026-12-05T08:00:00Z')).toBe('2026-12-07T09:00:00.000Z') // Saturday
    expect(due('2026-12-06T08:00:00Z')).toBe('2026-12-07T09:00:00.000Z') // Sunday
    expect(due('2026-12-03T08:00:00Z')).toBe('2026-12-04T09:00:00.000Z') // Thursday
  })
})
