import { FLAG_TEXT, GRADE_ORDER, flagText } from './flags'
import { DEFAULT_SETTINGS } from './settings'

describe('flag texts a clerk reads', () => {
  it('say the default thresholds', () => {
    expect(FLAG_TEXT.FEW_RESIDENTS).toContain('居民评价不足 5 条，结果仅供参考')
    expect(FLAG_TEXT.FEW_RECIPIENTS).toContain('服务对象评价不足 3 条')
  })

  it('follow the settings in force', () => {
    const s = { ...DEFAULT_SETTINGS, minResidents: 10, minRecipients: 4 }
    expect(flagText('FEW_RESIDENTS', s)).toContain('居民评价不足 10 条')
    expect(flagText('FEW_RECIPIENTS', s)).toContain('服务对象评价不足 4 条')
  })

  it('exist for every flag, in Chinese', () => {
    for (const text of Object.values(FLAG_TEXT)) expect(text).toMatch(/[\u4e00-\u9fff]/)
    expect(Object.keys(FLAG_TEXT).sort()).toEqual(
      ['FEW_RECIPIENTS', 'FEW_RESIDENTS', 'NO_RECIPIENTS', 'NO_RESIDENTS', 'NO_SUBDISTRICT_SCORE', 'NO_YEAR_END', 'UNDER_REVIEW'],
    )
  })

  it('say a rating under review still counts until the sub-district decides', () => {
    expect(FLAG_TEXT.UNDER_REVIEW).toBe('有评价待街道复核，复核前照常计分')
  })
})

it('orders grades best first', () => {
  expect(GRADE_ORDER).toEqual(['优秀', '称职', '基本称职', '不称职', '未评定'])
})
