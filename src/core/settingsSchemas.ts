// Payloads and results of settings.get / settings.save. The payload schema only checks
// that `settings` is an object: every setting is validated by validateSettings (./settings.ts) in the
// handler, after the role check, so the one validation names the failing setting in `field`.
import * as v from 'valibot'
import { cleaned } from './cleanText'
import { SETTINGS_REASON_MAX, SETTINGS_REASON_MIN } from './settingsChange'
import type { Settings } from './types'

export const settingsSavePayload = v.object({
  settings: v.custom<Settings>((input) => typeof input === 'object' && input !== null && !Array.isArray(input), '请提交完整的设置'),
  /** Why the city's settings change: asked before saving, kept in the audit log. */
  reason: v.pipe(
    v.string('请写明修改理由'),
    cleaned,
    v.minLength(SETTINGS_REASON_MIN, `请写明修改理由，至少 ${SETTINGS_REASON_MIN} 个字（会记入操作记录）`),
    v.maxLength(SETTINGS_REASON_MAX, `修改理由最多 ${SETTINGS_REASON_MAX} 个字，请删减后再保存`),
  ),
})

/** The settings in force and their version: 1 is what setup saved, each save by the bureau adds one. */
export interface SettingsInForce {
  version: number
  settings: Settings
  /** When and by whom this version was saved; absent for version 1 (saved by setup). */
  savedAt?: string
  savedBy?: string
}
