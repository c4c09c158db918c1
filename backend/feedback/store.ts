// Recipients' feedback: one per service visit, id = serviceId (the visit code). Part of the Store
// (backend/store/index.ts): implemented by backend/feedback/sqlite.ts (SQLite) and
// backend/feedback/cloudbase.ts (CloudBase), checked by one contract suite (test/storeContract.ts).
import type { FeedbackRecord } from '../store/records'

export interface FeedbackStore {
  /**
   * Inserts feedback for a service visit and adds it to the recipients histogram of its month's three
   * tallies, in one transaction. CONFLICT-free: returns false if the visit already has feedback.
   */
  submitFeedback(feedback: FeedbackRecord): Promise<{ inserted: boolean }>
}
