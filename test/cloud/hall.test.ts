// The service hall in the cloud: the BUILT function on the real wx-server-sdk over the emulator. The
// community's admin generates a rota (a month of the community's `hall_rotas` document of the year) and prints the
// hall's code (wxacode.getUnlimited for pages/hall/index, scene hall-<community>); a resident reads the
// card and gives feedback at the window within the feedback's budget of the README's bench table: 6
// database requests, the role lookup included (test/cloud/feedbackCost.test.ts is the visit's).
// The clock is Thursday 2026-10-08 10:00 China time: the function's realm (where the built bundle runs,
// outside jest's sandbox) gets a Date shifted to it, running on from there; timers stay real.
import { runInThisContext } from 'node:vm'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { loadCloudFunction, storageOf } from '../cloudbase/realSdk'
import { CLOUD_LATENCY, setUpCloud } from '../support/cloudEnv'
import { requestsOf, YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'

const NOW = new Date('2026-10-08T02:00:00.000Z')
const ADMIN = 'o-admin-c1'
const COMMUNITY = `${YEAR_SUBDISTRICT}-c1`
const HALL = `hall-${COMMUNITY}`
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex')

/** Shifts the clock of the realm the function runs in to `at`, from now on; answers how to put it back. */
function shiftFunctionClock(at: Date): () => void {
  const realm = runInThisContext('globalThis') as typeof globalThis
  const RealDate = realm.Date
  const offset = at.getTime() - RealDate.now()
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset)
      else super(...(args as [string]))
    }

    static now(): number {
      return RealDate.now() + offset
    }
  }
  realm.Date = ShiftedDate as DateConstructor
  return () => {
    realm.Date = RealDate
  }
}

let emulator: CloudbaseEmulator
let restoreClock: () => void
beforeEach(async () => {
  restoreClock = shiftFunctionClock(NOW)
  // Six workers of one community, its admin.
  const org = yearOrg(6)
  org.principals.push({ openid: ADMIN, role: 'community', name: '社区1 管理员', subdistrictId: YEAR_SUBDISTRICT, communityId: COMMUNITY })
  ;({ emulator } = await setUpCloud(org))
})
afterEach(() => {
  emulator.dispose()
  restoreClock()
})

