import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { isPeriod, monthOf } from '../../core/periods'
import { useSession } from '../../hooks/useSession'
import { decodeOption } from '../../routes'

/** The demo sub-district; the bureau reads it unless told otherwise. */
const DEFAULT_SUBDISTRICT = 'fushan'

/**
 * Which period and sub-district a staff page shows, by who the server says the caller is. Sub-district
 * staff always see their own (the server knows which); only the bureau names a sub-district.
 */
export function useStaffScope() {
  const { params } = useRouter()
  const fromRoute = decodeOption(params.period)
  const [period, setPeriod] = useState(() => (fromRoute && isPeriod(fromRoute) ? fromRoute : monthOf(new Date())))
  const { session, error, reload, isBureau, may } = useSession()
  const [typed, setSubdistrictInput] = useState<string | null>(null)
  const subdistrictInput = typed ?? (isBureau ? DEFAULT_SUBDISTRICT : '')
  const subdistrictId = isBureau && subdistrictInput.trim() !== '' ? subdistrictInput.trim() : null
  return {
    period,
    setPeriod,
    /** Who the caller is is known: the page may load what depends on it. */
    ready: session !== null,
    /** Who the caller is could not be found out (network, server). */
    sessionError: error,
    retrySession: reload,
    isBureau,
    canEnterScores: may('sheet.submit'),
    subdistrictInput,
    setSubdistrictInput,
    subdistrictId,
  }
}
