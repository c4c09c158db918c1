// The one typed contract between the mini-program and the cloud function `api`.
// Every payload is validated here at runtime, because a cloud function's event is whatever a client sent.
import * as v from 'valibot'
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

/** Characters wxacode.getUnlimited allows in `scene` (<= 32 visible chars); a worker code must fit in one. */
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

export const COMMENT_MAX = 200

const workerCode = v.pipe(
  v.string('请提供工作者编号'),
  v.trim(),
  v.regex(SCENE_PATTERN, '工作者编号格式不对，请重新扫码'),
)

const level = v.pipe(
  v.number('请选择满意程度（1 到 5）'),
  v.integer('满意程度只能是 1 到 5 的整数'),
  v.minValue(1, '满意程度只能是 1 到 5 的整数'),
  v.maxValue(5, '满意程度只能是 1 到 5 的整数'),
)

const idempotencyKey = v.optional(
  v.pipe(v.string('请求编号格式不对'), v.minLength(8, '请求编号格式不对'), v.maxLength(64, '请求编号格式不对')),
)

/** A free-text comment of a rating or a feedback; moderated before anyone else sees it (trust rule 6). */
const comment = v.optional(
  v.pipe(v.string('留言格式不对'), v.trim(), v.maxLength(COMMENT_MAX, `留言最多 ${COMMENT_MAX} 个字，请删减后再提交`)),
)

/** A service visit's code, the `scene` of the code the person served scans (issue 7, 一次一评). */
const visitCode = v.pipe(v.string('请提供服务编号'), v.trim(), v.regex(SCENE_PATTERN, '服务编号格式不对，请重新扫码'))

/** Period keys: `YYYY-MM`, `YYYY-H1`, `YYYY-H2`, `YYYY` (DESIGN section 3). */
export const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])|-H[12])?$/

const period = v.pipe(
  v.string('请选择考核期'),
  v.regex(PERIOD_PATTERN, '考核期格式不对，应为 2026-03、2026-H1 或 2026 这样的形式'),
)

/** An invite's code, the `scene` of the code a worker scans to bind their WeChat (issue 7). */
const inviteCode = v.pipe(v.string('请提供邀请码'), v.trim(), v.regex(SCENE_PATTERN, '邀请码格式不对，请重新扫码'))

/**
 * At most one decimal (DESIGN section 3: 0, 0.1, …, 100), so that every decision on scores can be
 * exact. A whole number of tenths within representation error passes (0.1 + 0.2, which is
 * 0.30000000000000004, is 0.3); 88.25 and 88.35000001 do not.
 */
function hasAtMostOneDecimal(x: number): boolean {
  const tenths = x * 10
  return Math.abs(tenths - Math.round(tenths)) <= Number.EPSILON * Math.max(1, Math.abs(tenths)) * 4
}

const score = v.pipe(
  v.number('请填写 0 到 100 之间的分数'),
  v.finite('请填写 0 到 100 之间的分数'),
  v.minValue(0, '分数不能低于 0'),
  v.maxValue(100, '分数不能高于 100'),
  v.check(hasAtMostOneDecimal, '分数最多保留一位小数，例如 88.5'),
  // stored as the plain decimal: 0.1 + 0.2 arrives as 0.30000000000000004 and is kept as 0.3
  v.transform((x) => Math.round(x * 10) / 10),
)

export const payloadSchemas = {
  'dev.identities': v.object({}),
  'session.me': v.object({}),
  'worker.card': v.object({ workerCode }),
  'rating.submit': v.object({ workerCode, level, comment, idempotencyKey }),
  'score.submit': v.object({ workerCode, period, score }),
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
} as const

export type ActionName = keyof typeof payloadSchemas

export type PayloadOf<A extends ActionName> = v.InferOutput<(typeof payloadSchemas)[A]>
/** What a client may send (before trimming and defaults). */
export type PayloadInputOf<A extends ActionName> = v.InferInput<(typeof payloadSchemas)[A]>

/** What each action returns in `data`. */
export interface ActionResults {
  'dev.identities': DevIdentity[]
  'session.me': Session
  'worker.card': WorkerCard
  'rating.submit': { ratingId: string; period: string; replaced: boolean }
  'score.submit': { period: string }
  'evaluation.get': { period: string; rows: EvaluationRow[] }
  /** `created`: the collections this run created (none on a second run); `demoLoaded`: the demo was loaded now. */
  'admin.setup': { created: string[]; demoLoaded: boolean }
  /** `image`: the invite's code (a cloud file ID in the cloud, a `data:image/png` URL locally). */
  'invite.create': { inviteCode: string; expiresAt: string; image: string }
  'invite.card': InviteCard
  'invite.accept': { role: 'worker'; workerCode: string }
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
