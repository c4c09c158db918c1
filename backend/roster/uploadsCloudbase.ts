// Files in cloud storage that are removed 24 hours after they were made: every path the function `files`
// answers for an upload (org.uploadPath), and every file it writes (a template, a report). Each is one
// document of the `uploads` collection; the hourly timer of `api` deletes the files older than 24 hours
// with cloud.deleteFile and then their documents. A file nobody ever uploaded to a path is deleted as
// missing: its document goes all the same.
import { type CloudDb, type WithId, getOrNull, isCollectionMissing } from '../store/cloudbase/db'
import type { CloudCollections } from '../store/cloudbase/collections'

/** How long an upload or a written file is kept. */
export const FILE_LIFETIME_MS = 24 * 60 * 60 * 1000

export interface UploadDoc {
  /** The uploader's folder (ids.ts uploaderFolderId); '' for a file the function wrote. */
  uploader: string
  /** The cloud path. */
  path: string
  /** The file ID, where known when recorded (a file the function wrote); an upload's comes from its path. */
  fileId?: string
  /** When the path was answered or the file written, ISO 8601. */
  issuedAt: string
}

/** The parts of wx-server-sdk's storage API the sweep uses (shapes as in wx-server-sdk 4.0.2's index.d.ts). */
export interface StorageCleanerSdk {
  uploadFile(options: { cloudPath: string; fileContent: Buffer | Uint8Array }): Promise<{ fileID: string }>
  deleteFile(options: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; status: number; errMsg?: string }> }>
}

export interface CloudUploads {
  record(id: string, doc: UploadDoc): Promise<void>
  find(id: string): Promise<WithId<UploadDoc> | null>
}

export function cloudUploads(db: CloudDb<CloudCollections>): CloudUploads {
  return {
    async record(id, doc) {
      await db.collection('uploads').add({ data: { _id: id, ...doc } })
    },
    find: (id) => getOrNull(db.collection('uploads').doc(id)),
  }
}

/** cloud.deleteFile takes at most 50 file IDs a call. */
const DELETE_BATCH = 50
/** One run deletes at most this many batches (500 files): the timer has other work and a 20 s timeout. */
const BATCHES_PER_RUN = 10
/** A file whose deletion keeps failing is given up (its document removed, the failure logged) after this long. */
const GIVE_UP_MS = 7 * 24 * 60 * 60 * 1000
/** A file the sweep writes once per instance, to learn the storage's file-ID prefix (`cloud://<env>.<bucket>/`). */
const PREFIX_PROBE = 'rosters/.prefix'

export interface UploadSweeper {
  /** Deletes the files recorded before `now` minus 24 hours and their documents; answers how many. */
  sweep(now: Date): Promise<number>
}

export function uploadSweeper(db: CloudDb<CloudCollections>, storage: StorageCleanerSdk): UploadSweeper {
  // An upload's document holds its path only: the client uploaded it, and a file ID is `cloud://` + env and
  // bucket + path, the bucket known to no API but upload's answer. Learned once per instance.
  let prefix: string | undefined
  const prefixOf = async () => {
    if (prefix === undefined) {
      const { fileID } = await storage.uploadFile({ cloudPath: PREFIX_PROBE, fileContent: Buffer.from('prefix') })
      prefix = fileID.slice(0, fileID.length - PREFIX_PROBE.length)
    }
    return prefix
  }

  async function sweepBatch(cutoff: string, giveUp: string): Promise<{ removed: number; more: boolean }> {
    let expired: Array<WithId<UploadDoc>>
    try {
      expired = (await db.collection('uploads').where({ issuedAt: db.command.lt(cutoff) }).orderBy('issuedAt', 'asc').limit(DELETE_BATCH).get()).data
    } catch (error) {
      if (isCollectionMissing(error)) return { removed: 0, more: false }
      throw error
    }
    if (expired.length === 0) return { removed: 0, more: false }
    const start = expired.some((doc) => doc.fileId === undefined) ? await prefixOf() : ''
    const fileIdOf = (doc: UploadDoc) => doc.fileId ?? `${start}${doc.path}`
    const { fileList } = await storage.deleteFile({ fileList: expired.map(fileIdOf) })
    const status = new Map(fileList.map((item) => [item.fileID, item]))
    const done = expired.filter((doc) => {
      const item = status.get(fileIdOf(doc))
      if (item !== undefined && (item.status === 0 || isMissing(item.errMsg))) return true
      if (doc.issuedAt >= giveUp) return false
      console.error('[api] giving up deleting an old file', doc.path, item)
      return true
    })
    if (done.length > 0) await db.collection('uploads').where({ _id: db.command.in(done.map((doc) => doc._id)) }).remove()
    // A batch with a file kept for a retry ends the run: the next hour tries it again.
    return { removed: done.length, more: done.length === expired.length && expired.length === DELETE_BATCH }
  }

  return {
    async sweep(now) {
      const cutoff = new Date(now.getTime() - FILE_LIFETIME_MS).toISOString()
      const giveUp = new Date(now.getTime() - GIVE_UP_MS).toISOString()
      let removed = 0
      for (let batch = 0; batch < BATCHES_PER_RUN; batch += 1) {
        const run = await sweepBatch(cutoff, giveUp)
        removed += run.removed
        if (!run.more) break
      }
      return removed
    },
  }
}

/** A file already gone (never uploaded to its path, or deleted by hand): STORAGE_FILE_NONEXIST, -503003. */
function isMissing(errMsg: string | undefined): boolean {
  return errMsg !== undefined && /not ?exist|NONEXIST|-503003/i.test(errMsg)
}
