// Who may do what beyond rating (DESIGN section 1). The server guards with these lists and the
// mini-program shows a staff page only to the roles that may use it, so the two cannot drift apart.
import type { Role } from './types'

export type StaffRole = Exclude<Role, 'resident'>

/** The three-party evaluation: sub-district staff read their own sub-district, the bureau any one. */
export const EVALUATION_READERS: readonly StaffRole[] = ['subdistrict', 'bureau']

/** The sub-district's party of the three is entered by the sub-district office alone. */
export const SCORE_ENTERERS: readonly StaffRole[] = ['subdistrict']

export function canReadEvaluations(role: Role): boolean {
  return (EVALUATION_READERS as readonly Role[]).includes(role)
}

export function canEnterScores(role: Role): boolean {
  return (SCORE_ENTERERS as readonly Role[]).includes(role)
}
