// Payload schema of visit.log (see contract.ts): the kind of service, and optionally where and a short
// note, as a worker enters them on the spot.
import * as v from 'valibot'
import { cleaned } from './cleanText'
import { VISIT_NOTE_MAX, VISIT_PLACE_MAX, VISIT_TYPES } from './visits'

export const visitLogPayload = v.object({
  type: v.picklist(VISIT_TYPES, `请选择服务类型：${VISIT_TYPES.join('、')}`),
  place: v.optional(
    v.pipe(v.string('地点格式不对'), cleaned, v.maxLength(VISIT_PLACE_MAX, `小区/楼栋最多 ${VISIT_PLACE_MAX} 个字`)),
  ),
  note: v.optional(
    v.pipe(v.string('备注格式不对'), cleaned, v.maxLength(VISIT_NOTE_MAX, `备注最多 ${VISIT_NOTE_MAX} 个字，请删减后再提交`)),
  ),
})
