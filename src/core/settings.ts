// Settings of DESIGN section 3, their defaults, and the validation run whenever the bureau saves them.
// Every error message names the setting by its English key and its Chinese meaning, so both the
// clerk and the developer reading a log know which field to fix.
import * as v from 'valibot'
import { ApiError } from './errors'
import { isCalendarDate } from './periods'
import { DEFAULT_SHEET_CRITERIA, criteriaProblem } from './sheets'
import type { SheetCriterion, Settings } from './types'

export const DEFAULT_SETTINGS: Settings = {
  // the 3 of 3456: residents, service recipients, the sub-district
  weights: { residents: 0.4, recipients: 0.3, subdistrict: 0.3 },
  levelPoints: [0, 20, 60, 80, 100],
  priorWeight: 5,
  minResidents: 5,
  minRecipients: 3,
  excellentMin: 90,
  // the pilot's half-year report: 6 of 30 workers 优秀
  excellentQuota: 0.2,
  // the 6 of 3456: daily assessment >= 60% of the annual one
  dailyShare: 0.6,
  // the 5 of 3456: >= 50% of working time in the grid (the province later asked for 2/3)
  gridTimeTarget: 0.5,
  workMinutesPerDay: 480,
  holidays: [],
  makeupWorkdays: [],
  feedbackWindowDays: 7,
  sheetCriteria: DEFAULT_SHEET_CRITERIA,
  rateLimitPerMinute: 10,
  rateLimitPerDay: 30,
  // a worker's visits a day: a full day of short visits stays under it; a flood of self-made visits does not
  visitsPerDay: 30,
  // 差评回访 within 1 working day, 整改 within 15 (the 好差评 system's deadlines)
  callbackWorkingDays: 1,
  rectifyWorkingDays: 15,
  appealDays: 10,
}

/** The shortest feedback window a setting allows: a visit younger than this is open whatever is saved. */
export const FEEDBACK_WINDOW_MIN_DAYS = 1
/** The longest: no visit older than this can take feedback, whatever is saved. */
export const FEEDBACK_WINDOW_MAX_DAYS = 90

export const SETTING_LABELS: Record<keyof Settings, string> = {
  weights: '三方权重',
  levelPoints: '各等级分值',
  priorWeight: '先验权重',
  minResidents: '居民评价最少条数',
  minRecipients: '服务对象评价最少条数',
  excellentMin: '优秀最低分',
  excellentQuota: '优秀比例上限',
  dailyShare: '日常考核占比',
  gridTimeTarget: '网格工作时间目标',
  workMinutesPerDay: '每个工作日分钟数',
  holidays: '节假日',
  makeupWorkdays: '调休上班日',
  feedbackWindowDays: '服务对象评价期限',
  sheetCriteria: '评分表评分项',
  rateLimitPerMinute: '每人每分钟最多提交',
  rateLimitPerDay: '每人每天最多提交',
  visitsPerDay: '每位工作者每天最多登记服务',
  callbackWorkingDays: '差评回访期限（工作日）',
  rectifyWorkingDays: '差评整改期限（工作日）',
  appealDays: '申诉期限（天）',
}

/** "weights（三方权重）" — how every message names a field. */
function named(field: keyof Settings): string {
  return `${field}（${SETTING_LABELS[field]}）`
}

/** Weights must add up to 1; the tolerance only absorbs binary float error (0.1 + 0.2 + 0.7). */
const WEIGHT_SUM_TOLERANCE = 1e-9

function numberBetween(message: string, min: number, max: number) {
  return v.pipe(v.number(message), v.finite(message), v.minValue(min, message), v.maxValue(max, message))
}

function integerBetween(message: string, min: number, max: number) {
  return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message))
}

function dateList(field: 'holidays' | 'makeupWorkdays') {
  const listMessage = `${named(field)}必须是日期列表，日期写成 2026-10-01 这样的形式`
  return v.array(
    v.pipe(
      v.string(listMessage),
      v.check((s: string) => isCalendarDate(s), (issue) => `${named(field)}中的 ${String(issue.input)} 不是有效日期，应写成 2026-10-01 这样的形式`),
    ),
    listMessage,
  )
}

const weight = (party: string) => numberBetween(`${named('weights')}中的${party}权重必须是 0 到 1 之间的数`, 0, 1)

const criteriaMessage = `${named('sheetCriteria')}必须是评分项列表，每项有名称和分值`
/** 1..8 criteria, names unique and at most 10 characters, whole weights (full marks) summing to 100. */
const sheetCriteriaSchema = v.pipe(
  v.array(v.object({ name: v.pipe(v.string(criteriaMessage), v.trim()), weight: v.number(criteriaMessage) }, criteriaMessage), criteriaMessage),
  v.check(
    (criteria: SheetCriterion[]) => criteriaProblem(criteria) === null,
    (issue) => `${named('sheetCriteria')}：${criteriaProblem(issue.input as SheetCriterion[]) ?? ''}`,
  ),
)

const point = numberBetween(`${named('levelPoints')}每一项都必须是 0 到 100 之间的数`, 0, 100)

