// Group commit for the local runtime's writes. better-sqlite3 is synchronous, so under load most of a
// rating's cost is its own transaction: BEGIN, the WAL pages it dirties (the rating, three tallies), COMMIT.
// Writes that arrive in the same turn of the event loop are committed together in one transaction; a
// failing write rolls back alone and the others still land. Every caller is answered only after the
// shared COMMIT, so a reply still means "stored".
import type Database from 'better-sqlite3'

interface Pending {
  work: () => unknown
  committed?: (value: unknown) => void
  resolve: (value: unknown) => void
  reject: (reason: unknown) => void
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

export class GroupCommit {
  private queue: Pending[] = []
  private scheduled = false
  private readonly commitAll: (batch: Pending[]) => Outcome[]

  constructor(db: Database.Database) {
    const one = db.transaction((work: () => unknown) => work())
    // The fast path runs the whole batch in one transaction; any failure rolls it all back, and then each
    // write runs again in a transaction of its own, so a bad write fails alone. (Savepoints per write
    // would do the same at the price of two more statements for every write, failures being rare.)
    const all = db.transaction((batch: Pending[]): Outcome[] => batch.map((pending) => ({ ok: true, value: pending.work() })))
    this.commitAll = (batch) => {
      try {
        return all(batch)
      } catch {
        return batch.map((pending): Outcome => {
          try {
            return { ok: true, value: one(pending.work) }
          } catch (error) {
            return { ok: false, error }
          }
        })
      }
    }
  }

  /**
   * Runs `work` (synchronous statements only) inside the next group transaction. `committed` runs with its
   * value right after the COMMIT, before any caller is answered and before anything else can run.
   */
  run<T>(work: () => T, committed?: (value: T) => void): Promise<T> {
    return this.enqueue(work, committed, 'last')
  }

  /**
   * As run(), but ahead of every write already waiting: the next group transaction runs `work` first.
   * For a write that must come before the others it shares a transaction with (the cases' settling,
   * which clears a note the ratings after it may set again: cases/sqlitePendingOpenings.ts).
   */
  runFirst<T>(work: () => T): Promise<T> {
    return this.enqueue(work, undefined, 'first')
  }

  private enqueue<T>(work: () => T, committed: ((value: T) => void) | undefined, place: 'first' | 'last'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = { work, committed: committed as ((value: unknown) => void) | undefined, resolve: resolve as (value: unknown) => void, reject }
      if (place === 'first') this.queue.unshift(pending)
      else this.queue.push(pending)
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  private flush(): void {
    this.scheduled = false
    const batch = this.queue
    this.queue = []
    const outcomes = this.commitAll(batch)
    outcomes.forEach((outcome, i) => {
      const { committed } = batch[i] as Pending
      if (outcome.ok && committed !== undefined) committed(outcome.value)
    })
    outcomes.forEach((outcome, i) => {
      const pending = batch[i] as Pending
      if (outcome.ok) pending.resolve(outcome.value)
      else pending.reject(outcome.error)
    })
  }
}
