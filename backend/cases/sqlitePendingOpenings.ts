// A bad rating's case on SQLite is written just after its rating, not inside the rating's own
// transaction. Under load a case dirtied five more B-tree pages of the rating's group commit. Two of them
// are at random places (the case's id and its rater's), so they were written out again with every
// commit. Together they cost a bad rating about 40% of its time. Queued here, the cases of the next
// SETTLE_MS share one transaction, where each page is written once for all of them. (Longer windows
// saved little more, and their longer transactions held up every request behind them: under load, 20 ms
// of cases took 3 ms to write and the slowest requests waited some 2 ms more than with 5 ms.)
// The settling is itself a job of the group commit, run ahead of the ratings it shares a transaction
// with: it needs no BEGIN and COMMIT of its own. Whatever reads cases or the audit trail settles the
// queue first, in a transaction of its own, so every reader sees a rating's case as if it had been
// written with it; closing the store settles it too. The rating's own transaction
// notes, in a one-row table, the time of the oldest bad rating whose case is not written yet, and the
// settling clears it. A process killed in between leaves the note, and the next start opens those cases
// from the ratings (missedCases.ts). The cloud opens them from the rating's mark, by its timer (dueCases.ts).
import type Database from 'better-sqlite3'
import type { SqliteAuditStore } from '../audit/sqlite'
import type { GroupCommit } from '../store/sqlite/groupCommit'
import type { RatingRef } from '../store/records'
import type { CaseOpening } from './badReviews'
import type { SqliteCaseStore } from './sqlite'

/** How long an opening waits for others to share its transaction. */
export const SETTLE_MS = 5

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cases_due (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  since TEXT NOT NULL
);
`

export class PendingCaseOpenings {
  private queue: CaseOpening[] = []
  /** The openings a settling job of the group commit took, until that job is committed or has failed. */
  private taken: CaseOpening[] = []
  private timer: NodeJS.Timeout | undefined
  /** The openings and the note's removal, in one transaction of their own; answers how many cases are new. */
  private readonly write: (openings: CaseOpening[]) => number
  private readonly stmt

  constructor(
    db: Database.Database,
    private readonly cases: Pick<SqliteCaseStore, 'openNow'>,
    private readonly audit: Pick<SqliteAuditStore, 'appendNow'>,
    private readonly commits: Pick<GroupCommit, 'runFirst'>,
  ) {
    db.exec(SCHEMA)
    this.stmt = {
      note: db.prepare<[string]>('INSERT INTO cases_due (id, since) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET since = excluded.since WHERE excluded.since < since'),
      since: db.prepare<[], string>('SELECT since FROM cases_due WHERE id = 1').pluck(),
      clear: db.prepare('DELETE FROM cases_due'),
    }
    this.write = db.transaction((openings: CaseOpening[]): number => this.writeNow(openings))
  }

  /** Inside a transaction: the openings, then the note cleared. */
  private writeNow(openings: CaseOpening[]): number {
    let opened = 0
    for (const { record, audit: entry, auditKey } of openings) {
      if (!this.cases.openNow(record)) continue
      this.audit.appendNow(entry, auditKey)
      opened += 1
    }
    this.stmt.clear.run()
    return opened
  }

  /** Inside the rating's transaction: a bad rating given at `at` has its case still to be written. */
  noteNow(at: string): void {
    this.stmt.note.run(at)
  }

  /** The time of the oldest bad rating whose case was noted and not written since; null when none. */
  dueSince(): string | null {
    return this.stmt.since.get() ?? null
  }

  /**
   * Inside a re-rate's transaction: writes now the queued case of the rating it replaces, if there is one.
   * The live process would write that case all the same, whatever the new level; written here, a kill
   * right after the re-rate cannot lose it, as the start's repair opens cases from ratings as they are
   * now. It stays queued: its settling then adds nothing (one case a rating, one entry an opening's key),
   * and a batch rolled back and run again writes it again. (An opening is queued once its rating's commit
   * is done, so a re-rate in that same group commit finds nothing here; a person's second tap comes later.)
   */
  writeQueuedNow(ref: RatingRef): void {
    for (const { record, audit: entry, auditKey } of [...this.taken, ...this.queue]) {
      if (record.ref.kind !== ref.kind || record.ref.id !== ref.id) continue
      if (this.cases.openNow(record)) this.audit.appendNow(entry, auditKey)
    }
  }

  /** Queues the case of a rating just committed (its note with it). */
  add(opening: CaseOpening): void {
    this.queue.push(opening)
    if (this.timer !== undefined) return
    this.timer = setTimeout(() => this.settleWithNextCommit(), SETTLE_MS)
    // A runtime that exits meanwhile settles on close; the timer alone must not keep it alive.
    this.timer.unref()
  }

  /**
   * Queues the settling as the first job of the next group transaction: first, so that the note it
   * clears is set again by the bad ratings that come after it in that transaction. The openings are
   * taken when the job runs, and kept for its run alone should its batch fail. A reader that settled
   * meanwhile leaves it nothing to do.
   */
  private settleWithNextCommit(): void {
    this.timer = undefined
    let openings: CaseOpening[] | undefined
    const job = (): number => {
      if (openings === undefined) {
        openings = this.queue
        this.queue = []
        this.taken = openings
      }
      return openings.length === 0 ? 0 : this.writeNow(openings)
    }
    this.commits.runFirst(job).then(
      () => this.release(openings),
      (error: unknown) => {
        this.release(openings)
        if (openings !== undefined && openings.length > 0) this.failed(openings, error)
      },
    )
  }

  private release(openings: CaseOpening[] | undefined): void {
    if (openings !== undefined && this.taken === openings) this.taken = []
  }

  private failed(openings: CaseOpening[], error: unknown): void {
    console.error(`[sqlite] ${openings.length} bad-review cases were not opened; the next start opens them`, error)
  }

  /**
   * Writes every queued opening now and clears the note; answers how many cases are new. A failure is
   * logged, as an inline case's was: the ratings stand, and the note makes the next start open their cases.
   */
  settle(): number {
    if (this.timer !== undefined) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    if (this.queue.length === 0) return 0
    const openings = this.queue
    this.queue = []
    try {
      return this.write(openings)
    } catch (error) {
      this.failed(openings, error)
      return 0
    }
  }

  /** The start's repair (missedCases.ts): these openings, then the note cleared, even when there are none. */
  settleMissed(openings: CaseOpening[]): number {
    this.settle()
    return this.write(openings)
  }
}
