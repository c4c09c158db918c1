// field.start, field.end and field.list through dispatch on a real SqliteStore (the 5 of 3456):
// a worker's sessions, every rejection storing nothing, and a month of sessions — with holidays on
// weekdays and a make-up Saturday — whose grid-time ratio is worked out by hand below.
import type { ResultOf } from '@core/contract'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { VisitRecord } from '@backend/visits/store'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, X } from './support/smallOrg'
import { withKey } from './support/keys'

/** A China wall-clock time, `2026-09-07 08:30`, as the moment it is (UTC+8). */
const china = (wallClock: string) => new Date(`${wallClock.replace(' ', 'T')}:00+08:00`)

let api: Harness
beforeEach(async () => {
  api = await createHarness(china('2026-09-07 08:30'))
})
afterEach(() => api.close())

const callAs = (openid: string | null, action: string, payload: unknown = {}) => api.call({ action, payload }, openid)
const asWorker = (action: string, payload: unknown = {}) => callAs(OPENID.workerX, action, payload)

/** Everything the field-time store holds for worker X. */
async function storedFieldTime() {
  return {
    open: await api.store.fieldTime.getOpenSession(X),
    logged: await api.store.fieldTime.listSessions(X, '2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'),
  }
}

describe('field.start and field.end', () => {
  it('starts a session now, shows it running, and logs its minutes when it ends', async () => {
    const started = dataOf<ResultOf<'field.start'>>(await asWorker('field.start', { grid: ' 银泉花园 ' }))
    expect(started).toEqual({ sessionId: expect.stringMatching(/^[0-9a-f]{32}$/), startedAt: '2026-09-07T00:30:00.000Z' })
    expect(dataOf<ResultOf<'field.list'>>(await asWorker('field.list', { period: '2026-09' })).open).toEqual({
      sessionId: started.sessionId,
      startedAt: '2026-09-07T00:30:00.000Z',
      grid: '银泉花园',
    })
    api.now = china('2026-09-07 14:45') // 08:30 → 14:45: 6 h 15 min
    expect(await asWorker('field.end')).toEqual({ ok: true, data: { sessionId: started.sessionId, minutes: 375 } })
    expect(await asWorker('field.list', { period: '2026-09' })).toEqual({
      ok: true,
      data: {
        period: '2026-09',
        open: null,
        sessions: [{ sessionId: started.sessionId, grid: '银泉花园', startedAt: '2026-09-07T00:30:00.000Z', endedAt: '2026-09-07T06:45:00.000Z', minutes: 375, corroborated: false }],
      },
    })
  })

  it('lets a worker who forgot to end a session say when they left, up to 12 hours after the start', async () => {
    await asWorker('field.start')
    api.now = china('2026-09-08 09:00') // the next morning: 24 h 30 min after the start
    expect(await asWorker('field.end', { endedAt: china('2026-09-07 17:30').toISOString() })).toEqual({
      ok: true,
      data: { sessionId: expect.any(String), minutes: 540 }, // 08:30 → 17:30
    })
    expect((await storedFieldTime()).logged.map((s) => s.endedAt)).toEqual(['2026-09-07T09:30:00.000Z'])
  })

  it('accepts an end time written with the China offset and stores it in UTC', async () => {
    await asWorker('field.start')
    api.now = china('2026-09-07 12:00')
    expect(dataOf<ResultOf<'field.end'>>(await asWorker('field.end', { endedAt: '2026-09-07T11:00:00+08:00' })).minutes).toBe(150)
    expect((await storedFieldTime()).logged[0].endedAt).toBe('2026-09-07T03:00:00.000Z')
  })
})

