import { SCENE_PATTERN } from '../core/contract'

/** Which of our codes a scan read: a worker's (rate them), a visit's (rate that visit), a hall's (rate who served) or an invite. */
export interface ScanTarget {
  kind: 'worker' | 'visit' | 'hall' | 'invite'
  /** The code's `scene`, URI-decoded. */
  scene: string
}

/** The page each kind of code opens (what wxacode.getUnlimited was asked for). */
const KIND_OF_PAGE: Record<string, ScanTarget['kind']> = {
  'pages/rate/index': 'worker',
  'pages/feedback/index': 'visit',
  'pages/hall/index': 'hall',
  'worker/invite/index': 'invite',
}

/**
 * What a scan returned: a mini-program code opens `<page>?scene=<code>` (the scene URI-encoded, DESIGN
 * section 7), so the page says which kind of code it is; a plain QR code may carry a worker code itself.
 */
export function scanTargetOf(path: string | undefined, result: string | undefined): ScanTarget | null {
  const fromPath = path ? /^\/?([^?#]*)\?(?:.*&)?scene=([^&#]*)/.exec(path) : null
  const raw = fromPath ? fromPath[2] : result
  if (!raw) return null
  const kind = fromPath ? KIND_OF_PAGE[fromPath[1]] : 'worker'
  if (kind === undefined) return null
  let scene: string
  try {
    scene = decodeURIComponent(raw).trim()
  } catch {
    return null
  }
  return SCENE_PATTERN.test(scene) ? { kind, scene } : null
}
