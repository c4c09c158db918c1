import { useMemo, type CSSProperties } from 'react'
import { device } from '../platform/device'

/**
 * Follows the user's WeChat font size (DESIGN section 8): the page root gets `--font-scale`, which the
 * stylesheets multiply their main text sizes by. Capped so that 关怀模式 (about 1.4x) still fits the layout.
 */
export function useFontScaleStyle(): CSSProperties {
  return useMemo(() => {
    const scale = Math.min(Math.max(device.fontScale(), 1), 1.5)
    const style: Record<string, string> = { '--font-scale': String(scale) }
    return style
  }, [])
}
