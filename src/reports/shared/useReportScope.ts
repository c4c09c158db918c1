import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import type { PayloadInputOf } from '../../core/contract'
import { isPeriod } from '../../core/periods'
import { latestClosedPeriod, reportKindOf } from '../../core/reportBuild'
import type { ReportKind } from '../../core/reports'
import { decodeOption } from '../../routes'
import { useSession } from '../../hooks/useSession'

/** The demo sub-district; the bureau reads it until it names another. */
const DEFAULT_SUBDISTRICT = 'fushan'

/**
 * What the report page shows: the tab (kind), its period (each tab remembers its own, opening on the
 * latest closed one), the community filter, and for the bureau the sub-district. Sub-district staff never
 * name one: the server knows theirs.
 */
export function useReportScope() {
  const { params } = useRouter()
  const fromRoute = decodeOption(params.period)
  const routePeriod = fromRoute !== null && isPeriod(fromRoute) ? fromRoute : null
  const [kind, setKind] = useState<ReportKind>(() => (routePeriod === null ? 'halfyear' : reportKindOf(routePeriod)))
  const [periods, setPeriods] = useState<Record<ReportKind, string>>(() => {
    const now = new Date()
    const opened = { month: latestClosedPeriod('month', now), halfyear: latestClosedPeriod('halfyear', now), year: latestClosedPeriod('year', now) }
    return routePeriod === null ? opened : { ...opened, [reportKindOf(routePeriod)]: routePeriod }
  })
  const [communityId, setCommunityId] = useState<string | null>(null)
  const { session, error, reload, isBureau } = useSession()
  const [typed, setSubdistrictInput] = useState<string | null>(null)
  const subdistrictInput = typed ?? (isBureau ? DEFAULT_SUBDISTRICT : '')
  const subdistrictId = isBureau && subdistrictInput.trim() !== '' ? subdistrictInput.trim() : null
  const period = periods[kind]

  const payload: PayloadInputOf<'report.get'> | null =
    session === null || (isBureau && subdistrictId === null)
      ? null
      : { kind, period, ...(subdistrictId === null ? {} : { subdistrictId }), ...(communityId === null ? {} : { communityId }) }

  return {
    kind,
    setKind,
    period,
    setPeriod: (next: string) => setPeriods((all) => ({ ...all, [kind]: next })),
    communityId,
    setCommunityId,
    isBureau,
    subdistrictInput,
    /** Another sub-district's communities are not this one's: the filter starts over. */
    setSubdistrictInput: (value: string) => {
      setSubdistrictInput(value)
      setCommunityId(null)
    },
    sessionError: error,
    retrySession: reload,
    /** null: nothing to load yet (who the caller is not known, or the bureau has named no sub-district). */
    payload,
  }
}
