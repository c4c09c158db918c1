// The city view from two sub-districts, every number worked out by hand.
import { assembleCity, type CitySource } from './city'

const PERIOD = { kind: 'month', period: '2026-03', provisional: false, today: '2026-04-10', months: ['2026-01', '2026-02'] } as const

// 浮山: X 称职 87.4, Y 称职 71.9, W 未评定 with a third of the working time in the grid.
const FUSHAN: CitySource = {
  subdistrictId: 'fushan',
  subdistrictName: '浮山办事处',
  rows: [
    { grade: '称职', total: 87.4, gridTimeRatio: 0.5 },
    { grade: '称职', total: 71.9, gridTimeRatio: 0 },
    { grade: '未评定', total: null, gridTimeRatio: 1 / 3 },
  ],
  gridTimeTarget: 0.5,
  settingsVersion: 3,
  snapshotAt: '2026-04-01T18:00:00.000Z',
  waiting: { overdueCases: 2, pendingAppeals: 1, openReviews: 3 },
  trendTotals: [[80, 70.1], []],
}

// 温泉: Z 优秀 92.0, V 基本称职 65.3.
const WENQUAN: CitySource = {
  subdistrictId: 'wenquan',
  subdistrictName: '温泉办事处',
  rows: [
    { grade: '优秀', total: 92, gridTimeRatio: 0.75 },
    { grade: '基本称职', total: 65.3, gridTimeRatio: 0.6 },
  ],
  gridTimeTarget: 0.5,
  settingsVersion: 2,
  snapshotAt: '2026-04-02T18:00:00.000Z',
  waiting: { overdueCases: 0, pendingAppeals: 2, openReviews: 0 },
  trendTotals: [[90], [60, 61]],
}

it('gives each sub-district its summary, its share at 称职 or better and its average total, ranked', () => {
  const city = assembleCity(PERIOD, [WENQUAN, FUSHAN])
  expect(city.rows.map((row) => [row.subdistrictName, row.rank])).toEqual([['浮山办事处', 1], ['温泉办事处', 2]])
  expect(city.rows[0]).toMatchObject({
    workers: 3,
    grades: { 优秀: 0, 称职: 2, 基本称职: 0, 不称职: 0, 未评定: 1 },
    // 2 of 3 = 0.666… → 0.667
    competentShare: 0.667,
    // (87.4 + 71.9) / 2 = 79.65 → 79.7, half away from zero on the exact value
    avgTotal: 79.7,
    // (0.5 + 0 + 1/3) / 3 = 0.2777… → 0.278
    avgGridTimeRatio: 0.278,
    overdueCases: 2, pendingAppeals: 1, openReviews: 3,
  })
  // 温泉: 1 of 2 = 0.5; (92 + 65.3) / 2 = 78.65 → 78.7; (0.75 + 0.6) / 2 = 0.675
  expect(city.rows[1]).toMatchObject({ workers: 2, competentShare: 0.5, avgTotal: 78.7, avgGridTimeRatio: 0.675 })
})

it('adds the city up over every worker, not over the sub-districts\' averages', () => {
  const { city } = assembleCity(PERIOD, [FUSHAN, WENQUAN])
  expect(city).toMatchObject({
    subdistricts: 2,
    workers: 5,
    grades: { 优秀: 1, 称职: 2, 基本称职: 1, 不称职: 0, 未评定: 1 },
    // (1 + 2) of 5
    competentShare: 0.6,
    // (87.4 + 71.9 + 92 + 65.3) / 4 = 316.6 / 4 = 79.15 → 79.2
    avgTotal: 79.2,
    // (0.5 + 0 + 1/3 + 0.75 + 0.6) / 5 = 2.18333… / 5 = 0.43666… → 0.437 (the mean of 0.278 and 0.675 would be 0.477)
    avgGridTimeRatio: 0.437,
    overdueCases: 2, pendingAppeals: 3, openReviews: 3,
  })
})

it('gives the trend month by month: each sub-district\'s average total, and the city\'s over every graded worker', () => {
  const { trend } = assembleCity(PERIOD, [FUSHAN, WENQUAN])
  expect(trend.months).toEqual(['2026-01', '2026-02'])
  expect(trend.lines).toEqual([
    // (80 + 70.1) / 2 = 75.05 → 75.1; February: nobody graded
    { subdistrictId: 'fushan', subdistrictName: '浮山办事处', avgTotals: [75.1, null] },
    // (60 + 61) / 2 = 60.5
    { subdistrictId: 'wenquan', subdistrictName: '温泉办事处', avgTotals: [90, 60.5] },
  ])
  // January (80 + 70.1 + 90) / 3 = 80.0333… → 80; February 60.5
  expect(trend.city).toEqual([80, 60.5])
})

it('says which settings and snapshots the numbers come from', () => {
  const closed = assembleCity(PERIOD, [FUSHAN, WENQUAN])
  expect(closed).toMatchObject({ settingsVersions: [2, 3], gridTimeTarget: 0.5, snapshotAt: '2026-04-02T18:00:00.000Z' })
  // One sub-district computed live: no snapshot time for the whole; another target: none shared.
  const { snapshotAt: _taken, ...live } = WENQUAN
  const mixed = assembleCity(PERIOD, [FUSHAN, { ...live, gridTimeTarget: 2 / 3 }])
  expect(mixed.snapshotAt).toBeUndefined()
  expect(mixed.gridTimeTarget).toBeNull()
})

it('lists a sub-district without workers last, without a place, share or averages', () => {
  const empty: CitySource = { ...WENQUAN, subdistrictId: 'xinqu', subdistrictName: '新区办事处', rows: [], waiting: { overdueCases: 0, pendingAppeals: 0, openReviews: 0 }, trendTotals: [[], []] }
  const city = assembleCity(PERIOD, [empty, FUSHAN])
  expect(city.rows.at(-1)).toMatchObject({ subdistrictName: '新区办事处', rank: null, workers: 0, competentShare: null, avgTotal: null, avgGridTimeRatio: null })
})
