// Calls the application as both hosts do — through dispatch, with identity from "the runtime" and each
// action in the table of the function that serves it (src/core/functions.ts) — over a SqliteStore in
// memory. demoCaller seeds it with the demo organisation and activity; callerOn calls over any store.
import type { CodeImages, FileStorage, Moderation } from '@backend/context'
import { seedDemo } from '@backend/demo/seed'
import { dispatch } from '@backend/door'
import { filesHandlers } from '@backend/fileHandlers'
import { apiHandlers } from '@backend/handlers'
import { fixedSecrets, type Secrets } from '@backend/secrets/secrets'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { isActionName, type ActionName } from '@core/contract'
import type { Envelope } from '@core/errors'
import { functionOf } from '@core/functions'
import { DEFAULT_SETTINGS } from '@core/settings'
import { localCodeImages } from '../../server/localCodeImages'
import { keywordModeration } from '../../server/moderation'
import { memoryFiles } from './rosterFile'
import { seededStore } from './seededStores'
import { TEST_SECRETS } from './secrets'

/** The local runtime's codes, as a runtime listening at 127.0.0.1:10086 makes them. */
export const TEST_CODE_IMAGES: CodeImages = localCodeImages(() => 'http://127.0.0.1:10086')

export interface CallerOptions {
  /** The clock every call sees unless it names its own; the demo's "today" too. */
  now: Date
  /** The deployment's keys the calls see (and the demo is seeded with): this test process's by default. */
  keys?: Secrets
  /** keywordModeration, as the local runtime checks comments, unless a test scripts its verdicts. */
  moderation?: Moderation
  /** The local runtime's QR codes of a runtime at 127.0.0.1:10086, unless a test draws its own. */
  codeImages?: CodeImages
  /** The first administrators (BUREAU_OPENIDS). */
  bureauOpenids?: ReadonlySet<string>
  /** Files every call shares (an upload read by a later import); otherwise each call gets empty ones. */
  files?: FileStorage
}

export interface TestCaller {
  store: SqliteStore
  /** The clock calls see when they name none; a test may move it. */
  now: Date
  /** One call as `openid` (null: anonymous). */
  call(action: ActionName, payload: unknown, openid: string | null, now?: Date): Promise<Envelope<unknown>>
  /** Any request at all, as a client could send it: one naming no known action goes to `api`. */
  send(request: unknown, openid: string | null, now?: Date): Promise<Envelope<unknown>>
  close(): void
}

export function callerOn(store: SqliteStore, options: CallerOptions): TestCaller {
  const secrets = fixedSecrets(options.keys ?? TEST_SECRETS)
  const moderation = options.moderation ?? keywordModeration
  const codeImages = options.codeImages ?? TEST_CODE_IMAGES
  const send = (request: unknown, openid: string | null, now = caller.now) => {
    const action = typeof request === 'object' && request !== null ? (request as { action?: unknown }).action : undefined
    return dispatch(
      request,
      { openid, store, now, moderation, codeImages, secrets, files: options.files ?? memoryFiles(), bureauOpenids: options.bureauOpenids },
      isActionName(action) && functionOf(action) === 'files' ? filesHandlers : apiHandlers,
    )
  }
  const caller: TestCaller = {
    store,
    now: options.now,
    call: (action, payload, openid, now) => send({ action, payload }, openid, now),
    send,
    close: () => store.close(),
  }
  return caller
}

/**
 * A store with the demo seeded at `now`, set up as admin.setup leaves it (the default settings saved
 * last, so session.me offers nobody 初始化) unless `settings: false` keeps the bare seed.
 */
export async function demoCaller(options: CallerOptions & { settings?: boolean }): Promise<TestCaller> {
  const keys = options.keys ?? TEST_SECRETS
  const store = await seededStore(`demo|${options.now.toISOString()}|${JSON.stringify(keys)}|${options.settings !== false}`, async (fresh) => {
    await seedDemo(fresh, options.now, keys)
    if (options.settings !== false) await fresh.saveSettings(DEFAULT_SETTINGS)
  })
  return callerOn(store, options)
}
