import { describe, expect, it } from 'vitest'
import type { MemberRule } from './match-alert-rules'
import { matchAlertRules } from './match-alert-rules'

const t = (minute: number) => new Date(Date.UTC(2026, 10, 24, 12, minute))
const rule = (userId: string, kind: MemberRule['kind'], extra: Partial<MemberRule> = {}): MemberRule => ({
  userId,
  kind,
  points: null,
  since: t(10),
  ownerId: null,
  ...extra,
})

describe('matchAlertRules', () => {
  const entry = { companyId: 7, ownerId: 'o1', score: 70, enteredAt: t(20) }

  it.each([
    ['any company', [rule('a', 'any_company_high')], ['a']],
    ['the member owns it', [rule('a', 'owned_company_high', { ownerId: 'o1' })], ['a']],
    ['someone else owns it', [rule('a', 'owned_company_high', { ownerId: 'o2' })], []],
    ['the member matches no owner', [rule('a', 'owned_company_high')], []],
    ['it entered before the rule was chosen', [rule('a', 'any_company_high', { since: t(30) })], []],
    [
      'two members ask, one alert',
      [rule('a', 'any_company_high'), rule('b', 'owned_company_high', { ownerId: 'o1' })],
      ['a', 'b'],
    ],
  ])('a band entry when %s', (_, rules, userIds) => {
    const due = matchAlertRules(rules, [entry], [])
    expect(due).toEqual(
      userIds.length === 0
        ? []
        : [{ event: 'entered_high', companyId: 7, score: 70, occurredAt: t(20), fromScore: null, userIds }],
    )
  })

  it.each([
    [20, true],
    [30, true],
    [31, false],
  ])('a rise of 30 against a rule of %i points is due: %s', (points, due) => {
    const rise = { companyId: 9, score: 50, scoredAt: t(20), lowest: 20, lowestAt: t(5) }
    expect(matchAlertRules([rule('a', 'score_rise', { points })], [], [rise])).toEqual(
      due ? [{ event: 'score_rise', companyId: 9, score: 50, occurredAt: t(5), fromScore: 20, userIds: ['a'] }] : [],
    )
  })
})

describe('matchAlertRules: a renewal within N days while high risk', () => {
  const renewalAt = new Date(Date.UTC(2026, 11, 24))
  const renewal = { companyId: 9, score: 81, renewalAt, daysAhead: 30 }

  it.each([
    ['N reaches the renewal', [rule('a', 'renewal_high_risk', { points: 30 })], ['a']],
    ['N falls short of it', [rule('a', 'renewal_high_risk', { points: 29 })], []],
    ['the rule is off', [rule('a', 'renewal_high_risk')], []],
    // A state, not a change: a rule chosen after the company was already high still warns of the renewal ahead.
    ['the rule was chosen later', [rule('a', 'renewal_high_risk', { points: 60, since: t(59) })], ['a']],
    ['only a band rule', [rule('a', 'any_company_high')], []],
    [
      'two members ask, one alert',
      [rule('a', 'renewal_high_risk', { points: 90 }), rule('b', 'renewal_high_risk', { points: 30 })],
      ['a', 'b'],
    ],
  ])('when %s', (_, rules, userIds) => {
    const due = matchAlertRules(rules, [], [], [renewal])
    expect(due).toEqual(
      userIds.length === 0
        ? []
        : [{ event: 'renewal_due_high', companyId: 9, score: 81, occurredAt: renewalAt, fromScore: null, userIds }],
    )
  })
})
