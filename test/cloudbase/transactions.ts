// Transactions as CloudBase (MongoDB underneath) runs them; WeChat's transaction guide, CloudBase's error
// codes and MongoDB's documented behaviour where those are silent (docs/cloudbase-limits.md):
// - Snapshot isolation: reads see the snapshot taken at startTransaction, plus the transaction's own writes.
//   Reads are not checked at commit (as in MongoDB): two transactions may each read what the other writes.
// - First writer wins, at once (WeChat: 直接失败): writing a document another open transaction has
//   written, or one somebody committed (in a transaction or not) after this one started, fails with
//   DATABASE_TRANSACTION_CONFLICT and aborts this transaction, as MongoDB aborts on WriteConflict.
// - Any other error inside a transaction aborts it too (MongoDB); later requests on it fail, and so
//   does its commit: with DATABASE_TRANSACTION_CONFLICT, which wx-server-sdk's runTransaction retries
//   (MongoDB labels this TransientTransactionError).
// - A transaction lives at most `lifetimeMs` (CloudBase: committed or aborted within 30 s). Then the
//   server forgets it: its writes are dropped, its locks released, and every later request on it, its
//   commit included, fails with DATABASE_TRANSACTION_FAIL ("does not exist on server"), which
//   runTransaction does NOT retry. A transaction nobody ends (its instance died) holds its locks till then.
// - A write outside any transaction to a locked document waits until the lock holder ends (MongoDB
//   blocks it), which is at the latest its lifetime: see `waitForEnd`.
// - Aborting a transaction the server already aborted succeeds (the driver ignores NoSuchTransaction);
//   aborting a committed or unknown one fails with DATABASE_TRANSACTION_FAIL.
import type { EmulatorClock, TimerHandle } from './clock'
import { platformErrors } from './errors'
import { type DocWrite, type DocumentStore, NOW } from './store'
import type { Doc } from './values'

type State = 'open' | 'committed' | 'aborted' | 'expired'

interface Transaction {
  id: string
  instance: string
  snapshot: number
  state: State
  reason?: string
  writes: Map<string, DocWrite>
  timer?: TimerHandle
  waiters: Array<() => void>
}

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`

export class TransactionManager {
  private readonly transactions = new Map<string, Transaction>()
  /** The open ones, which snapshots and listings look through (the map keeps ended ones for their state). */
  private readonly open = new Set<Transaction>()
  private readonly locks = new Map<string, Transaction>()
  private counter = 0

  constructor(
    private readonly store: DocumentStore,
    private readonly clock: EmulatorClock,
    private readonly lifetimeMs: number,
  ) {}

  start(instance: string): string {
    const id = `tx-${++this.counter}-${this.clock.now().toString(36)}`
    const transaction: Transaction = { id, instance, snapshot: this.store.lastSeq, state: 'open', writes: new Map(), waiters: [] }
    transaction.timer = this.clock.schedule(this.lifetimeMs, () => {
      if (transaction.state === 'open') this.end(transaction, 'expired', `older than ${this.lifetimeMs} ms`)
    })
    this.transactions.set(id, transaction)
    this.open.add(transaction)
    return id
  }

  /** The document as the transaction sees it: its own write, else its snapshot. */
  read(transactionId: string, collection: string, id: string): Doc | null {
    const transaction = this.active(transactionId)
    const own = transaction.writes.get(keyOf(collection, id))
    return own !== undefined ? own.doc : this.store.read(collection, id, transaction.snapshot)
  }

  /** Records a write, or fails at once (and aborts the transaction) when another writer got there first. */
  write(transactionId: string, write: DocWrite): void {
    const transaction = this.active(transactionId)
    const key = keyOf(write.collection, write.id)
    const holder = this.locks.get(key)
    let conflict: string | undefined
    if (holder !== undefined && holder !== transaction) conflict = 'is being written by another open transaction'
    else if (this.store.lastWrite(write.collection, write.id) > transaction.snapshot) conflict = 'was changed after this transaction started'
    if (conflict !== undefined) {
      this.end(transaction, 'aborted', `write conflict on ${write.collection}/${write.id}`)
      throw platformErrors.writeConflict(write.collection, write.id, conflict)
    }
    this.locks.set(key, transaction)
    transaction.writes.set(key, write)
  }

  commit(transactionId: string): void {
    const transaction = this.transactions.get(transactionId)
    if (transaction?.state === 'committed') return // MongoDB lets a commit be retried
    const open = this.active(transactionId)
    this.store.commit([...open.writes.values()], this.oldestSnapshot(open))
    this.end(open, 'committed')
  }

  abort(transactionId: string): void {
    const transaction = this.transactions.get(transactionId)
    if (transaction === undefined) throw platformErrors.transactionNotOpen(transactionId, 'unknown')
    if (transaction.state === 'committed') throw platformErrors.transactionNotOpen(transactionId, 'committed')
    if (transaction.state === 'expired') throw platformErrors.transactionExpired(transactionId, this.lifetimeMs)
    if (transaction.state === 'open') this.end(transaction, 'aborted', 'aborted by the client')
  }

  /** Aborts an open transaction after an error in one of its requests (MongoDB does). */
  abortAfterError(transactionId: string, error: string): void {
    const transaction = this.transactions.get(transactionId)
    if (transaction?.state === 'open') this.end(transaction, 'aborted', error)
  }

  /** The open transaction holding a write lock on the document, if any. */
  lockHolder(collection: string, id: string): string | undefined {
    return this.locks.get(keyOf(collection, id))?.id
  }

  /** Resolves when the transaction has committed or aborted (at the latest when its lifetime is over). */
  waitForEnd(transactionId: string): Promise<void> {
    const transaction = this.transactions.get(transactionId)
    if (transaction === undefined || transaction.state !== 'open') return Promise.resolve()
    return new Promise((resolve) => transaction.waiters.push(resolve))
  }

  /** The earliest snapshot an open transaction reads (NOW when none is open). */
  oldestSnapshot(except?: Transaction): number {
    let oldest = NOW
    for (const transaction of this.open) {
      if (transaction !== except) oldest = Math.min(oldest, transaction.snapshot)
    }
    return oldest
  }

  /** The transactions still open, and the instance that started each. */
  openTransactions(): Array<{ id: string; instance: string }> {
    return [...this.open].map(({ id, instance }) => ({ id, instance }))
  }

  /** Stops every timeout timer (the transactions stay open). */
  dispose(): void {
    for (const transaction of this.open) transaction.timer?.cancel()
  }

  /** The transaction if it is open, else the platform's error for what became of it. */
  private active(transactionId: string): Transaction {
    const transaction = this.transactions.get(transactionId)
    if (transaction === undefined) throw platformErrors.transactionNotOpen(transactionId, 'unknown')
    if (transaction.state === 'aborted') throw platformErrors.transactionAborted(transactionId, transaction.reason ?? 'aborted')
    if (transaction.state === 'expired') throw platformErrors.transactionExpired(transactionId, this.lifetimeMs)
    if (transaction.state === 'committed') throw platformErrors.transactionNotOpen(transactionId, 'committed')
    return transaction
  }

  private end(transaction: Transaction, state: Exclude<State, 'open'>, reason?: string): void {
    transaction.state = state
    this.open.delete(transaction)
    transaction.reason = reason
    transaction.timer?.cancel()
    for (const key of transaction.writes.keys()) {
      if (this.locks.get(key) === transaction) this.locks.delete(key)
    }
    transaction.writes.clear()
    const waiters = transaction.waiters.splice(0)
    for (const wake of waiters) wake()
  }
}