const settingsSchema = v.pipe(
  v.object(
    {
      weights: v.pipe(
        v.object(
          { residents: weight('居民'), recipients: weight('服务对象'), subdistrict: weight('街道') },
          `${named('weights')}必须包含 residents、recipients、subdistrict 三项`,
        ),
        v.check(
          (w) => Math.abs(w.residents + w.recipients + w.subdistrict - 1) <= WEIGHT_SUM_TOLERANCE,
          `${named('weights')}之和必须等于 1`,
        ),
      ),
      levelPoints: v.pipe(
        v.array(point, `${named('levelPoints')}必须是 5 个数，依次对应 1 到 5 级`),
        v.length(5, `${named('levelPoints')}必须是 5 个数，依次对应 1 到 5 级`),
        v.check((p) => p.every((x, i) => i === 0 || x > p[i - 1]), `${named('levelPoints')}必须从 1 级到 5 级严格递增`),
        v.transform((p) => p as Settings['levelPoints']),
      ),
      priorWeight: numberBetween(`${named('priorWeight')}必须是不小于 0 的数`, 0, Number.MAX_VALUE),
      minResidents: integerBetween(`${named('minResidents')}必须是不小于 0 的整数`, 0, Number.MAX_SAFE_INTEGER),
      minRecipients: integerBetween(`${named('minRecipients')}必须是不小于 0 的整数`, 0, Number.MAX_SAFE_INTEGER),
      excellentMin: numberBetween(`${named('excellentMin')}必须在 0 到 100 之间`, 0, 100),
      excellentQuota: numberBetween(`${named('excellentQuota')}必须在 0 到 1 之间`, 0, 1),
      dailyShare: numberBetween(`${named('dailyShare')}必须在 0.6 到 1 之间（日常考核至少占年度考核的 60%）`, 0.6, 1),
      gridTimeTarget: v.pipe(
        numberBetween(`${named('gridTimeTarget')}必须大于 0 且不超过 1`, 0, 1),
        v.gtValue(0, `${named('gridTimeTarget')}必须大于 0 且不超过 1`),
      ),
      workMinutesPerDay: integerBetween(`${named('workMinutesPerDay')}必须是 1 到 1440 之间的整数`, 1, 1440),
      holidays: dateList('holidays'),
      makeupWorkdays: dateList('makeupWorkdays'),
      feedbackWindowDays: integerBetween(`${named('feedbackWindowDays')}必须是 ${FEEDBACK_WINDOW_MIN_DAYS} 到 ${FEEDBACK_WINDOW_MAX_DAYS} 之间的整数`, FEEDBACK_WINDOW_MIN_DAYS, FEEDBACK_WINDOW_MAX_DAYS),
      // Settings saved before the scoring sheet existed have none: the default criteria.
      sheetCriteria: v.optional(sheetCriteriaSchema, DEFAULT_SHEET_CRITERIA),
      // Settings saved before these existed have none of them: the defaults.
      rateLimitPerMinute: v.optional(integerBetween(`${named('rateLimitPerMinute')}必须是 1 到 1000 之间的整数`, 1, 1000), DEFAULT_SETTINGS.rateLimitPerMinute),
      rateLimitPerDay: v.optional(integerBetween(`${named('rateLimitPerDay')}必须是 1 到 10000 之间的整数`, 1, 10000), DEFAULT_SETTINGS.rateLimitPerDay),
      // Settings saved before the visit limit have none: the default.
      visitsPerDay: v.optional(integerBetween(`${named('visitsPerDay')}必须是 1 到 500 之间的整数`, 1, 500), DEFAULT_SETTINGS.visitsPerDay),
      callbackWorkingDays: v.optional(integerBetween(`${named('callbackWorkingDays')}必须是 1 到 30 之间的整数`, 1, 30), DEFAULT_SETTINGS.callbackWorkingDays),
      rectifyWorkingDays: v.optional(integerBetween(`${named('rectifyWorkingDays')}必须是 1 到 90 之间的整数`, 1, 90), DEFAULT_SETTINGS.rectifyWorkingDays),
      appealDays: v.optional(integerBetween(`${named('appealDays')}必须是 1 到 90 之间的整数`, 1, 90), DEFAULT_SETTINGS.appealDays),
    },
    (issue) => {
      // A missing key is reported against the object, with the key in the issue's path.
      const key = issue.path?.[0]?.key
      return typeof key === 'string' && key in SETTING_LABELS
        ? `缺少 ${named(key as keyof Settings)}，请填写`
        : '设置必须是一个对象'
    },
  ),
  // A day cannot be both off and a make-up workday; saying both is a typo worth catching.
  v.forward(
    v.check(
      (s) => !s.holidays.some((d) => s.makeupWorkdays.includes(d)),
      (issue) => {
        const s = issue.input as Settings
        const both = s.holidays.filter((d) => s.makeupWorkdays.includes(d))
        return `${both.join('、')} 不能既在 ${named('holidays')}中又在 ${named('makeupWorkdays')}中`
      },
    ),
    ['makeupWorkdays'],
  ),
)

/** The setting an issue is about: the first key of its path, when it names a setting. */
function fieldOf(issue: v.BaseIssue<unknown>): keyof Settings | undefined {
  const key = issue.path?.[0]?.key
  return typeof key === 'string' && key in SETTING_LABELS ? (key as keyof Settings) : undefined
}

/**
 * Parses settings as saved by the bureau; throws INVALID_INPUT listing every problem found, its `field`
 * the setting of the first one (the page marks that field).
 */
export function validateSettings(input: unknown): Settings {
  const result = v.safeParse(settingsSchema, input)
  if (result.success) return result.output
  const messages = Array.from(new Set(result.issues.map((issue) => issue.message)))
  throw new ApiError('INVALID_INPUT', messages.join('；'), fieldOf(result.issues[0]))
}
