// WAL checkpoints off the request thread. A checkpoint copies the write-ahead log into the database
// file and fsyncs it; run by SQLite's auto-checkpoint, that happens inside whichever commit crosses the
// threshold, stalling every request behind it. Here a worker thread with its own connection runs a
// PASSIVE checkpoint (it never blocks writers or readers) every so often, doing the copying and the
// fsync off the request thread.
import type Database from 'better-sqlite3'
import { Worker } from 'node:worker_threads'

/** How often an idle worker looks at the WAL. */
const IDLE_INTERVAL_MS = 250
/**
 * How soon it looks again after a checkpoint that copied something: under sustained writes it keeps
 * up, so that the request thread's own checkpoint (below) finds little left to copy and to fsync. A
 * checkpoint copies each page once, however many commits rewrote it since the last: every 5 ms it took
 * a quarter of a rating's CPU time on the other core (the one the clients share), every 50 ms a third of that.
 */
const BUSY_INTERVAL_MS = 50
/**
 * The request thread still checkpoints past this many WAL pages (128 MB): that checkpoint lets the WAL
 * restart from its beginning even under sustained writes (a restart needs a checkpoint that catches up
 * with the last commit; only the writer can be sure of that), so the WAL file stays bounded. It stalls
 * every request behind it for some 20 ms, so it should come seldom: under the benchmark's load (some
 * 50 000 pages a second) 4000 pages came a dozen times a second and set the p99 latency.
 */
const REQUEST_THREAD_CHECKPOINT_PAGES = 32000

// Plain CommonJS, evaluated in the worker: it must not depend on the bundle it is started from.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true })
db.pragma('busy_timeout = 1000')
let copied = -1
// Busy or locked: a writer holds the database, try again next time. Anything else is a real failure:
// it ends the worker and reaches the 'error' handler, which says so.
const checkpoint = () => {
  let busy = false
  try {
    const [state] = db.pragma('wal_checkpoint(PASSIVE)')
    busy = state.checkpointed !== copied
    copied = state.checkpointed
  } catch (err) {
    if (!err || (err.code !== 'SQLITE_BUSY' && err.code !== 'SQLITE_LOCKED')) throw err
  }
  setTimeout(checkpoint, busy ? workerData.busyMs : workerData.idleMs)
}
setTimeout(checkpoint, workerData.idleMs)
`

export class WalCheckpointer {
  private readonly worker: Worker
  private stopped = false

  constructor(db: Database.Database) {
    db.pragma(`wal_autocheckpoint = ${REQUEST_THREAD_CHECKPOINT_PAGES}`)
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file: db.name, idleMs: IDLE_INTERVAL_MS, busyMs: BUSY_INTERVAL_MS },
    })
    // Without the worker the request thread's own checkpoints (above) still keep the WAL in check,
    // so a worker that fails (its database gone, say) is no reason to stop serving.
    this.worker.on('error', (err) => {
      if (!this.stopped) console.warn('[sqlite] background checkpoints stopped:', err.message)
    })
    // The runtime may exit while the worker sleeps; it holds nothing that needs flushing.
    this.worker.unref()
  }

  /**
   * Stops the worker at once. A checkpoint cut short is safe: the WAL stays the truth until a checkpoint
   * completes, and the request thread's connection, closing last, checkpoints once more and removes it.
   */
  stop(): void {
    this.stopped = true
    void this.worker.terminate()
  }
}
