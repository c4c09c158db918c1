// Payloads and results of the service hall (便民服务大厅): the duty rota (值班表) with its groups (编组)
// and AB posts (AB岗), the hall's own scannable code, and the feedback of the people served at the
// window; spread into contract.ts. The rules themselves: hallRota.ts (the rota), hallHours.ts (duty hours).
import * as v from 'valibot'
import { comment, idempotencyKey, level, SCENE_PATTERN, workerCode } from './payloadFields'

/** Most workers a day the hall may be staffed with; a community has tens of workers, not hundreds. */
export const HALL_STAFFING_MAX = 10
/** Most groups (编组) and AB pairs a rota may name: one per worker at most, and a community has < 60. */
export const HALL_GROUPS_MAX = 60

/** A community's id as the server made it (picked from a list, never typed). */
const communityId = v.pipe(v.string('社区编号格式不对'), v.trim(), v.minLength(1, '请选择社区'), v.maxLength(64, '社区编号格式不对'))

/** A calendar month, `YYYY-MM`: a rota is one community's month. */
const month = v.pipe(v.string('请选择月份'), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式不对，应为 2026-10 这样的形式'))

/** A China calendar date, `YYYY-MM-DD`, of the rota's month. */
const date = v.pipe(v.string('请选择日期'), v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式不对，应为 2026-10-12 这样的形式'))

/** The `scene` of the hall's code (hall.qrcode), as the poster at the counter carries it. */
export const hallCode = v.pipe(v.string('请提供大厅编号'), v.trim(), v.regex(SCENE_PATTERN, '大厅编号格式不对，请重新扫码'))

const staffing = v.pipe(
  v.number(`请填写每天值班人数（1 到 ${HALL_STAFFING_MAX}）`),
  v.integer('每天值班人数只能是整数'),
  v.minValue(1, '每天至少 1 人值班'),
  v.maxValue(HALL_STAFFING_MAX, `每天最多 ${HALL_STAFFING_MAX} 人值班`),
)

const group = v.pipe(v.array(workerCode, '编组格式不对'), v.minLength(1, '每个编组至少要有 1 人'), v.maxLength(HALL_GROUPS_MAX, '编组人数太多'))

/** B covers A's window post (AB岗): when A cannot sit at the window, B takes it. */
const pair = v.object({ a: workerCode, b: workerCode })

export const hallPayloads = {
  /**
   * The rota of one month. `communityId`: a community admin's own community is used (naming another is
   * 403); sub-district staff name one of their sub-district's communities, the bureau any one.
   */
  'hall.rota.get': v.object({ communityId: v.optional(communityId), period: month }),
  /**
   * Generates (or regenerates) a month's rota over its working days, from the staffing, the groups and
   * the AB pairs given; these are kept with the rota, so the next month starts from them. Only the
   * community's own admin; only the current month and later. Regenerating replaces every day from
   * today on (days already past keep who was on duty).
   */
  'hall.rota.generate': v.object({
    period: month,
    /** Workers on duty each working day (4 in 银泉). */
    staffing,
    /**
     * 编组: every worker in post of the community, each in exactly one group; the rotation walks the
     * groups in this order, their members in their order, a day taking the next `staffing` workers.
     */
    groups: v.pipe(v.array(group, '编组格式不对'), v.minLength(1, '请至少编一个组'), v.maxLength(HALL_GROUPS_MAX, '编组太多')),
    /** AB岗: each worker is in at most one pair; a pair's A and B are never on duty on the same day. */
    pairs: v.pipe(v.array(pair, 'AB岗格式不对'), v.maxLength(HALL_GROUPS_MAX, 'AB岗太多')),
    idempotencyKey,
  }),
  /**
   * One edit of a generated rota: a day's workers set anew, or two workers swapped between two days.
   * `version`: the rota's version the admin edited (HallRota.version); a rota changed since is 409.
   * Refused (400, in Chinese, naming who and which day) when a day would not have `staffing` distinct
   * workers in post, a worker would be on duty twice a day, or a post would be left without its A or B
   * (a pair's A and B on duty the same day). Only the community's own admin; days of the current month on.
   */
  'hall.rota.save': v.object({
    period: month,
    version: v.pipe(v.number('值班表版本缺失，请刷新后再改'), v.integer('值班表版本格式不对'), v.minValue(1, '值班表版本格式不对')),
    change: v.variant(
      'kind',
      [
        /** The day's on-duty workers, in window order. */
        v.object({ kind: v.literal('day'), date, workerCodes: v.pipe(v.array(workerCode, '值班人员格式不对'), v.maxLength(HALL_STAFFING_MAX, `每天最多 ${HALL_STAFFING_MAX} 人值班`)) }),
        /** `first.workerCode` (on duty on `first.date`) and `second.workerCode` (on `second.date`) change places. */
        v.object({
          kind: v.literal('swap'),
          first: v.object({ date, workerCode }),
          second: v.object({ date, workerCode }),
        }),
      ],
      '请选择要调整的一天，或要对调的两个人',
    ),
    idempotencyKey,
  }),
  /**
   * The hall's code image for the counter's poster: a mini-program code of pages/hall/index with
   * scene = hallCode (locally a QR PNG of the h5 page), made once and kept. Community admins their own
   * hall; sub-district staff and the bureau name the community.
   */
  'hall.qrcode': v.object({ communityId: v.optional(communityId) }),
  /** Public: what a resident who scanned the hall's code sees (pages/hall/index reads `scene` = hallCode). */
  'hall.card': v.object({ hallCode }),
  /**
   * A person served at the window rates the worker on duty who served them (服务对象, party S). Counted
   * under the one-person-counts-once rule of visits; only for a worker on duty today at that hall, within
   * duty hours. One feedback per person, worker and day (409 for a second).
   */
  'hall.feedback': v.object({ hallCode, workerCode, level, comment, idempotencyKey }),
} as const satisfies Record<string, v.GenericSchema>

/** A worker as the rota names them. */
export interface HallWorker {
  workerCode: string
  name: string
  /** Their post of the four-post catalogue (正职, 副职, 委员, 专职社区工作者). */
  post: string
}

/** One worker on duty on a day, with the B who covers their window post. */
export interface HallDuty {
  workerCode: string
  name: string
  /** Their B (AB岗): who covers their window if they cannot sit at it; null when they have none. */
  backup: { workerCode: string; name: string } | null
}

export interface HallDay {
  /** `YYYY-MM-DD`, China calendar. */
  date: string
  /** Whether the day is a working day (the settings' holidays and make-up days); other days have no duties. */
  working: boolean
  /** Who is on duty, in window order (一号窗 first); empty on days that are not working days. */
  duties: HallDuty[]
}

/** A worker's hall days in the month (from the rota, whole days). */
export interface HallWorkerDays extends HallWorker {
  hallDays: number
  /** Their group's number (1-based, as HallRotaSetup.groups orders them); null when in none. */
  group: number | null
}

/** What a rota is generated from; kept with it, so the next month starts from the same. */
export interface HallRotaSetup {
  staffing: number
  /** Worker codes per group (编组), in rotation order. */
  groups: string[][]
  /** AB岗: `b` covers `a`'s window post. */
  pairs: Array<{ a: string; b: string }>
}

export interface HallRota extends HallRotaSetup {
  /** Every change makes the next version; hall.rota.save names the version it edited. */
  version: number
  /** Every day of the month, the 1st first, working or not. */
  days: HallDay[]
  /** Every worker in the rota's groups with their hall days this month, most first, then by worker code. */
  workerDays: HallWorkerDays[]
  /** Mean hall days per worker in the groups (unrounded): balanced rotas have everyone within one day of it. */
  meanHallDays: number
  /** When and by whom (a name) it last changed. */
  updatedAt: string
  updatedBy: string
}

export interface HallRotaView {
  communityId: string
  communityName: string
  period: string
  /** The community's workers in post, in worker-code order: whom groups and pairs may name. */
  workers: HallWorker[]
  /** The month's rota; null until it is generated. */
  rota: HallRota | null
  /**
   * What the generate form starts from: the rota's own setup, else the previous month's, else a
   * suggestion (4 a day, or fewer in a small community; groups of `staffing` in worker-code order; no pairs).
   */
  setup: HallRotaSetup
  /** The month's working days (`YYYY-MM-DD`), from the settings' holidays and make-up days. */
  workingDays: string[]
  /** The caller may generate and edit it: the community's own admin, for the current month or later. */
  editable: boolean
}

/** Why nobody can be rated at the hall right now (HallCard.closedBecause). */
export type HallClosedBecause = 'not-working-day' | 'no-rota' | 'outside-hours'

export interface HallCard {
  hallCode: string
  communityName: string
  /** Today's China date, `YYYY-MM-DD`. */
  date: string
  /** The duty hours in words, e.g. 工作日 8:30–12:00、14:30–17:30. */
  hours: string
  /** Whether the window is staffed now: a working day, the rota names workers today, within duty hours. */
  open: boolean
  /** Today's on-duty workers, in window order (also outside hours, so the page can say who is on today). */
  onDuty: HallWorker[]
  /** null while open; otherwise why, and `message` says it plainly. */
  closedBecause: HallClosedBecause | null
  /** A plain sentence for the resident when not open (e.g. 今天是休息日，大厅不值班); null while open. */
  message: string | null
}

export interface HallResults {
  'hall.rota.get': HallRotaView
  'hall.rota.generate': HallRotaView
  'hall.rota.save': HallRotaView
  /** `image`: a cloud file ID in the cloud, a `data:image/png` URL locally; `hallCode`: its scene. */
  'hall.qrcode': { hallCode: string; communityName: string; image: string }
  'hall.card': HallCard
  /** As feedback.submit: `feedbackId` names this feedback; `period` the China month it counts in. */
  'hall.feedback': { feedbackId: string; period: string }
}
