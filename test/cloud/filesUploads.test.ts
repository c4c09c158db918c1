// Cloud uploads on the BUILT functions `files` and `api` (real wx-server-sdk, emulator, cloud storage):
// org.uploadPath answers a path in the caller's own folder (a keyed hash of their openid) and records it;
// org.import reads a file ID only on such a path of its caller's; 20 paths a caller and China day; the
// hourly timer of api deletes the uploads and written files older than 24 hours, and their records.
import { uploaderFolderId } from '@backend/store/ids'
import { demoOrg } from '@backend/demo/seed'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFileStorage, type CloudFunctionInstance, createSdkDatabase, loadCloudFunction, storageOf, timerEvent } from '../cloudbase/realSdk'
import { setUpCloud } from '../support/cloudEnv'
import { FILES_BUNDLE } from '../support/filesFunction'
import { generatedRoster, rosterXlsx } from '../support/rosterFile'
import { TEST_SECRETS } from '../support/secrets'

const BUREAU = 'dev-bureau'
/** A second bureau member (BUREAU_OPENIDS): may import rosters, but only their own uploads. */
const OTHER = 'o-bureau-two'
const FILE_ID_PREFIX = 'cloud://emulator-env.656d-emulator-env/'
const HOUR = 60 * 60 * 1000

let emulator: CloudbaseEmulator
let storage: CloudFileStorage
let files: CloudFunctionInstance
beforeEach(async () => {
  ;({ emulator } = await setUpCloud(demoOrg()))
  storage = storageOf(emulator)
  files = loadCloudFunction(emulator, { instanceId: 'files-1', bundle: FILES_BUNDLE, env: { BUREAU_OPENIDS: OTHER } })
})
afterEach(() => emulator.dispose())

type Reply = { ok: true; data: unknown } | { ok: false; code: string; message: string }
const call = async (action: string, payload: unknown, openid: string | null) =>
  (await files.invoke({ action, payload }, openid === null ? {} : { openid })) as Reply
const pathFor = async (openid: string) => {
  const reply = await call('org.uploadPath', {}, openid)
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return (reply.data as { cloudPath: string }).cloudPath
}
const uploadAs = async (openid: string, bytes: Buffer) => storage.put(await pathFor(openid), bytes)
/** Every document of every collection, to compare before and after. */
const snapshot = () => Object.fromEntries(emulator.listCollections().sort().map((name) => [name, emulator.documents(name)]))
const folderOf = (openid: string) => uploaderFolderId(openid, TEST_SECRETS.idKey)

