import { SCENE_PATTERN } from '../core/contract'

/**
 * The worker code inside what a scan returned: a mini-program code opens `pages/rate/index?scene=<code>`
 * (the scene URI-encoded, DESIGN section 7); a plain QR code may carry the code itself.
 */
export function workerCodeFromScan(path: string | undefined, result: string | undefined): string | null {
  const fromPath = path ? /[?&]scene=([^&#]*)/.exec(path) : null
  const raw = fromPath ? fromPath[1] : result
  if (!raw) return null
  let code: string
  try {
    code = decodeURIComponent(raw).trim()
  } catch {
    return null
  }
  return SCENE_PATTERN.test(code) ? code : null
}
