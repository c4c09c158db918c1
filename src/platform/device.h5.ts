import type { DevIdentity, Role } from '../core/types'
import type { DeviceApi, ScanResult } from './types'

/** Where the local runtime's demo identity is kept; the browser test sets the same key. */
export const DEV_IDENTITY_KEY = 'community3456.devIdentity'

/**
 * Locally, WeChat's font size setting is simulated by a number under this key (e.g. 1.4 for 关怀模式);
 * the browser test sets it the same way. Nothing stored: the standard size.
 */
export const FONT_SCALE_KEY = 'community3456.fontScale'

function storedFontScale(): number {
  const value = Number(window.localStorage.getItem(FONT_SCALE_KEY))
  return Number.isFinite(value) && value > 0 ? value : 1
}

const ROLES: readonly Role[] = ['resident', 'worker', 'community', 'subdistrict', 'bureau']

function parseIdentity(raw: string | null): DevIdentity | null {
  if (!raw) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return null
    const record = value as Record<string, unknown>
    const { openid, role, name } = record
    if (typeof openid !== 'string' || typeof name !== 'string') return null
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return null
    const identity: DevIdentity = { openid, name, role: role as Role }
    if (typeof record.workerCode === 'string') identity.workerCode = record.workerCode
    if (typeof record.subdistrictId === 'string') identity.subdistrictId = record.subdistrictId
    if (typeof record.communityId === 'string') identity.communityId = record.communityId
    return identity
  } catch {
    return null
  }
}

export const device: DeviceApi = {
  canScan: false,
  canContactService: false,
  isLocalRuntime: true,
  scanCode: (): Promise<ScanResult> => Promise.resolve({ ok: false, reason: 'failed' }),
  getDevIdentity: () => parseIdentity(window.localStorage.getItem(DEV_IDENTITY_KEY)),
  setDevIdentity: (identity) => {
    if (identity) window.localStorage.setItem(DEV_IDENTITY_KEY, JSON.stringify(identity))
    else window.localStorage.removeItem(DEV_IDENTITY_KEY)
  },
  fontScale: storedFontScale,
  // What a tel: link does: the browser hands the number to the phone app, if there is one.
  makePhoneCall: (phoneNumber) => {
    window.location.href = `tel:${phoneNumber}`
  },
}
