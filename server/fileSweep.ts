// The local runtime's sweep of DATA_DIR/files: uploads and generated files older than 24 hours are
// removed, at start and hourly — as cloud storage's uploads are by the cloud function's timer. A roster
// is imported minutes after it is uploaded; a day later its file is only something to leak or fill a disk.
import { FILE_LIFETIME_MS, type LocalFiles } from './localFiles'

export const SWEEP_INTERVAL_MS = 60 * 60 * 1000

function sweepOnce(files: LocalFiles): void {
  try {
    const removed = files.removeExpired(new Date(Date.now() - FILE_LIFETIME_MS))
    if (removed > 0) console.log(`已删除 ${removed} 个超过 24 小时的上传或导出文件`)
  } catch (error) {
    console.error('[server] the file sweep failed', error)
  }
}

/** Sweeps now and hourly; the returned function stops it (shutdown). */
export function scheduleFileSweep(files: LocalFiles): () => void {
  sweepOnce(files)
  const timer = setInterval(() => sweepOnce(files), SWEEP_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
