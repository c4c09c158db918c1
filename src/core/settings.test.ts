import { ApiError } from './errors'
import { DEFAULT_SETTINGS, validateSettings } from './settings'

/** The error a bad setting gets: INVALID_INPUT with a Chinese message naming the field. */
function errorOf(patch: Record<string, unknown>): ApiError {
  try {
    validateSettings({ ...DEFAULT_SETTINGS, ...patch })
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).code).toBe('INVALID_INPUT')
    return e as ApiError
  }
  throw new Error(`expected ${JSON.stringify(patch)} to be rejected`)
}

describe('settings', () => {
  it('has the defaults of DESIGN section 3', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      weights: { residents: 0.4, recipients: 0.3, subdistrict: 0.3 },
      levelPoints: [0, 20, 60, 80, 100],
      priorWeight: 5,
      minResidents: 5,
      minRecipients: 3,
      excellentMin: 90,
      excellentQuota: 0.2,
      dailyShare: 0.6,
      gridTimeTarget: 0.5,
      workMinutesPerDay: 480,
      holidays: [],
      makeupWorkdays: [],
      feedbackWindowDays: 7,
      sheetCriteria: [{ name: '履职尽责', weight: 40 }, { name: '工作实绩', weight: 40 }, { name: '纪律作风', weight: 20 }],
      // the trust defaults: 10 submits a minute and 30 a day per rater; 回访 in 1 working day, 整改 in 15; appeals within 10 days
      rateLimitPerMinute: 10,
      rateLimitPerDay: 30,
      // 30 service visits a day per worker
      visitsPerDay: 30,
      callbackWorkingDays: 1,
      rectifyWorkingDays: 15,
      appealDays: 10,
    })
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS)
  })

  it('accepts a valid change, such as the province 2/3 grid-time target and a holiday list', () => {
    const s = validateSettings({ ...DEFAULT_SETTINGS, gridTimeTarget: 2 / 3, holidays: ['2026-10-01'], makeupWorkdays: ['2026-10-10'] })
    expect(s.gridTimeTarget).toBe(2 / 3)
  })

  it('accepts weights that sum to 1 up to float error: 0.1 + 0.2 + 0.7', () => {
    // 0.1 + 0.2 + 0.7 is 1.0000000000000002 in binary
    expect(() => validateSettings({ ...DEFAULT_SETTINGS, weights: { residents: 0.1, recipients: 0.2, subdistrict: 0.7 } })).not.toThrow()
  })

  it('drops keys it does not know', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, colour: 'red' })).toEqual(DEFAULT_SETTINGS)
  })

  it.each([
    ['weights', { weights: { residents: 0.4, recipients: 0.3, subdistrict: 0.2 } }, 'weights（三方权重）之和必须等于 1'],
    ['weights', { weights: { residents: -0.1, recipients: 0.6, subdistrict: 0.5 } }, 'weights（三方权重）中的居民权重'],
    ['weights', { weights: { residents: 0.5, recipients: 0.5 } }, 'weights（三方权重）必须包含 residents、recipients、subdistrict 三项'],
    ['levelPoints', { levelPoints: [0, 20, 20, 80, 100] }, 'levelPoints（各等级分值）必须从 1 级到 5 级严格递增'],
    ['levelPoints', { levelPoints: [0, 20, 60, 80, 120] }, 'levelPoints（各等级分值）每一项都必须是 0 到 100 之间的数'],
    ['levelPoints', { levelPoints: [0, 50, 100] }, 'levelPoints（各等级分值）必须是 5 个数'],
    ['priorWeight', { priorWeight: -1 }, 'priorWeight（先验权重）'],
    ['minResidents', { minResidents: 2.5 }, 'minResidents（居民评价最少条数）必须是不小于 0 的整数'],
    ['minRecipients', { minRecipients: -1 }, 'minRecipients（服务对象评价最少条数）'],
    ['excellentMin', { excellentMin: 101 }, 'excellentMin（优秀最低分）必须在 0 到 100 之间'],
    ['excellentQuota', { excellentQuota: 1.5 }, 'excellentQuota（优秀比例上限）必须在 0 到 1 之间'],
    ['dailyShare', { dailyShare: 0.5 }, 'dailyShare（日常考核占比）必须在 0.6 到 1 之间'],
    ['gridTimeTarget', { gridTimeTarget: 0 }, 'gridTimeTarget（网格工作时间目标）必须大于 0'],
    ['workMinutesPerDay', { workMinutesPerDay: 1441 }, 'workMinutesPerDay（每个工作日分钟数）'],
    ['workMinutesPerDay', { workMinutesPerDay: 0 }, 'workMinutesPerDay（每个工作日分钟数）'],
    ['holidays', { holidays: ['2026-02-30'] }, 'holidays（节假日）中的 2026-02-30 不是有效日期'],
    ['makeupWorkdays', { makeupWorkdays: '2026-10-10' }, 'makeupWorkdays（调休上班日）必须是日期列表'],
    ['feedbackWindowDays', { feedbackWindowDays: 91 }, 'feedbackWindowDays（服务对象评价期限）必须是 1 到 90 之间的整数'],
    ['visitsPerDay', { visitsPerDay: 0 }, 'visitsPerDay（每位工作者每天最多登记服务）必须是 1 到 500 之间的整数'],
    ['visitsPerDay', { visitsPerDay: 30.5 }, 'visitsPerDay（每位工作者每天最多登记服务）必须是 1 到 500 之间的整数'],
    ['dailyShare', { dailyShare: '0.6' }, 'dailyShare（日常考核占比）'],
    ['excellentMin', { excellentMin: Number.NaN }, 'excellentMin（优秀最低分）'],
  ])('rejects a bad %s and says so', (_field, patch, message) => {
    expect(errorOf(patch).message).toContain(message)
  })

  it('gives settings saved before the visit limit the default of 30 visits a day', () => {
    const { visitsPerDay: _dropped, ...before } = DEFAULT_SETTINGS
    expect(validateSettings(before).visitsPerDay).toBe(30)
  })

  it('names a missing field', () => {
    const { dailyShare: _dropped, ...rest } = DEFAULT_SETTINGS
    expect(() => validateSettings(rest)).toThrow('dailyShare（日常考核占比）')
  })

  it('rejects a day that is both a holiday and a make-up workday', () => {
    expect(errorOf({ holidays: ['2026-10-01'], makeupWorkdays: ['2026-10-01'] }).message).toContain('2026-10-01 不能既在 holidays（节假日）中又在 makeupWorkdays（调休上班日）中')
  })

  it('lists every problem at once', () => {
    const message = errorOf({ dailyShare: 0.5, excellentQuota: 2 }).message
    expect(message).toContain('dailyShare')
    expect(message).toContain('excellentQuota')
  })

  it('rejects something that is not settings at all', () => {
    expect(() => validateSettings(null)).toThrow('设置必须是一个对象')
  })
})
