// report.get: the monthly ranking, the half-year report (like the pilot's) or the
// annual assessment of a sub-district or one of its communities, with the settings version it used.
// Sub-district staff read their own sub-district, the bureau any (domain/reportScope.ts); a closed
// period reads its nightly snapshot (domain/evaluations.ts). The builder is shared with report.export.
import type { Handler } from '../context'
import { buildReport } from './reports'

export const reportGet: Handler<'report.get'> = (payload, ctx) => buildReport(payload, ctx)
