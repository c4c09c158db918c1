// The summary of a report, with numbers worked out by hand.
import { averageRatio, averageTotal, gradeCounts, gradeShares, gridTimeRuleText, percentText, quotaNote, roundRatio, rowsSummary } from './reportSummary'
import { DEFAULT_SETTINGS } from './settings'

describe('the grade distribution', () => {
  it('counts every grade, 0 for grades nobody has', () => {
    expect(gradeCounts(['优秀', '称职', '称职', '未评定'])).toEqual({ 优秀: 1, 称职: 2, 基本称职: 0, 不称职: 0, 未评定: 1 })
  })

  it('gives each grade its share of all workers, best grade first: 6 of 30 is 0.2, 1 of 3 is 0.333', () => {
    const shares = gradeShares({ 优秀: 6, 称职: 20, 基本称职: 3, 不称职: 1, 未评定: 0 })
    expect(shares.map((share) => share.grade)).toEqual(['优秀', '称职', '基本称职', '不称职', '未评定'])
    // 6/30 = 0.2, 20/30 = 0.6666… → 0.667, 3/30 = 0.1, 1/30 = 0.0333… → 0.033
    expect(shares.map((share) => share.share)).toEqual([0.2, 0.667, 0.1, 0.033, 0])
    expect(gradeShares({ 优秀: 1, 称职: 2, 基本称职: 0, 不称职: 0, 未评定: 0 })[0].share).toBe(0.333)
  })

  it('has no share without workers', () => {
    expect(gradeShares(gradeCounts([])).every((share) => share.share === 0 && share.count === 0)).toBe(true)
  })
})

describe('grid time in the summary (the 5 of 3456)', () => {
  it('averages the workers who have a ratio, then rounds to a tenth of a percent', () => {
    // (0.52 + 0.82 + 0.67) / 3 = 2.01 / 3 = 0.67
    expect(averageRatio([0.52, 0.82, 0.67, null])).toBe(0.67)
    // (0.5 + 2/3) / 2 = 0.58333… → 0.583
    expect(averageRatio([0.5, 2 / 3])).toBe(0.583)
    expect(averageRatio([null, null])).toBeNull()
    expect(roundRatio(0.66666)).toBe(0.667)
  })

  it('says the rule in words with the target of the settings used', () => {
    expect(gridTimeRuleText(0.5)).toBe('在网格时间不少于工作时间的 50%')
    expect(gridTimeRuleText(2 / 3)).toBe('在网格时间不少于工作时间的 66.7%')
    expect(percentText(0.675)).toBe('67.5%')
  })
})

describe('the 优秀 quota in words', () => {
  it('states the share, the graded count and the most it allows: 20% of 30 is 6', () => {
    expect(quotaNote(DEFAULT_SETTINGS, 30)).toBe('优秀不超过参评人数的 20%（本期参评 30 人，最多 6 人），且总分不低于 90 分、没有提示项')
  })

  it('uses the settings in force: 15% of 30 is floor(4.5) = 4, with a minimum of 92', () => {
    expect(quotaNote({ excellentQuota: 0.15, excellentMin: 92 }, 30)).toBe('优秀不超过参评人数的 15%（本期参评 30 人，最多 4 人），且总分不低于 92 分、没有提示项')
  })
})

describe('the average total', () => {
  it('averages the graded workers\' totals exactly, then rounds half away from zero', () => {
    // (87.4 + 71.9) / 2 = 79.65 → 79.7, the half going away from zero
    expect(averageTotal([87.4, 71.9, null])).toBe(79.7)
    // (70.1 + 70.2 + 70.2) / 3 = 70.1666… → 70.2
    expect(averageTotal([70.1, 70.2, 70.2])).toBe(70.2)
    expect(averageTotal([null])).toBeNull()
  })

  it('summarises rows as a report does: workers, average grid time, grades', () => {
    expect(rowsSummary([{ grade: '称职', gridTimeRatio: 0.5 }, { grade: '未评定', gridTimeRatio: null }])).toEqual({
      workers: 2, avgGridTimeRatio: 0.5, grades: { 优秀: 0, 称职: 1, 基本称职: 0, 不称职: 0, 未评定: 1 },
    })
  })
})