describe('rejected field sessions store nothing', () => {
  it('refuses to start a second session while one runs (it would overlap): 409', async () => {
    await asWorker('field.start')
    const before = await storedFieldTime()
    api.now = china('2026-09-07 10:00')
    expect(await asWorker('field.start')).toEqual({ ok: false, code: 'CONFLICT', message: '您有一次下沉还没结束（9月7日 08:30 开始），请先结束它再开始新的一次' })
    expect(await storedFieldTime()).toEqual(before)
  })

  it('refuses to end a session at now when it started more than 12 hours ago, and says how to mend it', async () => {
    await asWorker('field.start')
    const before = await storedFieldTime()
    api.now = china('2026-09-07 20:31') // 12 h 1 min
    expect(await asWorker('field.end')).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '一次下沉最长 12 小时。这次从 9月7日 08:30 开始，请填写您实际离开网格的时间（不晚于 9月7日 20:30）',
    })
    expect(await asWorker('field.end', { endedAt: china('2026-09-07 20:31').toISOString() })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await storedFieldTime()).toEqual(before)
    // exactly 12 hours is allowed
    expect(await asWorker('field.end', { endedAt: china('2026-09-07 20:30').toISOString() })).toMatchObject({ ok: true, data: { minutes: 720 } })
  })

  it('refuses an end in the future or before the start', async () => {
    await asWorker('field.start')
    api.now = china('2026-09-07 11:00')
    const before = await storedFieldTime()
    expect(await asWorker('field.end', { endedAt: china('2026-09-07 11:05').toISOString() })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '结束时间 9月7日 11:05 还没有到，不能记录将来的时间',
    })
    expect(await asWorker('field.end', { endedAt: china('2026-09-07 08:00').toISOString() })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '结束时间必须晚于这次下沉的开始时间 9月7日 08:30',
    })
    expect(await storedFieldTime()).toEqual(before)
  })

  it('refuses an end without a running session: 409', async () => {
    expect(await asWorker('field.end')).toEqual({ ok: false, code: 'CONFLICT', message: '您现在没有进行中的下沉，请先点“开始下沉”' })
    expect(await storedFieldTime()).toEqual({ open: null, logged: [] })
  })

  it('refuses malformed input with a message in Chinese', async () => {
    expect(await asWorker('field.start', { grid: '小'.repeat(31) })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '小区名称最多 30 个字' })
    await asWorker('field.start')
    for (const endedAt of ['昨天下午', '2026-09-07', 1757226600000]) {
      expect(await asWorker('field.end', { endedAt })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/^结束时间格式不对/) })
    }
    expect((await storedFieldTime()).logged).toEqual([])
  })

  it('lets only a bound worker log grid time: 401 without WeChat, 403 for residents and staff', async () => {
    for (const action of ['field.start', 'field.end', 'field.list']) {
      const payload = action === 'field.list' ? { period: '2026-09' } : {}
      expect(await callAs(null, action, payload)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
      for (const openid of [OPENID.resident, OPENID.fushanStaff, OPENID.communityAdmin, OPENID.bureau]) {
        expect(await callAs(openid, action, payload)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      }
    }
    expect(await storedFieldTime()).toEqual({ open: null, logged: [] })
  })
})

