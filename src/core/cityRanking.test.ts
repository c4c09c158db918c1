// The ranking of the city's sub-districts, with shares worked out by hand.
import { RANKING_RULE, compareSubdistricts, rankSubdistricts, type RankedSubdistrict } from './cityRanking'
import { gradeCounts } from './reportSummary'
import type { Grade } from './types'

/** A sub-district of `workers` workers: `excellent` 优秀, `competent` 称职, the rest 基本称职. */
function subdistrict(name: string, workers: number, excellent: number, competent: number, avgGridTimeRatio: number | null): RankedSubdistrict {
  const grades: Grade[] = [...Array(excellent).fill('优秀'), ...Array(competent).fill('称职'), ...Array(workers - excellent - competent).fill('基本称职')]
  return { subdistrictName: name, workers, grades: gradeCounts(grades), avgGridTimeRatio }
}

it('puts the larger share at 称职 or better first, whatever the size of the sub-district', () => {
  // 马桥 4 of 5 = 0.8 above 温泉 4 of 6 = 0.667, though 温泉 spends more time in the grid.
  const maqiao = subdistrict('马桥办事处', 5, 1, 3, 0.5)
  const wenquan = subdistrict('温泉办事处', 6, 1, 3, 0.9)
  expect(rankSubdistricts([wenquan, maqiao]).map((s) => [s.subdistrictName, s.rank])).toEqual([['马桥办事处', 1], ['温泉办事处', 2]])
})

it('decides equal shares by average grid time, and gives equal ones the same place', () => {
  // 浮山 (6 + 18) / 30 = 0.8, 横沟桥 (2 + 6) / 10 = 0.8, 马桥 (1 + 3) / 5 = 0.8: equal shares, compared as
  // 24 × 10 = 8 × 30 and 8 × 5 = 4 × 10, whole numbers. 马桥 70.0% in the grid is first; 浮山 and 横沟桥 both
  // show 67.2% and share 2nd; 温泉 (1 + 3) / 6 = 0.667 comes 4th (1, 2, 2, 4); 新区 has no workers: no place.
  const rows = rankSubdistricts([
    subdistrict('浮山办事处', 30, 6, 18, 0.672),
    subdistrict('温泉办事处', 6, 1, 3, 0.9),
    subdistrict('新区办事处', 0, 0, 0, null),
    subdistrict('横沟桥办事处', 10, 2, 6, 0.6720000000000001),
    subdistrict('马桥办事处', 5, 1, 3, 0.7),
  ])
  expect(rows.map((s) => [s.subdistrictName, s.rank])).toEqual([
    ['马桥办事处', 1],
    ['浮山办事处', 2],
    ['横沟桥办事处', 2],
    ['温泉办事处', 4],
    ['新区办事处', null],
  ])
})

it('counts 未评定 against the share, and ranks no grid time below any', () => {
  // 2 of 3 graded 称职 and one 未评定: 2/3 < 3/4.
  const a = { subdistrictName: '甲', workers: 3, grades: { 优秀: 0, 称职: 2, 基本称职: 0, 不称职: 0, 未评定: 1 }, avgGridTimeRatio: 0.9 }
  const b = subdistrict('乙', 4, 0, 3, 0.1)
  expect(compareSubdistricts(b, a)).toBeLessThan(0)
  // Both 1 of 2: 0% in the grid is above no grid time at all.
  expect(compareSubdistricts(subdistrict('丙', 2, 0, 1, 0), subdistrict('丁', 2, 0, 1, null))).toBeLessThan(0)
})

it('states the rule in words for the page and the file', () => {
  expect(RANKING_RULE).toContain('优秀加称职')
  expect(RANKING_RULE).toContain('平均在网格时间')
  expect(RANKING_RULE).toContain('并列')
})
