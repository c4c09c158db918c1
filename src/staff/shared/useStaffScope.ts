import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { isPeriod, monthOf } from '../../core/periods'
import { useDevIdentity } from '../../hooks/useDevIdentity'
import { decodeOption } from '../../hooks/routes'

/** The demo sub-district; the bureau reads it unless told otherwise. */
const DEFAULT_SUBDISTRICT = 'fushan'

/**
 * Which period and sub-district a staff page shows. Sub-district staff always see their own
 * (the server decides which); the bureau, or a caller whose role the app cannot know, may name one.
 */
export function useStaffScope() {
  const { params } = useRouter()
  const fromRoute = decodeOption(params.period)
  const [period, setPeriod] = useState(() => (fromRoute && isPeriod(fromRoute) ? fromRoute : monthOf(new Date())))
  const { identity } = useDevIdentity()
  const isBureau = identity?.role === 'bureau'
  const canChooseSubdistrict = identity === null || isBureau
  const [subdistrictInput, setSubdistrictInput] = useState(identity?.role === 'bureau' ? DEFAULT_SUBDISTRICT : '')
  const subdistrictId = canChooseSubdistrict && subdistrictInput.trim() !== '' ? subdistrictInput.trim() : null
  return { period, setPeriod, isBureau, canChooseSubdistrict, subdistrictInput, setSubdistrictInput, subdistrictId }
}
