// evaluation.get: the three-party evaluation of one sub-district for a period.
// Sub-district staff see their own sub-district; the bureau picks any one. A closed period reads its
// nightly snapshot when there is one; months, half-years and years alike.
import { ApiError } from '@core/errors'
import { isProvisional } from '@core/provisional'
import type { Handler, Staff } from '../context'
import { staffScope, subdistrictOf } from '../access/staffScope'
import { evaluationRowsFor } from './evaluations'
import type { Store } from '../store'

export const evaluationGet: Handler<'evaluation.get'> = async ({ period, subdistrictId }, ctx) => {
  const scope = await scopeOf(ctx.caller, ctx.store, subdistrictId)
  return { period, rows: await evaluationRowsFor(ctx.store, scope, period, ctx.now), provisional: isProvisional(period, ctx.now) }
}

/** The sub-district the caller may read. */
async function scopeOf(caller: Staff, store: Store, requested: string | undefined): Promise<string> {
  const scope = staffScope(caller)
  if (scope.subdistrictId !== null) return subdistrictOf(scope, requested)
  const subdistrict = await store.getSubdistrict(subdistrictOf(scope, requested))
  if (subdistrict === null) throw new ApiError('NOT_FOUND', '没有找到这个街道')
  return subdistrict.id
}
