// org.uploadPath: where the bureau's mini-program uploads a roster (wx.cloud.uploadFile's cloudPath), in
// the caller's own folder (../uploadPaths.ts); org.import reads only such a path of the caller's. At most
// UPLOADS_PER_DAY paths a caller and China day: counted on the Store's rate-limit counters, so the quota
// holds across instances and a refused call counts nothing. Paths, not bytes, are counted: the client
// uploads straight to cloud storage, and the function sees a file's size only when it reads it (at most
// 5 MB, cloudFileStorage.ts), so 20 paths bound what one caller gets read in a day.
import { ApiError } from '@core/errors'
import { chinaDateOf } from '@core/periods'
import { fileStorageOf, type Handler } from '../context'
import { countedWrite, minuteOf } from '../limits/rateLimits'

export const UPLOADS_PER_DAY = 20

export const UPLOAD_QUOTA_MESSAGE = `今天已上传 ${UPLOADS_PER_DAY} 个文件（每人每天最多 ${UPLOADS_PER_DAY} 个），请明天再上传，或先导入已上传的文件`

/** The counter of a caller's upload paths: no openid holds a '|', so it is never a rater's counter. */
const uploadCounterOf = (openid: string) => `uploads|${openid}`

export const orgUploadPath: Handler<'org.uploadPath'> = async (_payload, ctx) => {
  const storage = fileStorageOf(ctx)
  // The local runtime keeps each upload under its uploader itself (POST /cloud/upload): no path to answer.
  if (storage.issueUpload === undefined) throw new ApiError('INVALID_INPUT', '这里直接上传文件即可，不需要上传路径')
  const openid = ctx.caller.openid ?? ''
  const counter = uploadCounterOf(openid)
  const verdict = await ctx.store.limits.take(counter, { day: chinaDateOf(ctx.now), minute: minuteOf(ctx.now) }, () =>
    Promise.resolve({ perMinute: Number.MAX_SAFE_INTEGER, perDay: UPLOADS_PER_DAY }),
  )
  if (!verdict.allowed) throw new ApiError('RATE_LIMITED', UPLOAD_QUOTA_MESSAGE)
  const issue = storage.issueUpload.bind(storage)
  const cloudPath = await countedWrite({ giveBack: () => ctx.store.limits.giveBack(counter, verdict.undo) }, () => issue(openid))
  return { cloudPath }
}
