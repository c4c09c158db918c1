// evaluation.get gives exactly the numbers of DESIGN section 3, with ratings entered through
// rating.submit, scores through score.submit, and recipients' feedback put straight into the store
// (feedback.submit's own rules are test/handlers.feedback.test.ts's). Numbers are worked out by hand in the comments.
import type { ResultOf } from '@core/contract'
import type { EvaluationRow, Level } from '@core/types'
import type { Store } from '@backend/store'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, X, Y } from './support/smallOrg'
import { withKey } from './support/keys'
import { testSecrets } from './support/secrets'

const MARCH = new Date('2026-03-20T02:00:00Z')
type Evaluation = ResultOf<'evaluation.get'>

let api: Harness
beforeEach(async () => {
  api = await createHarness(MARCH)
})
afterEach(() => api.close())

async function residentsRate(workerCode: string, levels: Level[], raterPrefix: string): Promise<void> {
  for (const [i, level] of levels.entries()) {
    const reply = await api.call({ action: 'rating.submit', payload: withKey({ workerCode, level }) }, `${raterPrefix}-${i}`)
    expect(reply.ok).toBe(true)
  }
}

async function recipientsFeedback(workerCode: string, month: string, levels: Level[]): Promise<void> {
  for (const [i, level] of levels.entries()) {
    await api.store.submitFeedback({
      serviceId: `svc-${workerCode}-${month}-${i}`,
      openid: `o-recipient-${i}`,
      workerCode,
      subdistrictId: FUSHAN,
      month,
      level,
      comment: '',
      commentStatus: 'none',
      submittedAt: api.now.toISOString(),
    })
  }
}

async function score(workerCode: string, period: string, value: number): Promise<void> {
  const reply = await api.call({ action: 'score.submit', payload: withKey({ workerCode, period, score: value }) }, OPENID.fushanStaff)
  expect(reply.ok).toBe(true)
}

async function evaluation(period: string): Promise<Record<string, EvaluationRow>> {
  const result = dataOf<Evaluation>(await api.call({ action: 'evaluation.get', payload: { period } }, OPENID.fushanStaff))
  expect(result.period).toBe(period)
  return Object.fromEntries(result.rows.map((row) => [row.workerCode, { ...row, flags: [...row.flags].sort() }]))
}

/** The DESIGN worked example: sub-district with workers X and Y, month 2026-03. */
async function storeWorkedExample(): Promise<void> {
  await residentsRate(X, [5, 4, 4, 5, 3, 5], 'o-rater-x') // points 520, n 6
  await residentsRate(Y, [2, 4], 'o-rater-y') // points 100, n 2
  await recipientsFeedback(X, '2026-03', [5, 5, 4]) // points 280, n 3
  await score(X, '2026-03', 88)
  await score(Y, '2026-03', 75)
}

it('reproduces the DESIGN worked example: X 87.4, Y 71.9, nobody 优秀', async () => {
  await storeWorkedExample()
  const rows = await evaluation('2026-03')
  // C_R = 620 / 8 = 77.5; R_X = (520 + 5 x 77.5) / 11 = 82.5; R_Y = (100 + 387.5) / 7 = 69.64...
  // S_X = (280 + 5 x 93.33) / 8 = 93.33; total X = 0.4 x 82.5 + 0.3 x 93.33 + 0.3 x 88 = 87.4
  expect(rows[X]).toEqual({
    workerCode: X,
    name: '张敏',
    community: '银泉社区',
    residents: { n: 6, score: 82.5 },
    recipients: { n: 3, score: 93.3 },
    subdistrict: { score: 88 },
    total: 87.4,
    grade: '称职',
    flags: [],
  })
  // total Y = (0.4 x 69.64 + 0.3 x 75) / 0.7 = 71.94
  expect(rows[Y]).toEqual({
    workerCode: Y,
    name: '李强',
    community: '青龙社区',
    residents: { n: 2, score: 69.6 },
    recipients: null,
    subdistrict: { score: 75 },
    total: 71.9,
    grade: '称职',
    flags: ['FEW_RESIDENTS', 'NO_RECIPIENTS'],
  })
})

it('sums the months of a half-year and prefers a half-year score over the mean of monthly ones', async () => {
  await storeWorkedExample()
  api.now = new Date('2026-02-10T02:00:00Z')
  await residentsRate(Y, [5], 'o-rater-feb') // Y over H1: 2, 4, 5 -> points 200, n 3
  await score(X, '2026-02', 80) // X: no H1 score, monthly 80 and 88 -> D 84
  await score(Y, '2026-H1', 60) // Y: H1 score 60 wins over its monthly 75
  api.now = MARCH
  const rows = await evaluation('2026-H1')
  // C_R = 720 / 9 = 80; R_X = (520 + 400) / 11 = 83.64; R_Y = (200 + 400) / 8 = 75
  // X = 0.4 x 83.636 + 0.3 x 93.333 + 0.3 x 84 = 86.65; Y = (0.4 x 75 + 0.3 x 60) / 0.7 = 68.57
  expect(rows[X]).toMatchObject({ residents: { n: 6, score: 83.6 }, subdistrict: { score: 84 }, total: 86.7, grade: '称职' })
  expect(rows[Y]).toMatchObject({ residents: { n: 3, score: 75 }, subdistrict: { score: 60 }, total: 68.6, grade: '基本称职' })
})

