// settings.save: the bureau changes the scoring settings (DESIGN section 3). Every
// setting is validated (validateSettings, src/core/settings.ts): an invalid one is INVALID_INPUT whose
// message and `field` name it, and nothing is stored. A valid save makes a new version, kept in the
// history with who saved it, when, and the values it replaced; evaluations use it from then on. A change
// for the whole city carries the bureau's reason (asked before saving), kept with it in the audit log.
import { validateSettings } from '@core/settings'
import { settingsChange } from '@core/settingsChange'
import type { Handler } from '../context'

export const settingsSave: Handler<'settings.save'> = async ({ settings, reason }, { caller, store, now }) => {
  const { principal } = caller
  const valid = validateSettings(settings)
  const before = await store.settings.current()
  const saved = await store.settings.save(valid, now.toISOString(), { openid: caller.openid, name: principal.name })
  // The audit log (settings changes are audited): which settings this version changed, a changed number
  // with its old value too, so the log reads 每人每天最多提交：30 → 40; and why.
  const { changed, values } = settingsChange(before?.settings ?? null, valid)
  const by = { openid: caller.openid, role: principal.role, name: principal.name }
  await store.audit.append({ at: now.toISOString(), by, action: 'settings.save', target: `settings:v${saved.version}`, reason, details: { version: saved.version, changed, values } })
  return saved
}
