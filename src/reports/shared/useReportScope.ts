import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import type { PayloadInputOf } from '../../core/contract'
import { isPeriod } from '../../core/periods'
import { latestClosedPeriod, reportKindOf } from '../../core/reportBuild'
import type { ReportKind } from '../../core/reports'
import { decodeOption } from '../../routes'
import { useSession } from '../../hooks/useSession'

/** The demo sub-district; the bureau reads it until it names another (or opens one from the city view). */
const DEFAULT_SUBDISTRICT = 'fushan'

/**
 * The tab (kind) and its period: each tab remembers its own, opening on the latest closed one; a `period`
 * route option opens its own tab on it.
 */
export function useReportPeriod() {
  const { params } = useRouter()
  const fromRoute = decodeOption(params.period)
  const routePeriod = fromRoute !== null && isPeriod(fromRoute) ? fromRoute : null
  const [kind, setKind] = useState<ReportKind>(() => (routePeriod === null ? 'halfyear' : reportKindOf(routePeriod)))
  const [periods, setPeriods] = useState<Record<ReportKind, string>>(() => {
    const now = new Date()
    const opened = { month: latestClosedPeriod('month', now), halfyear: latestClosedPeriod('halfyear', now), year: latestClosedPeriod('year', now) }
    return routePeriod === null ? opened : { ...opened, [reportKindOf(routePeriod)]: routePeriod }
  })
  return {
    kind,
    setKind,
    period: periods[kind],
    setPeriod: (next: string) => setPeriods((all) => ({ ...all, [kind]: next })),
  }
}

/**
 * What the report page shows: the tab and its period, the community filter, and for the bureau the
 * sub-district (the one the city view opened it on, if any). Sub-district staff never name one: the
 * server knows theirs.
 */
export function useReportScope() {
  const { params } = useRouter()
  const { kind, setKind, period, setPeriod } = useReportPeriod()
  const [communityId, setCommunityId] = useState<string | null>(null)
  const { session, error, reload, isBureau } = useSession()
  const [typed, setSubdistrictInput] = useState<string | null>(null)
  const subdistrictInput = typed ?? (isBureau ? decodeOption(params.subdistrictId) ?? DEFAULT_SUBDISTRICT : '')
  const subdistrictId = isBureau && subdistrictInput.trim() !== '' ? subdistrictInput.trim() : null

  const payload: PayloadInputOf<'report.get'> | null =
    session === null || (isBureau && subdistrictId === null)
      ? null
      : { kind, period, ...(subdistrictId === null ? {} : { subdistrictId }), ...(communityId === null ? {} : { communityId }) }

  return {
    kind,
    setKind,
    period,
    setPeriod,
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
