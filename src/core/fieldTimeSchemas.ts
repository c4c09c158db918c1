// Payload schemas of field.start and field.end (see contract.ts). No location is ever taken: a session
// is a start, an end and, if the worker names it, the 小区 it was in (no GPS).
import * as v from 'valibot'
import { cleaned } from './cleanText'

/** Longest 小区 name a session may be tagged with. */
export const FIELD_GRID_MAX = 30

/** An ISO 8601 moment with its offset, as `Date.prototype.toISOString()` writes it. */
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

export const fieldStartPayload = v.object({
  grid: v.optional(
    v.pipe(v.string('小区名称格式不对'), cleaned, v.maxLength(FIELD_GRID_MAX, `小区名称最多 ${FIELD_GRID_MAX} 个字`)),
  ),
})

/** `endedAt`: when the worker actually left the grid, for a session they forgot to end; default now. */
export const fieldEndPayload = v.object({
  endedAt: v.optional(
    v.pipe(
      v.string('结束时间格式不对'),
      v.check((s) => ISO_MOMENT.test(s) && !Number.isNaN(Date.parse(s)), '结束时间格式不对，请重新填写'),
    ),
  ),
})
