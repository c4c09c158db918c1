// The BUILT function `files` (cloudfunctions/files/index.js, exceljs inside) on the real wx-server-sdk
// over the CloudBase emulator, with the demo organisation (36 workers): the bureau's roster uploaded to
// cloud storage as the mini-program's wx.cloud.uploadFile leaves it, at the path org.uploadPath answered
// (test/cloud/filesUploads.test.ts: whose uploads, the quota, the cleanup), read with cloud.downloadFile; the
// template written with cloud.uploadFile and answered as its file ID (the mini-program's wx.cloud.downloadFile
// reads it: no downloadFile domain to list).
import { Workbook } from 'exceljs'
import { demoOrg } from '@backend/demo/seed'
import type { RosterImportResult } from '@core/rosterSchemas'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFileStorage, type CloudFunctionInstance, loadCloudFunction, storageOf } from '../cloudbase/realSdk'
import { FILES_BUNDLE } from '../support/filesFunction'
import { setUpCloud } from '../support/cloudEnv'
import { excelRowOf, generatedRoster, rosterXlsx } from '../support/rosterFile'

const BUREAU = 'dev-bureau'

let emulator: CloudbaseEmulator
let storage: CloudFileStorage
let files: CloudFunctionInstance
beforeEach(async () => {
  ;({ emulator } = await setUpCloud(demoOrg()))
  storage = storageOf(emulator)
  files = loadCloudFunction(emulator, { instanceId: 'files-1', bundle: FILES_BUNDLE })
})
afterEach(() => emulator.dispose())

type Reply = { ok: true; data: unknown } | { ok: false; code: string; message: string }
const call = async (action: string, payload: unknown, openid: string | null = BUREAU) =>
  (await files.invoke({ action, payload }, openid === null ? {} : { openid })) as Reply
const dataOf = <T>(reply: Reply): T => {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data as T
}
/** The bureau's upload, to the path the function answered them (as files.weapp.ts does). */
const upload = async (bytes: Buffer) => storage.put(dataOf<{ cloudPath: string }>(await call('org.uploadPath', {})).cloudPath, bytes)
/** Every document of every collection, to compare before and after. */
const snapshot = () => Object.fromEntries(emulator.listCollections().sort().map((name) => [name, emulator.documents(name)]))

it('imports a roster of 1000 workers in one call; the same file again changes no document', async () => {
  const fileId = await upload(await rosterXlsx(generatedRoster(1000)))
  const first = dataOf<RosterImportResult>(await call('org.import', { fileId }))
  expect(first).toMatchObject({ created: 1000, updated: 0, errors: [], units: { subdistricts: 4, communities: 20, grids: 200 } })
  expect(first.missing).toHaveLength(36)
  expect(emulator.documents('workers')).toHaveLength(1036)
  expect(emulator.documents('grids').filter((g) => String(g.name).endsWith('号网格'))).toHaveLength(200)
  const before = snapshot()
  expect(dataOf<RosterImportResult>(await call('org.import', { fileId }))).toMatchObject({ created: 0, updated: 0, errors: [] })
  expect(snapshot()).toEqual(before)
})

it('names row 537, column 户数, of a roster whose households there are “abc”, and writes nothing', async () => {
  const spoiled = generatedRoster(1000).map((row, i) => (excelRowOf(i) === 537 ? { ...row, households: 'abc' } : row))
  const fileId = await upload(await rosterXlsx(spoiled))
  const before = snapshot()
  const result = dataOf<RosterImportResult>(await call('org.import', { fileId }))
  expect(result.errors).toEqual([{ row: 537, column: '户数', message: expect.stringContaining('“abc”') }])
  expect(snapshot()).toEqual(before)
})

it('asks msgSecCheck about the new names of 1000 workers in a few calls, and names the row of one it calls risky', async () => {
  const asked: Array<{ scene: number; openid: string; content: string }> = []
  const checked = loadCloudFunction(emulator, {
    instanceId: 'files-2',
    bundle: FILES_BUNDLE,
    openapi: {
      security: {
        msgSecCheck(request) {
          const { scene, openid, content } = request as { scene: number; openid: string; content: string }
          asked.push({ scene, openid, content })
          return { errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: content.includes('违规') ? 'risky' : 'pass', label: 100 } }
        },
      },
    },
  })
  const spoiled = generatedRoster(1000).map((row, i) => (excelRowOf(i) === 537 ? { ...row, name: '违规姓名' } : row))
  const fileId = await upload(await rosterXlsx(spoiled))
  const before = snapshot()
  const reply = (await checked.invoke({ action: 'org.import', payload: { fileId } }, { openid: BUREAU })) as Reply
  expect(dataOf<RosterImportResult>(reply).errors).toEqual([{ row: 537, column: '姓名', message: '姓名含有不宜发布的内容，请修改后再导入' }])
  expect(snapshot()).toEqual(before)
  // 1034 distinct names (1000 workers of 5-8 characters; 4 sub-districts, 20 communities, and 10 grid names
  // that repeat in every community), about 8100 characters with the line breaks: 4 calls of at most 2500.
  // The one that did not pass holds about 340 names, halved 9 times at 2 calls each: 4 + 18 = 22, not 1034.
  expect(asked.every((a) => a.scene === 1 && a.openid === BUREAU && a.content.length <= 2500)).toBe(true)
  expect(asked.length).toBeLessThanOrEqual(22)
  expect(asked.filter((a) => a.content === '违规姓名')).toHaveLength(1)
})

it('answers the template as the file ID of an .xlsx in exports/ whose first row is exactly the seven headers', async () => {
  const reply = dataOf<{ fileId: string }>(await call('org.template', {}))
  expect(reply).toEqual({ fileId: expect.stringMatching(/^cloud:\/\/emulator-env\.656d-emulator-env\/exports\/\d{4}-\d{2}-\d{2}\/[0-9a-f]{24}\.xlsx$/) })
  const workbook = new Workbook()
  await workbook.xlsx.load(storage.fileOf(reply.fileId) as unknown as ArrayBuffer)
  expect(workbook.worksheets[0]?.getRow(1).values).toEqual([undefined, '街道', '社区', '网格', '户数', '工号', '姓名', '岗位'])
})

it('refuses a resident (403) and an anonymous caller (401), writing nothing; a path given but never uploaded to is NOT_FOUND', async () => {
  const fileId = await upload(await rosterXlsx(generatedRoster(3)))
  const { cloudPath } = dataOf<{ cloudPath: string }>(await call('org.uploadPath', {}))
  const before = snapshot()
  expect(await call('org.import', { fileId }, 'o-resident')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await call('org.import', { fileId }, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(await call('org.import', { fileId: `cloud://emulator-env.656d-emulator-env/${cloudPath}` })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(snapshot()).toEqual(before)
})

it('is the only function serving the spreadsheet actions: api answers them 不支持的操作', async () => {
  const api = loadCloudFunction(emulator, { instanceId: 'api-1' })
  expect(await api.invoke({ action: 'org.template', payload: {} }, { openid: BUREAU })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '不支持的操作：org.template' })
})
