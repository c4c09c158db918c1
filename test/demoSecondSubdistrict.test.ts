// The demo's second sub-district, so scope can be seen and tested: 温泉办事处 with 淦河社区,
// 3 grids, 6 workers in the four posts, its own staff and community admin, modest activity in the same
// six months — generated after 浮山's from PRNGs of its own, so 浮山's data is exactly what it was.
import { createHash } from 'node:crypto'
import { DEMO_SECOND_SUBDISTRICT_ID, DEMO_SUBDISTRICT_ID, demoActivity, demoOrg, seedDemo } from '@backend/demo/seed'
import { demoFieldSessions } from '@backend/demo/seedFieldTime'
import { listDevIdentities } from '@backend/session/devIdentities'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { TEST_SECRETS } from './support/secrets'

// 2026-07-10 China time: the six months before are exactly 2026-H1.
const NOW = new Date('2026-07-10T02:00:00.000Z')
const H1 = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']

describe('the demo’s second sub-district', () => {
  let store: SqliteStore
  beforeAll(async () => {
    store = new SqliteStore(':memory:')
    await seedDemo(store, NOW, TEST_SECRETS)
  })
  afterAll(() => store.close())

  it('is 温泉办事处 with 淦河社区: 3 grids, 6 workers — 1 正职, 1 副职, 1 委员, 3 专职 — two to a grid', () => {
    const org = demoOrg()
    expect(org.subdistricts).toEqual([
      { id: 'fushan', name: '浮山办事处' },
      { id: 'wenquan', name: '温泉办事处' },
    ])
    expect(org.communities.filter((c) => c.subdistrictId === DEMO_SECOND_SUBDISTRICT_ID)).toEqual([{ id: 'ganhe', name: '淦河社区', subdistrictId: 'wenquan' }])
    const grids = org.grids.filter((g) => g.communityId === 'ganhe')
    expect(grids.map((g) => g.name)).toEqual(['淦河苑网格', '温泉花园网格', '金桂路网格'])
    const workers = org.workers.filter((w) => w.subdistrictId === DEMO_SECOND_SUBDISTRICT_ID)
    expect(workers.map((w) => `${w.code} ${w.postId} ${w.gridId}`)).toEqual([
      'GH01 zhengzhi ganhe-g1',
      'GH02 fuzhi ganhe-g2',
      'GH03 weiyuan ganhe-g3',
      'GH04 zhuanzhi ganhe-g1',
      'GH05 zhuanzhi ganhe-g2',
      'GH06 zhuanzhi ganhe-g3',
    ])
    // 浮山 keeps its 30: 银泉 18 + 青龙 12
    expect(org.workers.filter((w) => w.subdistrictId === DEMO_SUBDISTRICT_ID)).toHaveLength(30)
  })

  it('has its own staff and community admin, listed in the identity switcher after 浮山’s', async () => {
    expect(await store.getPrincipal('dev-subdistrict-wenquan')).toMatchObject({ role: 'subdistrict', subdistrictId: 'wenquan', name: '温泉办事处 李科长' })
    expect(await store.getPrincipal('dev-community-ganhe')).toMatchObject({ role: 'community', communityId: 'ganhe', subdistrictId: 'wenquan', name: '淦河社区 管理员' })
    const identities = await listDevIdentities(store)
    const staff = identities.filter((i) => i.role === 'subdistrict' || i.role === 'community').map((i) => `${i.role} ${i.name}`)
    expect(staff).toEqual([
      'subdistrict 浮山办事处 王科长',
      'subdistrict 温泉办事处 李科长',
      // the store lists by openid: dev-community-qinglong before dev-community-yinquan
      'community 青龙社区 管理员',
      'community 银泉社区 管理员',
      'community 淦河社区 管理员',
    ])
    // 3 residents + 2 sub-district staff + 1 bureau + 3 community admins + 36 workers
    expect(identities).toHaveLength(45)
    // 浮山's 30 workers first, then 温泉's 6
    expect(identities.filter((i) => i.role === 'worker').map((i) => i.workerCode).slice(29)).toEqual(['YQ18', 'GH01', 'GH02', 'GH03', 'GH04', 'GH05', 'GH06'])
    expect(identities.find((i) => i.openid === 'dev-worker-GH04')).toEqual({
      openid: 'dev-worker-GH04', role: 'worker', name: '潘晓东', workerCode: 'GH04', communityId: 'ganhe', subdistrictId: 'wenquan',
    })
  })

  it('has modest activity in the same six months: every worker rated each month, 6 x 6 = 36 scores entered by its own staff', async () => {
    for (const month of H1) {
      const tallies = await store.listTallies(DEMO_SECOND_SUBDISTRICT_ID, [month])
      expect(tallies.map((t) => t.workerCode).sort()).toEqual(['GH01', 'GH02', 'GH03', 'GH04', 'GH05', 'GH06'])
      // 5 to 9 resident ratings a month (a re-rate replaces, never adds)
      for (const t of tallies) expect(t.residents.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5)
      for (const t of tallies) expect(t.residents.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9)
      expect(tallies.every((t) => t.monthlyScoreCount === 1)).toBe(true)
    }
    const scores = [...(demoActivity(NOW, TEST_SECRETS.idKey).scores ?? [])].filter((s) => s.subdistrictId === DEMO_SECOND_SUBDISTRICT_ID)
    expect(scores).toHaveLength(36)
    expect(scores.every((s) => s.enteredBy === 'dev-subdistrict-wenquan' && s.score >= 75 && s.score <= 88)).toBe(true)
    expect(await store.listTallies(DEMO_SECOND_SUBDISTRICT_ID, ['2026-07'])).toEqual([])
  })

  it('leaves 浮山’s activity exactly as it was before 温泉 was added (the hall aside)', () => {
    const activity = demoActivity(NOW, TEST_SECRETS.idKey)
    const fushan = <T extends { subdistrictId: string }>(records: Iterable<T> | undefined) => [...(records ?? [])].filter((r) => r.subdistrictId === DEMO_SUBDISTRICT_ID)
    // The hall came later (backend/demo/seedHall.ts): the feedback given at its window (ids 'H…', no visit)
    // is left out, and the field sessions are compared as they are drawn before 银泉's hall days move their
    // minutes (which keeps each month's minutes: checked below).
    const orgNow = demoOrg()
    const fushanWorkers = orgNow.workers.filter((w) => w.subdistrictId === DEMO_SUBDISTRICT_ID)
    const drawn = demoFieldSessions(fushanWorkers, orgNow.grids, NOW, TEST_SECRETS.idKey, 5555)
    const feedback = fushan(activity.feedback).filter((f) => !f.serviceId.startsWith('H'))
    const minutesByMonth = (sessions: Array<{ workerCode: string; startedAt: string; endedAt: string }>) => {
      const total = new Map<string, number>()
      for (const s of sessions) {
        const key = `${s.workerCode}|${s.startedAt.slice(0, 7)}`
        total.set(key, (total.get(key) ?? 0) + (Date.parse(s.endedAt) - Date.parse(s.startedAt)) / 60_000)
      }
      return total
    }
    expect(minutesByMonth(fushan(activity.fieldSessions))).toEqual(minutesByMonth(drawn))
    // Counted on the seed before 温泉 existed: scores are 28 workers x 6 months + 2 newcomers x 2 = 172.
    expect(fushan(activity.scores)).toHaveLength(172)
    expect(fushan(activity.ratings)).toHaveLength(2285)
    expect(feedback).toHaveLength(1582)
    expect(fushan(activity.visits)).toHaveLength(2269)
    expect(drawn).toHaveLength(15660)
    const scores = fushan(activity.scores)
    expect(scores[0]).toMatchObject({ workerCode: 'YQ01', period: '2026-01', enteredBy: 'dev-subdistrict-fushan' })
    // Every field of every record but the codes: the SHA-256 of the five lists as the seed made them before
    // 温泉 was added. Visit codes are crypto-random and session ids keyed (trust rule 5), so they are left out.
    const codeless = <T extends object>(records: T[]) => records.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !['serviceId', 'visitCode', 'sessionId'].includes(k))))
    const lists = [fushan(activity.ratings), codeless(feedback), scores, codeless(fushan(activity.visits)), codeless(drawn)]
    expect(createHash('sha256').update(JSON.stringify(lists)).digest('hex')).toBe('bec50d6610bd82ce34778e8dd694f8ff1c4d7748cdfa4c551ae553bdb25d6021')
  })
})
