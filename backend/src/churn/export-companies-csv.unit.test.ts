import { describe, expect, it } from 'vitest'
import { csvCell } from './export-companies-csv'

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [' =1+1', "' =1+1"],
    ['\u00a0\u3000=1+1', "'\u00a0\u3000=1+1"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['\n =cmd', `"'\n =cmd"`],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['  ＝1', "'  ＝1"],
    ['Acme, Inc.', '"Acme, Inc."'],
    ['plain name', 'plain name'],
    ['a=b', 'a=b'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it('leaves numbers and empty values alone', () => {
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell(null)).toBe('')
  })
})
