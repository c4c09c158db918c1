// Who may do what beyond rating (DESIGN section 1). The server guards with these lists and the
// mini-program shows a staff page only to the roles that may use it, so the two cannot drift apart.
import type { Role } from './types'

export type StaffRole = Exclude<Role, 'resident'>

/** The three-party evaluation: sub-district staff read their own sub-district, the bureau any one. */
export const EVALUATION_READERS = ['subdistrict', 'bureau'] as const satisfies readonly StaffRole[]

/** The sub-district's party of the three is entered by the sub-district office alone. */
export const SCORE_ENTERERS = ['subdistrict'] as const satisfies readonly StaffRole[]

/** Community admins invite their own community's workers and see who is bound. */
export const WORKER_INVITERS = ['community'] as const satisfies readonly StaffRole[]

/** The four-post job description (四岗说明书) is the city's: only the bureau edits the post catalogue. */
export const POST_EDITORS = ['bureau'] as const satisfies readonly StaffRole[]

/** The scoring settings (DESIGN section 3): every staff role reads them, the bureau alone changes them. */
export const SETTINGS_READERS = ['community', 'subdistrict', 'bureau'] as const satisfies readonly StaffRole[]
export const SETTINGS_EDITORS = ['bureau'] as const satisfies readonly StaffRole[]

/** The city view, every sub-district side by side, and its export: the bureau's alone. */
export const CITY_READERS = ['bureau'] as const satisfies readonly StaffRole[]

/** The audit log: the bureau reads every sub-district's. */
export const AUDIT_READERS = ['bureau'] as const satisfies readonly StaffRole[]

/** Organisation: the bureau creates and renames sub-districts and communities. */
export const ORG_EDITORS = ['bureau'] as const satisfies readonly StaffRole[]
/** org.list and staff invites: the bureau for the city, sub-district staff for their own sub-district. */
export const ORG_READERS = ['subdistrict', 'bureau'] as const satisfies readonly StaffRole[]
/** A community's grids and workers (post, grid, in post or not) are its own admin's to edit. */
export const COMMUNITY_EDITORS = ['community'] as const satisfies readonly StaffRole[]
/** Appeals of bad ratings (申诉): the worker's sub-district reviews them; the bureau may too. */
export const APPEAL_REVIEWERS = ['subdistrict', 'bureau'] as const satisfies readonly StaffRole[]
/** Held comments (留言审核, trust rule 6): sub-district staff their own sub-district's, the bureau any. */
export const COMMENT_MODERATORS = ['subdistrict', 'bureau'] as const satisfies readonly StaffRole[]
/** Suspicious ratings (复核, trust rule 8): sub-district staff their own sub-district's, the bureau any. */
export const RATING_REVIEWERS = ['subdistrict', 'bureau'] as const satisfies readonly StaffRole[]
/** Bad-review cases (差评回访整改): the worker's community calls back and rectifies; its sub-district and the bureau watch. */
export const CASE_HANDLERS = ['community'] as const satisfies readonly StaffRole[]
export const CASE_READERS = ['community', 'subdistrict', 'bureau'] as const satisfies readonly StaffRole[]
/** The workbench (what is waiting): every staff role, each seeing the queues its role acts on. */
export const WORKBENCH_USERS = ['community', 'subdistrict', 'bureau'] as const satisfies readonly StaffRole[]
/** The service hall's rota (值班表): the community's admin keeps it; its sub-district and the bureau read it. */
export const HALL_EDITORS = ['community'] as const satisfies readonly StaffRole[]
export const HALL_READERS = ['community', 'subdistrict', 'bureau'] as const satisfies readonly StaffRole[]
