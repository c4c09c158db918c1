// evaluation.get: the three-party evaluation of one sub-district for a period.
// Sub-district staff see their own sub-district; the bureau picks any one. A closed period reads its
// nightly snapshot when there is one (issue 8, item 4); months, half-years and years alike.
import { ApiError } from '../../../../src/core/errors'
import { EVALUATION_READERS } from '../../../../src/core/roles'
import type { Caller, Handler } from '../context'
import { forbidden, requireRole } from '../dispatch'
import { evaluationRowsFor } from '../domain/evaluations'
import type { Store } from '../store'

export const evaluationGet: Handler<'evaluation.get'> = async ({ period, subdistrictId }, ctx) => {
  const scope = await scopeOf(ctx.caller, ctx.store, subdistrictId)
  return { period, rows: await evaluationRowsFor(ctx.store, scope, period, ctx.now) }
}

/** The sub-district the caller may read. */
async function scopeOf(caller: Caller, store: Store, requested: string | undefined): Promise<string> {
  const staff = requireRole(caller, ...EVALUATION_READERS)
  if (staff.role === 'subdistrict') {
    if (staff.subdistrictId === undefined) throw forbidden()
    if (requested !== undefined && requested !== staff.subdistrictId) throw forbidden()
    return staff.subdistrictId
  }
  if (requested === undefined) throw new ApiError('INVALID_INPUT', '请选择街道')
  const subdistrict = await store.getSubdistrict(requested)
  if (subdistrict === null) throw new ApiError('NOT_FOUND', '没有找到这个街道')
  return subdistrict.id
}
