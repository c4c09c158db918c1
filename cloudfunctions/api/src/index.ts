// The cloud function `api` on WeChat CloudBase: one function, one typed action table, one role guard.
// Identity comes only from the runtime (getWXContext().OPENID), never from the event.
import { ApiError, NOT_READY_MESSAGE, type Envelope } from '@core/errors'
import { cloudCodeImages, codeVersionSettingOf } from './cloudCodeImages'
import { cloudNotifier } from './cloudNotifier'
import { cloudModeration } from './cloudModeration'
import { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { withLimitRetry } from '@backend/store/cloudbase/limitRetry'
import { cloudSecrets } from '@backend/secrets/cloudbase'
import { uploadSweeper } from '@backend/roster/uploadsCloudbase'
import { secretsFromEnv } from '@backend/secrets/secrets'
import { dispatch } from '@backend/door'
import { bureauOpenidsOf } from '@backend/access/firstAdmins'
import { apiHandlers } from '@backend/handlers'
import { isTimerEvent, runTimer } from './timer'
import { STORAGE_RULES_STEP } from '@backend/setup/storageRules'
import type { WxServerSdk } from '@backend/store/cloudbase/wxServerSdk'

// Kept a plain require so esbuild leaves it external and CloudBase resolves its own installed copy.
const cloud = require('wx-server-sdk') as WxServerSdk

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

// Created once per warm instance and shared by its invocations.
// Every request retries a refusal for the environment's connection limit (limitRetry.ts).
const database = withLimitRetry(cloud.database())
const store = new CloudStore(database)
// The version every code opens (WXACODE_ENV_VERSION: develop, trial or release), read once at start.
const codeImages = cloudCodeImages(cloud, database, codeVersionSettingOf(process.env.WXACODE_ENV_VERSION))
// The bad-review loop tells raters of a rectification; no template configured → nothing is sent. The
// keyword mapping is checked here, once per instance (cloudNotifier.ts).
const notifier = cloudNotifier(cloud, process.env.SUBSCRIBE_TEMPLATE_ID, process.env.SUBSCRIBE_KEYWORDS)
// The deployment's keys: the `secrets` collection admin.setup fills, read once per instance; the environment overrides.
const secrets = cloudSecrets(database, secretsFromEnv(process.env))
// No API a function may call sets cloud storage's rules: admin.setup hands them to the deployer.
const manualSetup = [STORAGE_RULES_STEP]
// The timer deletes the files of `files` (roster uploads, written reports) 24 hours on.
const uploads = uploadSweeper(database, cloud)

// Trust rule 6: WeChat's content check (msgSecCheck v2) of every text someone else reads.
const moderation = cloudModeration(cloud)

export async function main(event: unknown): Promise<Envelope<unknown>> {
  const wxContext = cloud.getWXContext()
  const openid = wxContext.OPENID
  const caller = openid !== undefined && openid !== '' ? openid : null
  const clientIp = typeof wxContext.CLIENTIP === 'string' && wxContext.CLIENTIP !== '' ? wxContext.CLIENTIP : undefined
  // Only CloudBase's timer invokes without a WeChat user; a client's call always carries its openid.
  if (caller === null && isTimerEvent(event)) return timer(new Date(), event.TriggerName)
  const bureauOpenids = bureauOpenidsOf(process.env.BUREAU_OPENIDS)
  return dispatch(event, { openid: caller, store, now: new Date(), moderation, codeImages, bureauOpenids, secrets, manualSetup, ...(clientIp === undefined ? {} : { clientIp }), ...(notifier === undefined ? {} : { notifier }) }, apiHandlers)
}

async function timer(now: Date, triggerName: string): Promise<Envelope<unknown>> {
  try {
    return { ok: true, data: await runTimer(store, secrets, now, process.env.RECOUNT_SETTLE_SECONDS, triggerName, uploads) }
  } catch (err) {
    if (store.isNotSetUp(err) || (err instanceof ApiError && err.code === 'NOT_READY')) return { ok: false, code: 'NOT_READY', message: NOT_READY_MESSAGE }
    console.error('[api] timer trigger failed', err)
    return { ok: false, code: 'INTERNAL', message: '定时任务失败' }
  }
}
