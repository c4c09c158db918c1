// Payloads and results of settings.get / settings.save. The payload schema only checks
// that `settings` is an object: every setting is validated by validateSettings (./settings.ts) in the
// handler, after the role check, so the one validation names the failing setting in `field`.
import * as v from 'valibot'
import type { Settings } from './types'

export const settingsSavePayload = v.object({
  settings: v.custom<Settings>((input) => typeof input === 'object' && input !== null && !Array.isArray(input), '请提交完整的设置'),
})

/** The settings in force and their version: 1 is what setup saved, each save by the bureau adds one. */
export interface SettingsInForce {
  version: number
  settings: Settings
  /** When and by whom this version was saved; absent for version 1 (saved by setup). */
  savedAt?: string
  savedBy?: string
}
