// case.mine: the caller's own bad-review cases, as the rater: where each stands, what was
// rectified, their verdict once given. The home page shows a notice for each one awaiting their verdict.
// Only the caller's own (found by their openid from the runtime, never a payload).
import type { Handler } from '../context'
import { raterView } from './caseViews'

export const caseMine: Handler<'case.mine'> = async (_payload, { caller, store }) => {
  const cases = await store.cases.listByRater(caller.openid)
  return { cases: await Promise.all(cases.map((c) => raterView(store, c))) }
}
