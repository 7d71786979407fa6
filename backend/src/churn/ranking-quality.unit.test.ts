import { describe, expect, it } from 'vitest'
import { rankingQuality } from './ranking-quality'

describe('ranking quality', () => {
  it('a perfect ranking has AUC 1 and full precision at the top', () => {
    const rows = [
      ...Array.from({ length: 10 }, (_, i) => ({ score: 90 + i, churning: true })),
      ...Array.from({ length: 90 }, (_, i) => ({ score: i % 50, churning: false })),
    ]
    expect(rankingQuality(rows)).toEqual({ auc: 1, precisionAtTop10: 1, churning: 10, total: 100 })
  })

  it('an inverted ranking has AUC 0; all ties give 0.5', () => {
    expect(
      rankingQuality([
        { score: 1, churning: true },
        { score: 2, churning: false },
      ]).auc,
    ).toBe(0)
    expect(
      rankingQuality([
        { score: 5, churning: true },
        { score: 5, churning: false },
        { score: 5, churning: false },
      ]).auc,
    ).toBe(0.5)
  })

  it('matches a hand count', () => {
    // pairs (pos, neg): (3>1) (3>2) (3<4) → 2 of 3; (5>1)(5>2)(5>4) → 3 of 3: AUC 5/6
    const rows = [
      { score: 3, churning: true },
      { score: 5, churning: true },
      { score: 1, churning: false },
      { score: 2, churning: false },
      { score: 4, churning: false },
    ]
    expect(rankingQuality(rows).auc).toBeCloseTo(5 / 6)
  })
})