it('shows every worker of the sub-district as 未评定 before anything is entered', async () => {
  const rows = await evaluation('2026-03')
  expect(Object.values(rows).map((row) => [row.workerCode, row.total, row.grade])).toEqual(
    expect.arrayContaining([
      [X, null, '未评定'],
      [Y, null, '未评定'],
    ]),
  )
})

it('takes D of a half-year or year from the monthly scores — 80 (Jan) and 90 (Feb) give 85 — unless that period is scored itself', async () => {
  api.now = new Date('2026-02-10T02:00:00Z')
  await score(X, '2026-01', 80)
  await score(X, '2026-02', 90)
  expect((await evaluation('2026-H1'))[X].subdistrict).toEqual({ score: 85 })
  expect((await evaluation('2026'))[X].subdistrict).toEqual({ score: 85 })
  expect((await evaluation('2026-02'))[X].subdistrict).toEqual({ score: 90 })
  // January re-entered as 70: (70 + 90) / 2 = 80 for the half-year and the year
  await score(X, '2026-01', 70)
  expect((await evaluation('2026-H1'))[X].subdistrict).toEqual({ score: 80 })
  expect((await evaluation('2026'))[X].subdistrict).toEqual({ score: 80 })
  // a score entered for 2026-H1 itself decides H1, and the year, whose only scored half is H1, follows it
  await score(X, '2026-H1', 60)
  expect((await evaluation('2026-H1'))[X].subdistrict).toEqual({ score: 60 })
  expect((await evaluation('2026'))[X].subdistrict).toEqual({ score: 60 })
  // and one entered for the year decides the year
  await score(X, '2026', 75)
  expect((await evaluation('2026'))[X].subdistrict).toEqual({ score: 75 })
  // Y has no score at all
  expect((await evaluation('2026'))[Y]).toMatchObject({ subdistrict: null, flags: expect.arrayContaining(['NO_SUBDISTRICT_SCORE']) })
})

it('takes D of a year as the mean of its halves: H1 its own 80.5, H2 the mean of its months 70.5 and 90.1', async () => {
  api.now = new Date('2026-09-10T02:00:00Z')
  await score(X, '2026-01', 50) // H1 has a month score too, but its own score wins
  await score(X, '2026-H1', 80.5)
  await score(X, '2026-07', 70.5)
  await score(X, '2026-08', 90.1)
  // D(H1) = 80.5; D(H2) = (70.5 + 90.1) / 2 = 160.6 / 2 = 80.3; D(2026) = (80.5 + 80.3) / 2 = 80.4
  expect((await evaluation('2026-H1'))[X].subdistrict).toEqual({ score: 80.5 })
  expect((await evaluation('2026-H2'))[X].subdistrict).toEqual({ score: 80.3 })
  expect((await evaluation('2026'))[X]).toMatchObject({ subdistrict: { score: 80.4 }, total: 80.4 })
  // Y: only H1 months, 88 and 75.3 → D(H1) = 163.3 / 2 = 81.65, shown 81.7; no H2, so D(2026) = D(H1)
  await score(Y, '2026-02', 88)
  await score(Y, '2026-03', 75.3)
  expect((await evaluation('2026'))[Y]).toMatchObject({ subdistrict: { score: 81.7 }, total: 81.7 })
})

it('counts a year the same way: the ratings of every month, each rater once a month', async () => {
  api.now = new Date('2026-01-10T02:00:00Z')
  await residentsRate(X, [5, 4], 'o-rater') // January: o-rater-0 5, o-rater-1 4
  api.now = new Date('2026-08-10T02:00:00Z')
  await residentsRate(X, [3], 'o-rater') // August: o-rater-0 again, a new month so a new rating
  const year = await evaluation('2026')
  // 5, 4, 3 → n 3, points 240 = C; R = (240 + 5 x 80) / 8 = 80
  expect(year[X].residents).toEqual({ n: 3, score: 80 })
  expect((await evaluation('2026-H2'))[X].residents).toEqual({ n: 1, score: 60 })
})

it('reads tallies and scores of the period only: the same few store calls for a month and a year', async () => {
  const calls: Array<[string, unknown[]]> = []
  const counting = new Proxy<Store>(api.store, {
    get(target, name, receiver) {
      const member: unknown = Reflect.get(target, name, receiver)
      if (typeof member !== 'function') return member
      return (...args: unknown[]) => {
        calls.push([String(name), args])
        return (member as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  await storeWorkedExample()
  const { dispatch } = await import('@backend/door')
  const { apiHandlers } = await import('@backend/handlers')
  const env = { openid: OPENID.fushanStaff, store: counting, now: MARCH, moderation: api.moderation, codeImages: api.codeImages, secrets: testSecrets }
  for (const period of ['2026-03', '2026']) {
    calls.length = 0
    expect((await dispatch({ action: 'evaluation.get', payload: { period } }, env, apiHandlers)).ok).toBe(true)
    expect(calls.map(([name]) => name).sort()).toEqual(
      ['getPrincipal', 'getSettings', 'listCommunities', 'listSubdistrictScores', 'listTallies', 'listWorkers'].sort(),
    )
    // the period key, and for a year its halves (D of a year falls back to them), never the twelve months
    const keys = period === '2026' ? ['2026', '2026-H1', '2026-H2'] : [period]
    // the recipients' groups of the period itself: the halves are read for their scores alone
    expect(calls.find(([name]) => name === 'listTallies')?.[1]).toEqual([FUSHAN, keys, [period]])
    expect(calls.find(([name]) => name === 'listSubdistrictScores')?.[1]).toEqual([FUSHAN, keys])
  }
})
