// Payload fields shared by the action tables (contract.ts and the feature tables it spreads):
// one validator per kind of field, so a worker code or a score is checked the same way everywhere.
import * as v from 'valibot'
import { cleaned } from './cleanText'

/** Characters wxacode.getUnlimited allows in `scene` (<= 32 visible chars); a worker code must fit in one. */
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

/**
 * A worker code (工号): the `_id` of its `workers` document and the scene of its code, so only what is
 * safe in both — no `/` or `#` that a path, a URL or a console search would read as a separator.
 */
export const WORKER_CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/

export const COMMENT_MAX = 200

export const workerCode = v.pipe(
  v.string('请提供工作者编号'),
  v.trim(),
  v.regex(WORKER_CODE_PATTERN, '工作者编号格式不对，请重新扫码'),
)

export const level = v.pipe(
  v.number('请选择满意程度（1 到 5）'),
  v.integer('满意程度只能是 1 到 5 的整数'),
  v.minValue(1, '满意程度只能是 1 到 5 的整数'),
  v.maxValue(5, '满意程度只能是 1 到 5 的整数'),
)

/**
 * Required: every submit carries one (trust rule 4), made once per user intent (a tap of 提交)
 * and reused when that same submission is retried, so a retry returns the first result instead of
 * writing again.
 */
export const idempotencyKey = v.pipe(
  v.string('请求编号缺失，请刷新页面后重新提交'),
  v.minLength(8, '请求编号格式不对'),
  v.maxLength(64, '请求编号格式不对'),
)

/** A free-text comment of a rating or a feedback; moderated before anyone else sees it (trust rule 6). */
export const comment = v.optional(
  v.pipe(v.string('留言格式不对'), cleaned, v.maxLength(COMMENT_MAX, `留言最多 ${COMMENT_MAX} 个字，请删减后再提交`)),
)

/** A service visit's code, the `scene` of the code the person served scans (一次一评). */
export const visitCode = v.pipe(v.string('请提供服务编号'), v.trim(), v.regex(SCENE_PATTERN, '服务编号格式不对，请重新扫码'))

/** Period keys: `YYYY-MM`, `YYYY-H1`, `YYYY-H2`, `YYYY` (DESIGN section 3). */
export const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])|-H[12])?$/

export const period = v.pipe(
  v.string('请选择考核期'),
  v.regex(PERIOD_PATTERN, '考核期格式不对，应为 2026-03、2026-H1 或 2026 这样的形式'),
)

/** An invite's code, the `scene` of the code a worker scans to bind their WeChat. */
export const inviteCode = v.pipe(v.string('请提供邀请码'), v.trim(), v.regex(SCENE_PATTERN, '邀请码格式不对，请重新扫码'))

/**
 * At most one decimal (DESIGN section 3: 0, 0.1, …, 100), so that every decision on scores can be
 * exact. A whole number of tenths within representation error passes (0.1 + 0.2, which is
 * 0.30000000000000004, is 0.3); 88.25 and 88.35000001 do not.
 */
export function hasAtMostOneDecimal(x: number): boolean {
  const tenths = x * 10
  return Math.abs(tenths - Math.round(tenths)) <= Number.EPSILON * Math.max(1, Math.abs(tenths)) * 4
}

export const score = v.pipe(
  v.number('请填写 0 到 100 之间的分数'),
  v.finite('请填写 0 到 100 之间的分数'),
  v.minValue(0, '分数不能低于 0'),
  v.maxValue(100, '分数不能高于 100'),
  v.check(hasAtMostOneDecimal, '分数最多保留一位小数，例如 88.5'),
  // stored as the plain decimal: 0.1 + 0.2 arrives as 0.30000000000000004 and is kept as 0.3
  v.transform((x) => Math.round(x * 10) / 10),
)

