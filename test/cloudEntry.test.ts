// The BUILT cloud function (cloudfunctions/api/index.js, what is uploaded to CloudBase), loaded as one
// simulated function instance with the REAL wx-server-sdk over the CloudBase emulator (test/cloudbase):
// the context openid comes from getWXContext, msgSecCheck from a stub on that instance's SDK, and the
// database is the emulator, its collections (collections.json, held to the type by test/collectionsFile.test.ts) created beforehand and the small org seeded through CloudStore.
// It runs the same handlers as the local runtime, and dev.identities does not exist there.
// The function runs in Node's own module system, so it logs to the real console, not jest's.
import realConsole from 'node:console'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { COLLECTION_NAMES } from '@backend/store/cloudbase/collections'
import { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import { monthOf, periodsOfMonth } from '@core/index'
import type { ResultOf } from '@core/contract'
import type { Envelope } from '@core/errors'
import { CloudbaseEmulator } from './cloudbase/emulator'
import { type CloudFunctionInstance, createSdkDatabase, loadCloudFunction, restoreEnvironment } from './cloudbase/realSdk'
import { FUSHAN, OPENID, X, Y, smallOrg } from './support/smallOrg'
import { withKey } from './support/keys'
import { storeTestSecrets } from './support/cloudEnv'
import { TEST_SECRETS } from './support/secrets'

const BUILT = path.resolve(__dirname, '../cloudfunctions/api/index.js')

interface Cloud {
  emulator: CloudbaseEmulator
  api: CloudFunctionInstance
  /** A CloudStore of its own (another instance) over the same database, to read what the function wrote. */
  reader: CloudStore
  /** What msgSecCheck was asked. */
  checks: unknown[]
  /** What msgSecCheck answers next; 'throw' makes it fail. */
  suggest: string
}

let cloud: Cloud

/** A fresh cold start of the built function over a database seeded with the small org. */
async function coldStart(): Promise<Cloud> {
  const emulator = new CloudbaseEmulator({ collections: COLLECTION_NAMES })
  await storeTestSecrets(emulator)
  const reader = new CloudStore(createSdkDatabase(emulator, 'seeder'))
  await reader.putOrg(smallOrg())
  const started: Cloud = { emulator, reader, checks: [], suggest: 'pass', api: undefined as unknown as CloudFunctionInstance }
  started.api = loadCloudFunction(emulator, {
    instanceId: 'api-1',
    openapi: {
      security: {
        msgSecCheck(request) {
          started.checks.push(request)
          if (started.suggest === 'throw') throw new Error('errCode: -604101 system has no right to call this API')
          return { errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: started.suggest, label: 100 } }
        },
      },
    },
  })
  emulator.resetRequests()
  return started
}

/** exports.main as a mini-program user (or, with null, a call with no WeChat user) invokes it. */
async function call(event: unknown, openid: string | null = OPENID.resident): Promise<Envelope<unknown>> {
  return (await cloud.api.invoke(event, openid === null ? {} : { openid })) as Envelope<unknown>
}

const month = () => monthOf(new Date())
const sortedTallies = async () =>
  (await cloud.reader.listTallies(FUSHAN, periodsOfMonth(month()))).sort((a, b) => (a.period < b.period ? -1 : 1))

beforeEach(async () => {
  cloud = await coldStart()
})

afterEach(() => {
  expect(cloud.emulator.unsupported).toEqual([])
  cloud.emulator.dispose()
  restoreEnvironment()
})

it('keeps wx-server-sdk out of the bundle and initialises it for the current environment', () => {
  expect(readFileSync(BUILT, 'utf8')).toContain('require("wx-server-sdk")')
  expect(cloud.api.initCalls).toEqual([{ env: cloud.api.dynamicCurrentEnv }])
})

it('stores a rating and its tally through exports.main, as the context openid', async () => {
  const reply = await call({ action: 'rating.submit', payload: withKey({ workerCode: X, level: 4, comment: '很耐心' }) })
  const ratingId = residentRatingId(OPENID.resident, X, month())
  // The id answered is keyed with the deployment's idKey, never the document's plain hash.
  expect(reply).toEqual({ ok: true, data: { ratingId: ratingRefId({ kind: 'resident', id: ratingId }, TEST_SECRETS.idKey), period: month(), replaced: false } })
  expect(await cloud.reader.getResidentRating(ratingId)).toMatchObject({
    openid: OPENID.resident,
    workerCode: X,
    level: 4,
    comment: '很耐心',
    commentStatus: 'pass',
  })
  // the month's, half-year's and year's tallies each count the one level-4 rating
  expect(await sortedTallies()).toEqual(
    [...periodsOfMonth(month())].sort().map((period) =>
      expect.objectContaining({ workerCode: X, period, residents: [0, 0, 0, 1, 0], recipients: [0, 0, 0, 0, 0] }),
    ),
  )
  expect(cloud.checks).toEqual([{ version: 2, scene: 2, openid: OPENID.resident, content: '很耐心' }])
})

it('costs at most 8 database requests for a first rating', async () => {
  // As admin.setup and the timer trigger leave it: the worker's tally of the year exists (else +1 to create it).
  await cloud.reader.prepareYear(month().slice(0, 4))
  cloud.emulator.resetRequests()
  await call({ action: 'rating.submit', payload: withKey({ workerCode: X, level: 4 }) })
  // A cold instance reads the deployment's keys once for its life (cloudSecrets.ts): not part of a rating's cost.
  const keysRead = cloud.emulator.requests.filter((r) => r.instance === 'api-1' && r.collection === 'secrets').length
  expect(keysRead).toBe(1)
  expect(cloud.emulator.requestCount({ instance: 'api-1' }) - keysRead).toBeLessThanOrEqual(8)
})

