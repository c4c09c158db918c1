// Payloads and results of the bad-review loop's actions (差评回访整改); spread into contract.ts.
import * as v from 'valibot'
import { cleaned } from './cleanText'
import { CASE_NOTE_MAX, CASE_NOTE_MIN, CASE_OUTCOME_MAX, CASE_VERDICTS, type CaseView, type RaterCaseView, type WorkerCaseView } from './cases'
import { idempotencyKey } from './payloadFields'
import { MOBILE_PATTERN } from './phone'

const caseId = v.pipe(v.string('差评编号缺失，请刷新页面后重试'), v.minLength(1, '差评编号缺失，请刷新页面后重试'), v.maxLength(64, '差评编号格式不对'))
const scopeId = (message: string) => v.optional(v.pipe(v.string(message), v.trim(), v.minLength(1, message), v.maxLength(64, message)))

export const casePayloads = {
  /** Community admins: their own community; sub-district staff: their own sub-district; the bureau: the one named, or all. */
  'case.list': v.object({
    subdistrictId: scopeId('街道编号格式不对'),
    communityId: scopeId('社区编号格式不对'),
  }),
  'case.get': v.object({ caseId }),
  /** The call-back (回访): reached or not (无法联系), and what came of it. */
  'case.callback': v.object({
    caseId,
    reached: v.boolean('请选择是否联系上评价人'),
    outcome: v.pipe(
      v.string('请填写回访情况'),
      cleaned,
      v.minLength(2, '请填写回访情况，至少 2 个字'),
      v.maxLength(CASE_OUTCOME_MAX, `回访情况最多 ${CASE_OUTCOME_MAX} 个字，请删减后再提交`),
    ),
    idempotencyKey,
  }),
  /** The rectification (整改), after the call-back. */
  'case.rectify': v.object({
    caseId,
    note: v.pipe(
      v.string('请填写整改情况'),
      cleaned,
      v.minLength(CASE_NOTE_MIN, `请写清整改了什么，至少 ${CASE_NOTE_MIN} 个字`),
      v.maxLength(CASE_NOTE_MAX, `整改情况最多 ${CASE_NOTE_MAX} 个字，请删减后再提交`),
    ),
    idempotencyKey,
  }),
  /** The rater's own cases: the home notice. */
  'case.mine': v.object({}),
  /** The rater's verdict on the rectification, once. */
  'case.confirm': v.object({
    caseId,
    verdict: v.picklist(CASE_VERDICTS, '请选择：满意、基本满意或不满意'),
    idempotencyKey,
  }),
  /** The rater, after a level 1-2: a phone number for the call-back, or none wanted. Once. */
  'case.contact': v.object({
    caseId,
    phone: v.optional(v.pipe(v.string('手机号格式不对'), v.trim(), v.regex(MOBILE_PATTERN, '请填写 11 位手机号'))),
    none: v.optional(v.literal(true, '请选择是否需要回访')),
  }),
  /** A worker's cases about them: no rater data at all. */
  'case.worker': v.object({}),
} as const satisfies Record<string, v.GenericSchema>

export interface CaseResults {
  'case.list': { cases: CaseView[]; today: string }
  'case.get': CaseView
  'case.callback': CaseView
  'case.rectify': CaseView
  'case.mine': { cases: RaterCaseView[] }
  'case.confirm': RaterCaseView
  'case.contact': RaterCaseView
  /** `today`: the server's China date, which the home notice reads withdrawn cases against (not the phone's clock). */
  'case.worker': { cases: WorkerCaseView[]; today: string }
}
