import { describe, expect, it } from 'vitest'
import { SearchLaneBoard } from './search-lane-board'

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k)

describe('SearchLaneBoard', () => {
  it('takes the highest known ids of the lane with the most left, and lowers its bound to just below them', () => {
    const board = new SearchLaneBoard()
    board.add(1, 0, 1000) // 1..1000 left
    board.add(2, 1500, 2000) // 1501..2000 left
    const known = ids(1, 2000)
    const taken = board.take(known, 300, 100)
    expect(taken).toMatchObject({ lane: 1, from: 700, to: 1000 })
    expect(taken!.ids).toEqual(ids(701, 1000))
    expect(board.upperBound(1, 1000)).toBe(700)
    expect(board.upperBound(2, 2000)).toBe(2000)
    // Lane 1 now has 700 left, lane 2 500: lane 1 again.
    expect(board.take(known, 300, 100)).toMatchObject({ lane: 1, from: 400, to: 700 })
  })

  it('counts only known ids, and follows each lane as it reads on', () => {
    const board = new SearchLaneBoard()
    board.add(0, 100, 10_000)
    const sparse = [150, 160, 170, 180, 9_000, 9_500]
    expect(board.take(sparse, 10, 2)).toMatchObject({ lane: 0, from: 160, to: 10_000, ids: [170, 180, 9_000, 9_500] })
    board.progress(0, 160)
    expect(board.take(sparse, 10, 2)).toBeNull() // it has read up to its new bound
  })

  it('leaves a lane at least `keep` and takes nothing from a lane about to finish or finished', () => {
    const board = new SearchLaneBoard()
    board.add(3, 0, 500)
    expect(board.take(ids(1, 500), 1000, 200)).toMatchObject({ from: 200, ids: ids(201, 500) })
    expect(board.take(ids(1, 500), 1000, 200)).toBeNull() // 200 left: under twice `keep`
    board.add(4, 0, 10_000)
    board.finished(4)
    expect(board.take(ids(1, 10_000), 1000, 200)).toBeNull()
    expect(board.upperBound(4, 10_000)).toBe(10_000)
  })
})