it('answers each bureau member a fresh path in their own folder and records it; refuses residents and anonymous callers', async () => {
  const [first, second, other] = [await pathFor(BUREAU), await pathFor(BUREAU), await pathFor(OTHER)]
  expect(first).toMatch(new RegExp(`^rosters/${folderOf(BUREAU)}/\\d{8}-[0-9a-f]{16}\\.xlsx$`))
  expect(second).toMatch(new RegExp(`^rosters/${folderOf(BUREAU)}/`))
  expect(second).not.toBe(first)
  expect(other).toMatch(new RegExp(`^rosters/${folderOf(OTHER)}/`))
  expect(folderOf(OTHER)).not.toBe(folderOf(BUREAU))
  expect(emulator.documents('uploads').map((doc) => [doc.uploader, doc.path])).toEqual(
    expect.arrayContaining([[folderOf(BUREAU), first], [folderOf(BUREAU), second], [folderOf(OTHER), other]]),
  )
  const before = snapshot()
  expect(await call('org.uploadPath', {}, 'o-resident')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await call('org.uploadPath', {}, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(snapshot()).toEqual(before)
})

it("refuses another bureau member's upload with 403, reading and importing nothing", async () => {
  const roster = generatedRoster(3)
  const fileId = await uploadAs(BUREAU, await rosterXlsx(roster))
  const before = snapshot()
  expect(await call('org.import', { fileId }, OTHER)).toEqual({ ok: false, code: 'FORBIDDEN', message: '只能导入自己上传的文件，请重新选择文件上传' })
  expect(await call('org.import', { fileId, dryRun: true }, OTHER)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(snapshot()).toEqual(before)
  // Its uploader imports it.
  expect(await call('org.import', { fileId }, BUREAU)).toMatchObject({ ok: true, data: { created: 3, errors: [] } })
  expect(emulator.documents('workers').some((worker) => worker._id === roster[0]?.workerCode)).toBe(true)
})

it('reads no path it did not answer: outside the folders 403, one made up in the caller’s own folder NOT_FOUND', async () => {
  const bytes = await rosterXlsx(generatedRoster(3))
  const madeUp = storage.put(`rosters/${folderOf(BUREAU)}/20260101-0123456789abcdef.xlsx`, bytes)
  const loose = storage.put('rosters/roster.xlsx', bytes)
  const before = snapshot()
  expect(await call('org.import', { fileId: loose }, BUREAU)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await call('org.import', { fileId: madeUp }, BUREAU)).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringContaining('上传的文件保留 24 小时') })
  expect(snapshot()).toEqual(before)
})

it('answers 20 paths a caller and day; the 21st is 429 and records nothing; another caller still gets one', async () => {
  for (let i = 0; i < 20; i += 1) await pathFor(BUREAU)
  const before = snapshot()
  expect(await call('org.uploadPath', {}, BUREAU)).toEqual({
    ok: false,
    code: 'RATE_LIMITED',
    message: '今天已上传 20 个文件（每人每天最多 20 个），请明天再上传，或先导入已上传的文件',
  })
  expect(snapshot()).toEqual(before)
  expect(emulator.documents('uploads').filter((doc) => doc.uploader === folderOf(BUREAU))).toHaveLength(20)
  expect(await pathFor(OTHER)).toMatch(/^rosters\//)
})

it('deletes, on the hourly timer, the uploads and written files older than 24 hours and their records; younger ones stay', async () => {
  const db = createSdkDatabase(emulator, 'seeder')
  const now = Date.now()
  const age = async (path: string, hours: number) => {
    const doc = emulator.documents('uploads').find((d) => d.path === path)
    await db.collection('uploads').doc(String(doc?._id)).update({ data: { issuedAt: new Date(now - hours * HOUR).toISOString() } })
  }
  const bytes = await rosterXlsx(generatedRoster(3))
  const old = await uploadAs(BUREAU, bytes)
  const young = await uploadAs(BUREAU, bytes)
  // A path answered but never uploaded to: its record goes all the same.
  const unused = await pathFor(OTHER)
  const written = await call('org.template', {}, BUREAU)
  expect(written).toMatchObject({ ok: true })
  const { fileId } = (written as { data: { fileId: string } }).data
  const template = emulator.documents('uploads').find((d) => typeof d.fileId === 'string')
  expect(storage.fileOf(fileId)).toBeDefined()
  await age(old.slice(FILE_ID_PREFIX.length), 25)
  await age(unused, 24.5)
  await age(String(template?.path), 30)
  await age(young.slice(FILE_ID_PREFIX.length), 23)

  const api = loadCloudFunction(emulator, { instanceId: 'api-1' })
  expect(await api.invoke(timerEvent('hourly', new Date(now)), {})).toMatchObject({ ok: true, data: { filesDeleted: 3 } })
  expect(storage.files.has(old.slice(FILE_ID_PREFIX.length))).toBe(false)
  expect(storage.fileOf(fileId)).toBeUndefined()
  expect(storage.files.has(young.slice(FILE_ID_PREFIX.length))).toBe(true)
  expect(emulator.documents('uploads').map((d) => d.path)).toEqual([young.slice(FILE_ID_PREFIX.length)])
  // The old upload can no longer be imported; the young one still can.
  expect(await call('org.import', { fileId: old, dryRun: true }, BUREAU)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await call('org.import', { fileId: young, dryRun: true }, BUREAU)).toMatchObject({ ok: true })
  expect(await api.invoke(timerEvent('hourly', new Date(now)), {})).toMatchObject({ ok: true, data: { filesDeleted: 0 } })
})

it('deletes 120 expired files in one run, 50 at a time (cloud.deleteFile takes at most 50)', async () => {
  const db = createSdkDatabase(emulator, 'seeder')
  const issuedAt = new Date(Date.now() - 48 * HOUR).toISOString()
  const folder = folderOf(BUREAU)
  const paths = Array.from({ length: 120 }, (_, i) => `rosters/${folder}/20260101-${i.toString(16).padStart(16, '0')}.xlsx`)
  for (const path of paths) storage.put(path, Buffer.from('x'))
  await db.collection('uploads').add({ data: paths.map((path, i) => ({ _id: `20260101-${i.toString(16).padStart(16, '0')}`, uploader: folder, path, issuedAt })) })
  const api = loadCloudFunction(emulator, { instanceId: 'api-1' })
  expect(await api.invoke(timerEvent('hourly', new Date()), {})).toMatchObject({ ok: true, data: { filesDeleted: 120 } })
  expect(paths.filter((path) => storage.files.has(path))).toEqual([])
  expect(emulator.documents('uploads')).toEqual([])
})
