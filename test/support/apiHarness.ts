// Calls the api the way both runtimes do — through dispatch, with identity from "the runtime" —
// over a real SqliteStore in memory, with a scripted moderation and a settable clock.
import { dispatch } from '../../cloudfunctions/api/src/dispatch'
import type { CodeImages, HandlerTable, Moderation, ModerationVerdict } from '../../cloudfunctions/api/src/context'
import { apiHandlers } from '../../cloudfunctions/api/src/handlers'
import type { Envelope } from '../../src/core/errors'
import { localCodeImages } from '../../server/localCodeImages'
import { SqliteStore } from '../../server/sqliteStore'
import { DEFAULT_SETTINGS } from '../../src/core/settings'
import type { SecretKeeper } from '../../cloudfunctions/api/src/domain/secrets'
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

/** The local runtime's codes, as a runtime listening at 127.0.0.1:10086 makes them. */
export const TEST_CODE_IMAGES: CodeImages = localCodeImages(() => 'http://127.0.0.1:10086')

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

export async function createHarness(now: Date, handlers: HandlerTable = apiHandlers): Promise<Harness> {
  const store = new SqliteStore(':memory:')
  await store.putOrg(smallOrg())
  // A set-up environment (admin.setup saves the settings last): session.me offers nobody 初始化.
  await store.saveSettings(DEFAULT_SETTINGS)
  const moderation = scriptedModeration({ 含风险: 'risky', 待复核: 'review', 检测失败: 'throw' })
  const harness: Harness = {
    store,
    moderation,
    codeImages: TEST_CODE_IMAGES,
    now,
    secrets: testSecrets,
    call: (request, openid) => dispatch(request, { openid, store, now: harness.now, moderation, codeImages: TEST_CODE_IMAGES, secrets: testSecrets }, handlers),
    close: () => store.close(),
  }
  return harness
}

/** The data of a successful envelope, failing the test with the envelope otherwise. */
export function dataOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.code}: ${envelope.message}`)
  return envelope.data as T
}
