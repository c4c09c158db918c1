// Who takes part in a period's evaluation. A worker the community marked inactive
// (left, on long leave) keeps a row only in periods where something was recorded for them — a resident
// rating, a recipient's feedback or a sub-district score — so their history stays as it was; in other
// periods they are left out, and out of N, the number the 优秀 quota is taken of (DESIGN section 3).
import { isActiveWorker } from './org'
import { recipientCount } from './recipients'
import { countOf } from './scoring'
import type { WorkerPeriodInput } from './types'

/** `active` absent means active (isActiveWorker, src/core/org.ts). */
export function takesPart(worker: { code: string; active?: boolean }, input: Pick<WorkerPeriodInput, 'residents' | 'recipients' | 'recipientGroups' | 'subdistrictScore'>): boolean {
  if (isActiveWorker(worker)) return true
  return countOf(input.residents) > 0 || recipientCount(input.recipients, input.recipientGroups) > 0 || input.subdistrictScore !== null
}