const api = (instanceId = 'api-1') =>
  loadCloudFunction(emulator, {
    instanceId,
    openapi: { wxacode: { getUnlimited: () => ({ errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok', contentType: 'image/png', buffer: PNG }) } },
  })

/** October 2026 without holidays configured (the default settings): Thursday 10-08 is its 6th weekday. */
async function generateOctober(): Promise<unknown> {
  const payload = { period: '2026-10', staffing: 2, groups: [['Y0001', 'Y0002'], ['Y0003', 'Y0004'], ['Y0005', 'Y0006']], pairs: [], idempotencyKey: 'cloud-hall-gen-1' }
  return api().invoke({ action: 'hall.rota.generate', payload }, { openid: ADMIN })
}

it('keeps the generated rota as a month of the community’s year document and gives the hall’s code for pages/hall/index', async () => {
  expect(await generateOctober()).toMatchObject({ ok: true, data: { communityId: COMMUNITY, rota: { version: 1, staffing: 2 } } })
  type YearDoc = { communityId: string; year: string; months: Record<string, { month: string; days: Array<{ date: string; workerCodes: string[] }> }> }
  const [doc] = emulator.documents('hall_rotas') as unknown as YearDoc[]
  expect(emulator.documents('hall_rotas')).toHaveLength(1)
  expect([doc.communityId, doc.year, Object.keys(doc.months), doc.months.m10.month, doc.months.m10.days.length]).toEqual([COMMUNITY, '2026', ['m10'], '2026-10', 31])
  // Weekdays from Th 10-01, two a day in the cycle Y0001 … Y0006: 01 Y1 Y2, 02 Y3 Y4, 05 Y5 Y6, 06 Y1 Y2, 07 Y3 Y4, 08 Y5 Y6.
  expect(doc.months.m10.days.find((d) => d.date === '2026-10-08')?.workerCodes).toEqual(['Y0005', 'Y0006'])
  expect(emulator.documents('audit')).toEqual([expect.objectContaining({ action: 'hall.rota.generate', target: `community:${COMMUNITY}` })])

  const code = await api().invoke({ action: 'hall.qrcode', payload: {} }, { openid: ADMIN })
  expect(code).toMatchObject({ ok: true, data: { hallCode: HALL, communityName: '社区1' } })
  expect(storageOf(emulator).files.size).toBe(1)
  expect(emulator.documents('code_images')).toEqual([expect.objectContaining({ page: 'pages/hall/index', scene: HALL })])
})

it('shows the card in two database requests: who is calling, and the month’s rota', async () => {
  await generateOctober()
  emulator.resetRequests()
  const { reply, requests } = await requestsOf(emulator, { action: 'hall.card', payload: { hallCode: HALL } }, 'o-passer-by')
  expect(reply).toMatchObject({ ok: true, data: { open: true, onDuty: [{ workerCode: 'Y0005' }, { workerCode: 'Y0006' }] } })
  expect(requests).toEqual(['database.getDocument principals', 'database.getDocument hall_rotas'])
})

it('takes a feedback at the window with a comment and an idempotency key in 6 database requests', async () => {
  await generateOctober()
  emulator.setLatency(CLOUD_LATENCY)
  emulator.resetRequests()
  const payload = { hallCode: HALL, workerCode: 'Y0005', level: 5, comment: '帮我一次办好了', idempotencyKey: 'hall-feedback-0001' }
  const { total, requests, reply } = await requestsOf(emulator, { action: 'hall.feedback', payload }, 'o-resident-hall')
  expect(reply).toMatchObject({ ok: true, data: { period: '2026-10' } })
  expect(requests).toEqual([
    'database.getDocument principals', // who is calling, and their rate-limit counter
    'database.getDocument hall_rotas', // the month's rota: today's on-duty workers, the sub-district (no worker or community read)
    'database.insertDocument principals', // the rater's first submit opens their rate-limit counter
    'database.insertDocument feedback', // the feedback, _id = the keyed hall service id, with its receipt (a second the same day is refused here)
    'database.insertDocument recipient_months', // the person's levels on the worker this month: one person counts once
    'database.modifyDocument tallies', // one _.inc on the worker's tally of the year
  ])
  expect(total).toBeLessThanOrEqual(6)
  const feedback = emulator.documents('feedback') as unknown as Array<{ workerCode: string; month: string; level: number }>
  expect(feedback).toEqual([expect.objectContaining({ workerCode: 'Y0005', month: '2026-10', level: 5 })])
})

it('generates a later month into the year’s document and edits a month with one read and one write of hall_rotas', async () => {
  await generateOctober()
  const hallRequests = (requests: string[]) => requests.filter((r) => r.endsWith(' hall_rotas'))
  // November: this month's and October's rotas read, one conditional update puts November into 2026's document.
  const november = { period: '2026-11', staffing: 2, groups: [['Y0001', 'Y0002'], ['Y0003', 'Y0004'], ['Y0005', 'Y0006']], pairs: [], idempotencyKey: 'cloud-hall-gen-2' }
  const generated = await requestsOf(emulator, { action: 'hall.rota.generate', payload: november }, ADMIN)
  expect(generated.reply).toMatchObject({ ok: true, data: { rota: { version: 1 } } })
  expect(hallRequests(generated.requests)).toEqual(['database.getDocument hall_rotas', 'database.getDocument hall_rotas', 'database.modifyDocument hall_rotas'])
  // October's swap of Y0005 on the 8th with Y0001 on the 9th (Friday: 01 Y1 Y2 … 08 Y5 Y6, 09 Y1 Y2): its version 1 → 2, November untouched.
  const change = { kind: 'swap', first: { date: '2026-10-08', workerCode: 'Y0005' }, second: { date: '2026-10-09', workerCode: 'Y0001' } }
  const saved = await requestsOf(emulator, { action: 'hall.rota.save', payload: { period: '2026-10', version: 1, change, idempotencyKey: 'cloud-hall-save-1' } }, ADMIN)
  expect(saved.reply).toMatchObject({ ok: true, data: { rota: { version: 2 } } })
  expect(hallRequests(saved.requests)).toEqual(['database.getDocument hall_rotas', 'database.modifyDocument hall_rotas'])
  type YearDoc = { months: Record<string, { version: number; days: Array<{ date: string; workerCodes: string[] }> }> }
  const [doc] = emulator.documents('hall_rotas') as unknown as YearDoc[]
  expect(emulator.documents('hall_rotas')).toHaveLength(1)
  expect([doc.months.m10.version, doc.months.m11.version]).toEqual([2, 1])
  expect(doc.months.m10.days.find((d) => d.date === '2026-10-08')?.workerCodes).toEqual(['Y0001', 'Y0006'])
  // Y0005 out of post: marked on October's and November's rotas (December has none), one read and one write each.
  const update = await requestsOf(emulator, { action: 'worker.update', payload: { workerCode: 'Y0005', postId: 'zhuanzhi', gridId: `${COMMUNITY}-g1`, active: false } }, ADMIN)
  expect(update.reply).toMatchObject({ ok: true })
  expect(hallRequests(update.requests)).toEqual([
    'database.getDocument hall_rotas',
    'database.modifyDocument hall_rotas',
    'database.getDocument hall_rotas',
    'database.modifyDocument hall_rotas',
    'database.getDocument hall_rotas',
  ])
  const [after] = emulator.documents('hall_rotas') as unknown as Array<YearDoc & { months: Record<string, { outOfPost?: string[] }> }>
  expect([after.months.m10.outOfPost, after.months.m11.outOfPost]).toEqual([['Y0005'], ['Y0005']])
})
