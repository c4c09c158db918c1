// What a save of the settings changes, city-wide: which settings, and for numbers their old and new value.
// One rule for the confirmation the bureau reads before saving and for the audit entry the save writes,
// so the two cannot tell the change differently (the summary's words: auditSummaries.ts).
import { SETTING_LABELS } from './settings'
import type { Settings } from './types'

/** The bureau says why, before a city-wide change takes effect; the reason goes to the audit log. */
export const SETTINGS_REASON_MIN = 4
export const SETTINGS_REASON_MAX = 200

export interface SettingsChange {
  /** The settings whose value differs, in the settings' own order. */
  changed: Array<keyof Settings>
  /** The changed numbers: `from` null when there was no earlier version. */
  values: Partial<Record<keyof Settings, { from: number | null; to: number }>>
}

/** The change from `before` (null: none saved yet) to `after`. */
export function settingsChange(before: Settings | null, after: Settings): SettingsChange {
  const changed = (Object.keys(after) as Array<keyof Settings>).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before?.[key]))
  const values: SettingsChange['values'] = {}
  for (const key of changed) {
    const to = after[key]
    if (typeof to === 'number') {
      const from = before?.[key]
      values[key] = { from: typeof from === 'number' ? from : null, to }
    }
  }
  return { changed, values }
}

/**
 * The change in a clerk's words: a number on a line of its own with its old and new value
 * (每人每天最多提交：30 → 40), the rest (weights, dates, criteria) by name. Nothing changed: one line saying so.
 */
export function settingsChangeLines(changed: readonly string[], values: Readonly<Record<string, { from?: unknown; to?: unknown }>>): string[] {
  if (changed.length === 0) return ['没有改动任何设置']
  const label = (key: string) => SETTING_LABELS[key as keyof Settings] ?? key
  const isNumber = (x: unknown): x is number => typeof x === 'number'
  const numbers = changed.filter((key) => isNumber(values[key]?.to))
  const others = changed.filter((key) => !numbers.includes(key))
  const lines = numbers.map((key) => {
    const { from, to } = values[key] ?? {}
    const after = isNumber(to) && Number.isFinite(to) ? String(to) : '（不是数字）'
    return `${label(key)}：${isNumber(from) ? String(from) : '未设置'} → ${after}`
  })
  return [...lines, ...(others.length > 0 ? [`${numbers.length > 0 ? '还改动了' : '改动了'}：${others.map(label).join('、')}`] : [])]
}
