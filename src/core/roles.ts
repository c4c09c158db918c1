// Who may do what beyond rating (DESIGN section 1). The server guards with these lists and the
// mini-program shows a staff page only to the roles that may use it, so the two cannot drift apart.
import type { Role } from './types'

export type StaffRole = Exclude<Role, 'resident'>

/** The three-party evaluation: sub-district staff read their own sub-district, the bureau any one. */
export const EVALUATION_READERS: readonly StaffRole[] = ['subdistrict', 'bureau']

/** The sub-district's party of the three is entered by the sub-district office alone. */
export const SCORE_ENTERERS: readonly StaffRole[] = ['subdistrict']

/** Community admins invite their own community's workers and see who is bound (issue 7). */
export const WORKER_INVITERS: readonly StaffRole[] = ['community']

/** The four-post job description (四岗说明书) is the city's: only the bureau edits the post catalogue. */
export const POST_EDITORS: readonly StaffRole[] = ['bureau']

export function canEditPosts(role: Role): boolean {
  return (POST_EDITORS as readonly Role[]).includes(role)
}

export function canReadEvaluations(role: Role): boolean {
  return (EVALUATION_READERS as readonly Role[]).includes(role)
}

export function canEnterScores(role: Role): boolean {
  return (SCORE_ENTERERS as readonly Role[]).includes(role)
}

export function canInviteWorkers(role: Role): boolean {
  return (WORKER_INVITERS as readonly Role[]).includes(role)
}

/** The scoring settings (DESIGN section 3): every staff role reads them, the bureau alone changes them. */
export const SETTINGS_READERS: readonly StaffRole[] = ['community', 'subdistrict', 'bureau']
export const SETTINGS_EDITORS: readonly StaffRole[] = ['bureau']

export function canEditSettings(role: Role): boolean {
  return (SETTINGS_EDITORS as readonly Role[]).includes(role)
}

/** The audit log (issue 9, item 8): the bureau reads every sub-district's. */
export const AUDIT_READERS: readonly StaffRole[] = ['bureau']

export function canReadAudit(role: Role): boolean {
  return (AUDIT_READERS as readonly Role[]).includes(role)
}

/** Organisation (issue 8): the bureau creates and renames sub-districts and communities. */
export const ORG_EDITORS: readonly StaffRole[] = ['bureau']
/** org.list and staff invites: the bureau for the city, sub-district staff for their own sub-district. */
export const ORG_READERS: readonly StaffRole[] = ['subdistrict', 'bureau']
/** A community's grids and workers (post, grid, in post or not) are its own admin's to edit. */
export const COMMUNITY_EDITORS: readonly StaffRole[] = ['community']
/** Appeals of bad ratings (申诉, issue 9): the worker's sub-district reviews them; the bureau may too. */
export const APPEAL_REVIEWERS: readonly StaffRole[] = ['subdistrict', 'bureau']
/** Held comments (留言审核, issue 9, trust rule 6): sub-district staff their own sub-district's, the bureau any. */
export const COMMENT_MODERATORS: readonly StaffRole[] = ['subdistrict', 'bureau']
/** Suspicious ratings (复核, issue 9, trust rule 8): sub-district staff their own sub-district's, the bureau any. */
export const RATING_REVIEWERS: readonly StaffRole[] = ['subdistrict', 'bureau']
/** Bad-review cases (差评回访整改, issue 9): the worker's community calls back and rectifies; its sub-district and the bureau watch. */
export const CASE_HANDLERS: readonly StaffRole[] = ['community']
export const CASE_READERS: readonly StaffRole[] = ['community', 'subdistrict', 'bureau']

export function canReadOrg(role: Role): boolean {
  return (ORG_READERS as readonly Role[]).includes(role)
}

export function canEditCommunity(role: Role): boolean {
  return (COMMUNITY_EDITORS as readonly Role[]).includes(role)
}
