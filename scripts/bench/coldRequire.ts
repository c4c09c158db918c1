// Cold require time of a built cloud function (default cloudfunctions/api/index.js; the first argument
// names another, e.g. cloudfunctions/files/index.js) in a fresh process, with wx-server-sdk stubbed:
// what a cold CloudBase instance pays for our code before the first call. Prints milliseconds.
import Module from 'node:module'
import { resolve } from 'node:path'

type Load = (request: string, parent: unknown, isMain: boolean) => unknown
const loader = Module as unknown as { _load: Load }
const originalLoad = loader._load
const stubDatabase = { command: {}, collection: () => ({}) }
const wxServerSdkStub = {
  DYNAMIC_CURRENT_ENV: 'stub-env',
  init: () => undefined,
  database: () => stubDatabase,
  getWXContext: () => ({ OPENID: '' }),
  openapi: { security: { msgSecCheck: async () => ({ result: { suggest: 'pass' } }) } },
}
loader._load = (request, parent, isMain) =>
  request === 'wx-server-sdk' ? wxServerSdkStub : originalLoad(request, parent, isMain)

const bundle = resolve(process.cwd(), process.argv[2] ?? 'cloudfunctions/api/index.js')
const started = process.hrtime.bigint()
Module.createRequire(bundle)(bundle)
const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6
console.log(elapsedMs.toFixed(2))