it('does not have dev.identities', async () => {
  expect(await call({ action: 'dev.identities', payload: {} })).toEqual({
    ok: false,
    code: 'INVALID_INPUT',
    message: '不支持的操作：dev.identities',
  })
})

it('takes identity only from the runtime: no context openid means 401, whatever the event says', async () => {
  const event = { action: 'rating.submit', payload: withKey({ workerCode: X, level: 5 }), openid: OPENID.resident, userInfo: { openId: OPENID.resident } }
  expect(await call(event, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(await cloud.reader.listTallies(FUSHAN, periodsOfMonth(month()))).toEqual([])
})

it('refuses a worker rating themself, by the role bound to the context openid', async () => {
  expect(await call({ action: 'rating.submit', payload: withKey({ workerCode: X, level: 5 }) }, OPENID.workerX)).toMatchObject({
    ok: false,
    code: 'SELF_RATING',
  })
})

it('rejects a comment msgSecCheck calls risky and holds one when the check fails', async () => {
  cloud.suggest = 'risky'
  expect(await call({ action: 'rating.submit', payload: withKey({ workerCode: X, level: 1, comment: '……' }) })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  })
  expect(await cloud.reader.listTallies(FUSHAN, periodsOfMonth(month()))).toEqual([])

  cloud.suggest = 'throw'
  const warn = jest.spyOn(realConsole, 'warn').mockImplementation(() => undefined)
  const reply = await call({ action: 'rating.submit', payload: withKey({ workerCode: X, level: 2, comment: '等了很久' }) })
  warn.mockRestore()
  expect(reply.ok).toBe(true)
  const rating = await cloud.reader.getResidentRating(residentRatingId(OPENID.resident, X, month()))
  expect(rating?.commentStatus).toBe('review')
})

it("refuses a staff text msgSecCheck does not pass, asked with the writer's openid and the text's scene, and writes nothing", async () => {
  cloud.suggest = 'review'
  const writes = () => cloud.emulator.requests.filter((r) => !/get|query|count/i.test(r.api)).length
  const before = writes()
  expect(await call({ action: 'grid.save', payload: { gridId: 'g-yq-1', name: '银泉新网格', households: 420 } }, OPENID.communityAdmin)).toEqual({
    ok: false,
    code: 'INVALID_INPUT',
    message: '网格名称含有不宜发布的内容，请修改后再提交',
    field: 'name',
  })
  // A name is checked as 资料 (scene 1); the checker failing refuses it too (fail closed), rather than show it unchecked.
  cloud.suggest = 'throw'
  const warn = jest.spyOn(realConsole, 'warn').mockImplementation(() => undefined)
  expect(await call({ action: 'grid.save', payload: { gridId: 'g-yq-1', name: '银泉新网格', households: 420 } }, OPENID.communityAdmin)).toMatchObject({ ok: false, field: 'name' })
  warn.mockRestore()
  expect(writes()).toBe(before)
  expect(cloud.checks).toEqual([
    { version: 2, scene: 1, openid: OPENID.communityAdmin, content: '银泉新网格' },
    { version: 2, scene: 1, openid: OPENID.communityAdmin, content: '银泉新网格' },
  ])
})

it('serves the public card and the staff evaluation like the local runtime', async () => {
  expect(await call({ action: 'worker.card', payload: { workerCode: X } }, null)).toMatchObject({
    ok: true,
    data: { workerCode: X, community: '银泉社区', households: 420 },
  })
  expect((await call({ action: 'rating.submit', payload: withKey({ workerCode: X, level: 4 }) })).ok).toBe(true)
  const evaluation = await call({ action: 'evaluation.get', payload: { period: month() } }, OPENID.fushanStaff)
  expect(evaluation).toMatchObject({ ok: true, data: { period: month() } })
  const { rows } = (evaluation as { data: ResultOf<'evaluation.get'> }).data
  // FUSHAN has the workers X and Y (Z works in WENQUAN).
  expect(rows.map((row) => ({ ...row, flags: [...row.flags].sort() })).sort((a, b) => (a.workerCode < b.workerCode ? -1 : 1))).toEqual([
    // X: one rating of level 4 (80 points), so the pooled mean C is 80 and R = (80 + 5 x 80) / (1 + 5) = 80;
    // the residents alone make the total 80: 称职 (>= 70; 优秀 needs 90 and no flag).
    {
      workerCode: X,
      name: '张敏',
      community: '银泉社区',
      residents: { n: 1, score: 80 },
      recipients: null,
      subdistrict: null,
      total: 80,
      grade: '称职',
      flags: ['FEW_RESIDENTS', 'NO_RECIPIENTS', 'NO_SUBDISTRICT_SCORE'],
    },
    // Y: nothing entered, no party present, total null: 未评定.
    {
      workerCode: Y,
      name: '李强',
      community: '青龙社区',
      residents: null,
      recipients: null,
      subdistrict: null,
      total: null,
      grade: '未评定',
      flags: ['NO_RECIPIENTS', 'NO_RESIDENTS', 'NO_SUBDISTRICT_SCORE'],
    },
  ])
})
