// The small organisation (smallOrg.ts) on a real SqliteStore in memory, called as both hosts call
// (demoCaller.ts's callerOn), with a scripted moderation and a clock the test moves.
import type { CodeImages, Moderation, ModerationVerdict } from '@backend/context'
import type { Envelope } from '@core/errors'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { SecretKeeper } from '@backend/secrets/secrets'
import { TEST_CODE_IMAGES, callerOn } from './demoCaller'
import { testSecrets } from './secrets'
import { smallOrg } from './smallOrg'

/** Comments containing a key get its verdict; 'throw' makes the checker fail. */
export type ScriptedVerdicts = Record<string, ModerationVerdict | 'throw'>

export function scriptedModeration(verdicts: ScriptedVerdicts): Moderation & { checked: string[] } {
  const checked: string[] = []
  return {
    checked,
    async check(text) {
      checked.push(text)
      const hit = Object.keys(verdicts).find((key) => text.includes(key))
      const verdict = hit === undefined ? 'pass' : verdicts[hit]
      if (verdict === 'throw') throw new Error('msgSecCheck unavailable')
      return verdict ?? 'pass'
    },
  }
}

export { TEST_CODE_IMAGES }

export interface Harness {
  store: SqliteStore
  moderation: Moderation & { checked: string[] }
  /** The local runtime's QR codes, of a runtime at 127.0.0.1:10086. */
  codeImages: CodeImages
  /** The clock every call sees; tests move it. */
  now: Date
  /** The keys every call sees (random per test process, test/support/secrets.ts). */
  secrets: SecretKeeper
  call(request: unknown, openid: string | null): Promise<Envelope<unknown>>
  close(): void
}

export async function createHarness(now: Date): Promise<Harness> {
  const store = new SqliteStore(':memory:')
  await store.putOrg(smallOrg())
  // A set-up environment (admin.setup saves the settings last): session.me offers nobody 初始化.
  await store.saveSettings(DEFAULT_SETTINGS)
  const moderation = scriptedModeration({ 含风险: 'risky', 待复核: 'review', 检测失败: 'throw' })
  const caller = callerOn(store, { now, moderation })
  const harness: Harness = {
    store,
    moderation,
    codeImages: TEST_CODE_IMAGES,
    now,
    secrets: testSecrets,
    call: (request, openid) => caller.send(request, openid, harness.now),
    close: () => store.close(),
  }
  return harness
}

/** The data of a successful envelope, failing the test with the envelope otherwise. */
export function dataOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.code}: ${envelope.message}`)
  return envelope.data as T
}
