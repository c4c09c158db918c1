// The one typed contract between the mini-program and the cloud function `api`.
// Every payload is validated here at runtime, because a cloud function's event is whatever a client sent.
import * as v from 'valibot'
export { COMMENT_MAX, PERIOD_PATTERN, SCENE_PATTERN, WORKER_CODE_PATTERN } from './payloadFields'
import { comment, idempotencyKey, inviteCode, level, period, score, visitCode, workerCode } from './payloadFields'
import type { DevIdentity, EvaluationRow, Session, WorkerCard } from './types'
import type { GridDirectory, Post } from './catalog'
import { gridDirectoryPayload, postSavePayload } from './catalogSchemas'
import type { CommunityWorkers, InviteCard } from './invites'
import type { VisitCard, VisitSummary } from './visits'
import { visitLogPayload } from './visitSchemas'
import type { FieldSessionList } from './fieldSessions'
import { fieldEndPayload, fieldStartPayload } from './fieldTimeSchemas'
import { type SettingsInForce, settingsSavePayload } from './settingsSchemas'
import type { GridTime } from './gridTime'
import type { OwnResults } from './workerResults'
import { type OrgResults, orgPayloads } from './orgSchemas'
import type { StaffInviteRole } from './org'
import { type RosterResults, rosterPayloads } from './rosterSchemas'
import { type SheetResults, sheetPayloads } from './sheetSchemas'
import { type ReportResults, reportPayloads } from './reportSchemas'
import { type AuditResults, auditPayloads } from './auditSchemas'
import { type ReviewResults, reviewPayloads } from './reviewSchemas'
import { type CommentResults, commentPayloads } from './commentSchemas'
import { type ContentReportResults, contentReportPayloads } from './contentReportSchemas'
import { type CaseResults, casePayloads } from './caseSchemas'
import type { Workbench } from './workbench'
import { type AppealResults, appealPayloads } from './appealSchemas'
import { type CityResults, cityPayloads } from './citySchemas'
import { type HallResults, hallPayloads } from './hallSchemas'

export const payloadSchemas = {
  'dev.identities': v.object({}),
  'session.me': v.object({}),
  'worker.card': v.object({ workerCode }),
  'rating.submit': v.object({ workerCode, level, comment, idempotencyKey }),
  'score.submit': v.object({ workerCode, period, score, idempotencyKey }),
  'evaluation.get': v.object({
    period,
    subdistrictId: v.optional(v.pipe(v.string('街道编号格式不对'), v.minLength(1), v.maxLength(64))),
  }),
  'admin.setup': v.object({ demo: v.optional(v.boolean('“载入演示数据”只能是是或否')) }),
  'invite.create': v.object({ workerCode }),
  'invite.card': v.object({ inviteCode }),
  'invite.accept': v.object({ inviteCode }),
  'community.workers': v.object({}),
  'post.list': v.object({}),
  'post.save': postSavePayload,
  'grid.directory': gridDirectoryPayload,
  'visit.log': visitLogPayload,
  'visit.list': v.object({}),
  'visit.card': v.object({ visitCode }),
  'feedback.submit': v.object({ visitCode, level, comment, idempotencyKey }),
  'worker.qrcode': v.object({}),
  'field.start': fieldStartPayload,
  'field.end': fieldEndPayload,
  'field.list': v.object({ period }),
  'gridtime.get': v.object({ period, workerCode: v.optional(workerCode) }),
  'gridtime.trend': v.object({ workerCode: v.optional(workerCode) }),
  'worker.results': v.object({ period }),
  'settings.get': v.object({}),
  'settings.save': settingsSavePayload,
  'workbench.get': v.object({}),
  ...orgPayloads,
  ...rosterPayloads,
  ...sheetPayloads,
  ...reportPayloads,
  ...auditPayloads,
  ...reviewPayloads,
  ...commentPayloads,
  ...contentReportPayloads,
  ...casePayloads,
  ...appealPayloads,
  ...cityPayloads,
  ...hallPayloads,
} as const

export type ActionName = keyof typeof payloadSchemas

export type PayloadOf<A extends ActionName> = v.InferOutput<(typeof payloadSchemas)[A]>
/** What a client may send (before trimming and defaults). */
export type PayloadInputOf<A extends ActionName> = v.InferInput<(typeof payloadSchemas)[A]>

/** A setup step no API the function may call can take: the deployer takes it by hand, where it says. */
export interface ManualSetupStep {
  step: string
  where: string
  /** What to enter there. */
  value: string
}

/** What each action returns in `data`. */
export interface ActionResults
  extends OrgResults, RosterResults, SheetResults, ReportResults, AuditResults, ReviewResults, CommentResults, ContentReportResults, CaseResults, AppealResults, CityResults, HallResults {
  'dev.identities': DevIdentity[]
  'session.me': Session
  'worker.card': WorkerCard
  'rating.submit': { ratingId: string; period: string; replaced: boolean }
  'score.submit': { period: string }
  /** `provisional`: the period is still running, its grades 暂定 (src/core/provisional.ts). */
  'evaluation.get': { period: string; rows: EvaluationRow[]; provisional: boolean }
  /**
   * `created`: the collections this run created (none on a second run); `demoLoaded`: the demo was loaded
   * now; `manualSteps`: what the deployer must still do by hand in this runtime (the cloud's storage rules).
   */
  'admin.setup': { created: string[]; demoLoaded: boolean; manualSteps?: ManualSetupStep[] }
  /** `image`: the invite's code (a cloud file ID in the cloud, a `data:image/png` URL locally). */
  'invite.create': { inviteCode: string; expiresAt: string; image: string }
  'invite.card': InviteCard
  /** A staff invite answers the staff role and where it works. */
  'invite.accept': { role: 'worker'; workerCode: string } | { role: StaffInviteRole; subdistrictId: string; communityId?: string }
  'community.workers': CommunityWorkers
  /** The post catalogue (四岗说明书), four posts first in rank order. */
  'post.list': Post[]
  'post.save': { postId: string }
  'grid.directory': GridDirectory
  /** `image`: the visit's feedback code, opening pages/feedback/index with scene = visitCode. */
  'visit.log': { visitCode: string; image: string }
  /** The caller's own visits of the last VISIT_LIST_DAYS days, newest first. */
  'visit.list': VisitSummary[]
  'visit.card': VisitCard
  /** `feedbackId` is the visit code (one feedback per visit); `period`: the China month it counts in. */
  'feedback.submit': { feedbackId: string; period: string }
  /** `image`: the worker's own code, opening pages/rate/index with scene = their worker code. */
  'worker.qrcode': { image: string }
  'field.start': { sessionId: string; startedAt: string }
  'field.end': { sessionId: string; minutes: number }
  'field.list': FieldSessionList
  'gridtime.get': GridTime
  /** The last six months, oldest first, the current month last (the worker home's chart). */
  'gridtime.trend': { months: GridTime[] }
  /** The caller's own three-party results; a rated party only with n >= 5 (trust rule 5). */
  'worker.results': OwnResults
  /** The settings in force and their version (staff and the bureau). */
  'settings.get': SettingsInForce
  /** The version the save made (the previous one + 1). */
  'settings.save': { version: number }
  /** What waits for the caller, queue by queue (src/core/workbench.ts). */
  'workbench.get': Workbench
}

export type ResultOf<A extends ActionName> = ActionResults[A]

/** The request body of `POST /cloud/api` and the `data` of `callFunction({ name: 'api', data })`. */
export interface ApiRequest<A extends ActionName = ActionName> {
  action: A
  payload: PayloadInputOf<A>
}

export function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(payloadSchemas, name)
}
