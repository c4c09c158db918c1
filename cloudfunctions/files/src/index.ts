// The cloud function `files` on WeChat CloudBase: the spreadsheet actions (org.template, org.import,
// org.uploadPath, report.export; src/core/functions.ts), with the same dispatch, CloudStore and envelope as `api`. A
// second function because the spreadsheet library (exceljs) is about ten times api's bundle budget and
// would slow every cold start of api; the bureau imports a roster a few times a year (README: Budgets).
import type { Envelope } from '@core/errors'
import { cloudCodeImages, codeVersionSettingOf } from '../../api/src/cloudCodeImages'
import { cloudModeration } from '../../api/src/cloudModeration'
import { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { withLimitRetry } from '@backend/store/cloudbase/limitRetry'
import { cloudSecrets } from '@backend/secrets/cloudbase'
import { cloudUploads } from '@backend/roster/uploadsCloudbase'
import { secretsFromEnv } from '@backend/secrets/secrets'
import { dispatch } from '@backend/door'
import { bureauOpenidsOf } from '@backend/access/firstAdmins'
import type { WxServerSdk } from '@backend/store/cloudbase/wxServerSdk'
import { type CloudStorageSdk, cloudFileStorage } from './cloudFileStorage'
import { filesHandlers } from '@backend/fileHandlers'

// Kept a plain require so esbuild leaves it external and CloudBase resolves its own installed copy.
const cloud = require('wx-server-sdk') as WxServerSdk & CloudStorageSdk

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

// Every request retries a refusal for the environment's connection limit (limitRetry.ts).
const database = withLimitRetry(cloud.database())
const store = new CloudStore(database)
const codeImages = cloudCodeImages(cloud, database, codeVersionSettingOf(process.env.WXACODE_ENV_VERSION))
// The same keeper as api's (read lazily): an uploader's folder is keyed with idKey (uploadPaths.ts).
const secrets = cloudSecrets(database, secretsFromEnv(process.env))
const files = cloudFileStorage(cloud, cloudUploads(database), secrets)

// The names in an imported roster are shown on cards and pages: checked as api checks names.
const moderation = cloudModeration(cloud)

export async function main(event: unknown): Promise<Envelope<unknown>> {
  const openid = cloud.getWXContext().OPENID
  const caller = openid !== undefined && openid !== '' ? openid : null
  const bureauOpenids = bureauOpenidsOf(process.env.BUREAU_OPENIDS)
  return dispatch(event, { openid: caller, store, now: new Date(), moderation, codeImages, files, bureauOpenids, secrets }, filesHandlers)
}