describe('a month of sessions: the ratio worked out by hand', () => {
  // September 2026 starts on a Tuesday: 22 weekdays. Holidays: Th 24 and Fr 25 (weekdays, −2) and
  // Sa 26 (a weekend, −0); make-up workday Sa 12 (+1): 22 − 2 + 1 = 21 working days, × 480 = 10080 minutes.
  const settings = { ...DEFAULT_SETTINGS, holidays: ['2026-09-24', '2026-09-25', '2026-09-26'], makeupWorkdays: ['2026-09-12'] }
  const visit = (visitCode: string, wallClock: string): VisitRecord => ({
    visitCode,
    workerCode: X,
    subdistrictId: FUSHAN,
    communityId: 'c-yinquan',
    type: '关爱走访',
    place: '银泉花园3栋',
    note: '',
    at: china(wallClock).toISOString(),
  })

  async function session(start: string, end: string, during?: () => Promise<unknown>) {
    api.now = china(start)
    dataOf(await asWorker('field.start', { grid: '银泉花园' }))
    await during?.()
    api.now = china(end)
    return dataOf<ResultOf<'field.end'>>(await asWorker('field.end')).minutes
  }
  const rateAt = async (openid: string, wallClock: string) => {
    api.now = china(wallClock)
    dataOf(await callAs(openid, 'rating.submit', withKey({ workerCode: X, level: 5 })))
  }

  it('gives 1080 / 10080 of all time and 600 / 10080 corroborated', async () => {
    await api.store.saveSettings(settings)
    // S1 Mo 7th 08:30–14:30, 360 min, a service visit logged at 10:00 inside it: corroborated
    expect(await session('2026-09-07 08:30', '2026-09-07 14:30', () => api.store.visits.putVisit(visit('V-in-s1-0000001', '2026-09-07 10:00')))).toBe(360)
    // S2 the make-up Saturday 12th 09:00–17:00, 480 min; a visit at 17:30 is after it: not corroborated
    expect(await session('2026-09-12 09:00', '2026-09-12 17:00')).toBe(480)
    await api.store.visits.putVisit(visit('V-after-s2-0001', '2026-09-12 17:30'))
    // S3 Tu 15th 14:00–16:00, 120 min, a resident rates the worker at 15:00: corroborated
    expect(await session('2026-09-15 14:00', '2026-09-15 16:00', () => rateAt(OPENID.resident, '2026-09-15 15:00'))).toBe(120)
    // S4 We 30th 22:00 → Th 1 Oct 01:00, 180 min: 120 in September, 60 in October; rated at 00:30 on 1 Oct
    expect(await session('2026-09-30 22:00', '2026-10-01 01:00', () => rateAt('o-resident-2', '2026-10-01 00:30'))).toBe(180)

    // September: 360 + 480 + 120 + 120 = 1080 logged; 360 + 120 + 120 = 600 corroborated (S2 is not)
    api.now = china('2026-11-27 10:00')
    expect(await asWorker('gridtime.get', { period: '2026-09' })).toEqual({
      ok: true,
      data: {
        period: '2026-09',
        fieldMinutes: 1080,
        corroboratedMinutes: 600,
        workingDays: 21,
        workingMinutes: 10080,
        ratio: 1080 / 10080, // 3/28 ≈ 10.7%
        corroboratedRatio: 600 / 10080, // 5/84 ≈ 6.0%
        target: 0.5,
        meetsTarget: false,
        hallDays: 0, // no rota: no day at the hall
      },
    })
    // October: S4's last 60 minutes, corroborated; 22 weekdays (Th 1 … Fr 30) with no holiday set = 10560
    expect(dataOf<ResultOf<'gridtime.get'>>(await asWorker('gridtime.get', { period: '2026-10' }))).toMatchObject({
      fieldMinutes: 60,
      corroboratedMinutes: 60,
      workingDays: 22,
      workingMinutes: 10560,
    })
    // field.list of September: newest first, each with its corroboration; S4 shows all of its 180 minutes
    const listed = dataOf<ResultOf<'field.list'>>(await asWorker('field.list', { period: '2026-09' })).sessions
    expect(listed.map((s) => [s.minutes, s.corroborated])).toEqual([[180, true], [120, true], [480, false], [360, true]])
  })

  it('lets a resident rating corroborate a session only once its China day has passed, for the worker and staff alike', async () => {
    // S Tu 15th 14:00–16:00, 120 min, a resident rates the worker at 15:00 and nothing else happens in it.
    expect(await session('2026-09-15 14:00', '2026-09-15 16:00', () => rateAt(OPENID.resident, '2026-09-15 15:00'))).toBe(120)
    const corroborated = async (wallClock: string) => {
      api.now = china(wallClock)
      const own = dataOf<ResultOf<'gridtime.get'>>(await asWorker('gridtime.get', { period: '2026-09' }))
      const staff = dataOf<ResultOf<'gridtime.get'>>(await callAs(OPENID.fushanStaff, 'gridtime.get', { period: '2026-09', workerCode: X }))
      const [listed] = dataOf<ResultOf<'field.list'>>(await asWorker('field.list', { period: '2026-09' })).sessions
      expect(staff.corroboratedMinutes).toBe(own.corroboratedMinutes)
      return [own.fieldMinutes, own.corroboratedMinutes, listed.corroborated]
    }
    // The rating's day: the session reads as if nobody had rated (trust rule 5: nothing flips at that moment).
    expect(await corroborated('2026-09-15 16:05')).toEqual([120, 0, false])
    expect(await corroborated('2026-09-15 23:59')).toEqual([120, 0, false])
    // From 00:00 on the 16th: corroborated.
    expect(await corroborated('2026-09-16 00:00')).toEqual([120, 120, true])
  })
})
