// Attacks on files: no file and no request stops the server for others. A 6 KB
// workbook declaring A2:XFD1048576, imported in both runtimes; a resident's card opened while it is
// being refused; a bureau member importing another caller's upload (locally and in the cloud); a caller
// uploading past the quota.
// The time bounds are correctness bounds with a wide margin, not benchmarks: the refusal reads one tag
// (milliseconds) where building the declared range took minutes and gigabytes — a stalled or dead
// server misses them by orders of magnitude, a busy CI machine does not.
import { readFileSync } from 'node:fs'
import { demoOrg } from '@backend/demo/seed'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction, storageOf } from '../cloudbase/realSdk'
import { setUpCloud } from '../support/cloudEnv'
import { FILES_BUNDLE } from '../support/filesFunction'
import { type Reply, request, useLocalRuntime } from '../support/localRuntime'
import { generatedRoster, rosterXlsx } from '../support/rosterFile'
import { sparseWorkbook } from '../support/sparseWorkbook'

const BUREAU = 'dev-bureau'
/** A second bureau member (BUREAU_OPENIDS), who may import rosters, but only their own uploads. */
const OTHER_BUREAU = 'o-attack-bureau-two'
const REFUSAL = '花名册最多 10000 行、7 列（A 到 G 列），这个文件的表格范围是 A2:XFD1048576，请删除多余的行列后再导入'
/** Far above a refusal's few milliseconds; far below the minutes the old reader stalled for. */
const ONE_SECOND = 1000
const MB = 1024 * 1024

/** The reply, or a failure naming what did not answer within `ms` (a stalled server must not hang jest). */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([promise, late])
  } finally {
    clearTimeout(timer)
  }
}

async function timed<T>(promise: Promise<T>): Promise<{ reply: T; ms: number }> {
  const started = performance.now()
  const reply = await promise
  return { reply, ms: performance.now() - started }
}

/** The peak resident memory of a process (Linux: VmHWM), in MB. */
function peakMemoryMb(pid: number): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(line?.[1] ?? NaN) / 1024
}

