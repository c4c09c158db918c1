// The BUILT cloud function (cloudfunctions/api/index.js, what is uploaded to CloudBase), loaded with
// wx-server-sdk stubbed: the context openid comes from getWXContext and the database is the recorded fake.
// It runs the same handlers as the local runtime, and dev.identities does not exist there.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { CloudStore, type CloudCollections } from '../cloudfunctions/api/src/cloudStore'
import { residentRatingId } from '../cloudfunctions/api/src/ids'
import type { MsgSecCheckRequest, MsgSecCheckResult, WxServerSdk } from '../cloudfunctions/api/src/wxServerSdk'
import { monthOf, periodsOfMonth } from '../src/core'
import type { Envelope } from '../src/core/errors'
import { FakeCloudDb } from './fakes/fakeCloudDb'
import { FUSHAN, OPENID, X, smallOrg } from './support/smallOrg'

const BUILT = path.resolve(__dirname, '../cloudfunctions/api/index.js')

interface CloudEntry {
  main(event: unknown): Promise<Envelope<unknown>>
}

interface Cloud {
  entry: CloudEntry
  sdk: WxServerSdk & { initOptions: unknown[]; checks: MsgSecCheckRequest[] }
  db: FakeCloudDb<CloudCollections>
  /** The openid getWXContext reports; undefined like an unauthenticated HTTP trigger. */
  openid: string | undefined
  /** What msgSecCheck answers next; 'throw' makes it fail. */
  suggest: string | 'throw'
}

/** A fresh cold start of the built function over a fake database seeded with the small org. */
async function coldStart(): Promise<Cloud> {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npm run build:cloud\` first (npm test does it).`)
  const db = new FakeCloudDb<CloudCollections>()
  await new CloudStore(db).putOrg(smallOrg())
  const cloud = { db, openid: OPENID.resident, suggest: 'pass' } as Cloud
  const initOptions: unknown[] = []
  const checks: MsgSecCheckRequest[] = []
  cloud.sdk = {
    initOptions,
    checks,
    DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
    init: (options) => void initOptions.push(options),
    database: () => db,
    getWXContext: () => (cloud.openid === undefined ? {} : { OPENID: cloud.openid, APPID: 'wx-test-app' }),
    openapi: {
      security: {
        async msgSecCheck(request): Promise<MsgSecCheckResult> {
          checks.push(request)
          if (cloud.suggest === 'throw') throw new Error('errCode: -604101 system has no right to call this API')
          return { errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: cloud.suggest, label: 100 } }
        },
      },
    },
  }
  jest.isolateModules(() => {
    jest.doMock('wx-server-sdk', () => cloud.sdk, { virtual: true })
    cloud.entry = require(BUILT) as CloudEntry
  })
  return cloud
}

const month = () => monthOf(new Date())
const reader = (cloud: Cloud) => new CloudStore(cloud.db)

it('keeps wx-server-sdk out of the bundle and initialises it for the current environment', async () => {
  expect(readFileSync(BUILT, 'utf8')).toContain('require("wx-server-sdk")')
  const cloud = await coldStart()
  expect(cloud.sdk.initOptions).toEqual([{ env: cloud.sdk.DYNAMIC_CURRENT_ENV }])
})

it('stores a rating and its tally through exports.main, as the context openid', async () => {
  const cloud = await coldStart()
  const reply = await cloud.entry.main({ action: 'rating.submit', payload: { workerCode: X, level: 4, comment: '很耐心' } })
  const ratingId = residentRatingId(OPENID.resident, X, month())
  expect(reply).toEqual({ ok: true, data: { ratingId, period: month(), replaced: false } })
  expect(await reader(cloud).getResidentRating(ratingId)).toMatchObject({
    openid: OPENID.resident,
    workerCode: X,
    level: 4,
    comment: '很耐心',
    commentStatus: 'pass',
  })
  const tallies = (await reader(cloud).listTallies(FUSHAN, periodsOfMonth(month()))).sort((a, b) => (a.period < b.period ? -1 : 1))
  // the month's, half-year's and year's tallies each count the one level-4 rating
  expect(tallies).toEqual(
    [...periodsOfMonth(month())].sort().map((period) =>
      expect.objectContaining({ workerCode: X, period, residents: [0, 0, 0, 1, 0], recipients: [0, 0, 0, 0, 0] }),
    ),
  )
  expect(cloud.db.count('runTransaction')).toBeGreaterThanOrEqual(1)
  expect(cloud.sdk.checks).toEqual([{ version: 2, scene: 2, openid: OPENID.resident, content: '很耐心' }])
})

it('does not have dev.identities', async () => {
  const cloud = await coldStart()
  expect(await cloud.entry.main({ action: 'dev.identities', payload: {} })).toEqual({
    ok: false,
    code: 'INVALID_INPUT',
    message: '不支持的操作：dev.identities',
  })
})

it('takes identity only from the runtime: no context openid means 401, whatever the event says', async () => {
  const cloud = await coldStart()
  cloud.openid = undefined
  const event = { action: 'rating.submit', payload: { workerCode: X, level: 5 }, openid: OPENID.resident, userInfo: { openId: OPENID.resident } }
  expect(await cloud.entry.main(event)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(await reader(cloud).listTallies(FUSHAN, periodsOfMonth(month()))).toEqual([])
})

it('refuses a worker rating themself, by the role bound to the context openid', async () => {
  const cloud = await coldStart()
  cloud.openid = OPENID.workerX
  expect(await cloud.entry.main({ action: 'rating.submit', payload: { workerCode: X, level: 5 } })).toMatchObject({
    ok: false,
    code: 'SELF_RATING',
  })
})

it('rejects a comment msgSecCheck calls risky and holds one when the check fails', async () => {
  const cloud = await coldStart()
  cloud.suggest = 'risky'
  expect(await cloud.entry.main({ action: 'rating.submit', payload: { workerCode: X, level: 1, comment: '……' } })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  })
  expect(await reader(cloud).listTallies(FUSHAN, periodsOfMonth(month()))).toEqual([])

  cloud.suggest = 'throw'
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  const reply = await cloud.entry.main({ action: 'rating.submit', payload: { workerCode: X, level: 2, comment: '等了很久' } })
  warn.mockRestore()
  expect(reply.ok).toBe(true)
  const rating = await reader(cloud).getResidentRating(residentRatingId(OPENID.resident, X, month()))
  expect(rating?.commentStatus).toBe('review')
})

it('serves the public card and the staff evaluation like the local runtime', async () => {
  const cloud = await coldStart()
  cloud.openid = undefined
  expect(await cloud.entry.main({ action: 'worker.card', payload: { workerCode: X } })).toMatchObject({
    ok: true,
    data: { workerCode: X, community: '银泉社区', households: 420 },
  })
  cloud.openid = OPENID.fushanStaff
  const evaluation = await cloud.entry.main({ action: 'evaluation.get', payload: { period: month() } })
  expect(evaluation).toMatchObject({ ok: true, data: { period: month(), rows: expect.any(Array) } })
})