export function filesAttacks(): void {
  describe('files: no file and no request stops the server for others', () => {
    describe('on the local runtime over HTTP', () => {
      const runtime = useLocalRuntime({ BUREAU_OPENIDS: OTHER_BUREAU })

      const upload = (body: Buffer, openid: string) =>
        request(runtime.url, { method: 'POST', path: '/cloud/upload', headers: { 'Content-Type': 'application/octet-stream', 'X-Openid': openid }, body })
      const uploaded = async (body: Buffer, openid: string) => {
        const reply = await upload(body, openid)
        expect(reply.status).toBe(200)
        return (reply.json as { data: { fileId: string } }).data.fileId
      }
      const importAs = (fileId: string, openid: string) =>
        request(runtime.url, { method: 'POST', path: '/cloud/files', headers: { 'Content-Type': 'application/json', 'X-Openid': openid }, body: JSON.stringify({ action: 'org.import', payload: { fileId } }) })

      it('refuses the sparse workbook with 400 and why, in under a second, its memory far from blown', async () => {
        const bytes = await sparseWorkbook()
        expect(bytes.length).toBeLessThan(10 * 1024)
        const fileId = await uploaded(bytes, BUREAU)
        const { reply, ms } = await timed(within(10_000, 'org.import of the sparse workbook', importAs(fileId, BUREAU)))
        expect(reply).toMatchObject({ status: 400, json: { ok: false, code: 'INVALID_INPUT', message: REFUSAL } })
        expect(ms).toBeLessThan(ONE_SECOND)
        // The runtime with the demo peaks near 150 MB; building 1,048,575 rows of 16,384 cells needs gigabytes.
        expect(peakMemoryMb(runtime.pid)).toBeLessThan(600)
        expect((await request(runtime.url, { path: '/healthz' })).status).toBe(200)
      })

      it('answers a resident opening a card in under a second, every time, while the sparse workbook is being refused', async () => {
        const fileId = await uploaded(await sparseWorkbook(), BUREAU)
        const card = () => timed(within(10_000, 'worker.card', runtime.call('worker.card', { workerCode: 'YQ01' })))
        // The import and five cards leave together; five more follow one after another.
        const importing = importAs(fileId, BUREAU)
        const together = await Promise.all(Array.from({ length: 5 }, card))
        const after: Array<{ reply: Reply; ms: number }> = []
        for (let i = 0; i < 5; i += 1) after.push(await card())
        expect((await within(10_000, 'org.import', importing)).status).toBe(400)
        for (const { reply, ms } of [...together, ...after]) {
          expect(reply.status).toBe(200)
          expect(ms).toBeLessThan(ONE_SECOND)
        }
      })

      it('refuses a bureau member importing another caller’s upload (403), and imports nothing', async () => {
        const roster = generatedRoster(3)
        const fileId = await uploaded(await rosterXlsx(roster), BUREAU)
        expect(await importAs(fileId, OTHER_BUREAU)).toMatchObject({ status: 403, json: { ok: false, code: 'FORBIDDEN', message: '只能导入自己上传的文件，请重新选择文件上传' } })
        expect(await runtime.call('worker.card', { workerCode: roster[0]?.workerCode })).toMatchObject({ status: 404 })
      })

      it('refuses an upload past 20 MB in 24 hours (429), and keeps the quota per caller', async () => {
        const caller = 'o-attack-uploader'
        // Four uploads of 5 MB (the largest one upload may be) fill 20 MB exactly; one more byte is refused.
        for (let i = 0; i < 4; i += 1) await uploaded(Buffer.alloc(5 * MB, i + 1), caller)
        const refused = await upload(Buffer.from('x'), caller)
        expect(refused).toMatchObject({ status: 429, json: { ok: false, code: 'RATE_LIMITED', message: expect.stringContaining('24 小时内上传的文件已满 20 MB') } })
        expect(refused.headers['retry-after']).toBe('86400')
        expect((await upload(Buffer.from('x'), 'o-attack-someone-else')).status).toBe(200)
      })
    })

    describe('on the built function files (real SDK, emulator)', () => {
      let emulator: CloudbaseEmulator
      let files: CloudFunctionInstance
      beforeEach(async () => {
        ;({ emulator } = await setUpCloud(demoOrg()))
        files = loadCloudFunction(emulator, { instanceId: 'files-attack', bundle: FILES_BUNDLE, env: { BUREAU_OPENIDS: OTHER_BUREAU } })
      })
      afterEach(() => emulator.dispose())

      /**
       * A caller's upload where the mini-program puts it: the path org.uploadPath answers them (before that
       * action, the client named its own `rosters/<time>-<random>.xlsx`, which is what the attack then met).
       */
      const uploadedBy = async (openid: string, bytes: Buffer) => {
        const reply = (await files.invoke({ action: 'org.uploadPath', payload: {} }, { openid })) as { ok: boolean; data?: { cloudPath: string } }
        const path = reply.ok && reply.data !== undefined ? reply.data.cloudPath : `rosters/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.xlsx`
        return storageOf(emulator).put(path, bytes)
      }

      it('refuses a bureau member importing another caller’s upload (403), reading and importing nothing', async () => {
        const roster = generatedRoster(3)
        const fileId = await uploadedBy(BUREAU, await rosterXlsx(roster))
        const before = emulator.documents('workers').length
        const reply = await files.invoke({ action: 'org.import', payload: { fileId } }, { openid: OTHER_BUREAU })
        expect(reply).toEqual({ ok: false, code: 'FORBIDDEN', message: '只能导入自己上传的文件，请重新选择文件上传' })
        expect(emulator.documents('workers')).toHaveLength(before)
        expect(emulator.documents('workers').some((worker) => worker._id === roster[0]?.workerCode)).toBe(false)
      })

      it('refuses the sparse workbook with INVALID_INPUT and why, in under a second, the heap far from blown', async () => {
        const fileId = await uploadedBy(BUREAU, await sparseWorkbook())
        const heapBefore = process.memoryUsage().heapUsed
        const { reply, ms } = await timed(files.invoke({ action: 'org.import', payload: { fileId } }, { openid: BUREAU }))
        expect(reply).toEqual({ ok: false, code: 'INVALID_INPUT', message: REFUSAL })
        expect(ms).toBeLessThan(ONE_SECOND)
        expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * MB)
      })
    })
  })
}
