import { DEFAULT_SETTINGS } from './settings'
import { settingsChange, settingsChangeLines } from './settingsChange'

it('names what a save changes: numbers with old and new value, the rest by name, nothing when nothing changed', () => {
  const after = { ...DEFAULT_SETTINGS, rateLimitPerDay: 40, holidays: ['2026-10-01'], weights: { residents: 0.5, recipients: 0.25, subdistrict: 0.25 } }
  const change = settingsChange(DEFAULT_SETTINGS, after)
  expect(change).toEqual({ changed: ['weights', 'holidays', 'rateLimitPerDay'], values: { rateLimitPerDay: { from: 30, to: 40 } } })
  expect(settingsChangeLines(change.changed, change.values)).toEqual(['每人每天最多提交：30 → 40', '还改动了：三方权重、节假日'])
  expect(settingsChangeLines([], {})).toEqual(['没有改动任何设置'])
})

it('reads a first save as from 未设置, and a box that is not a number as such', () => {
  const change = settingsChange(null, { ...DEFAULT_SETTINGS })
  expect(change.values.dailyShare).toEqual({ from: null, to: 0.6 })
  expect(settingsChangeLines(['dailyShare'], { dailyShare: { from: 0.6, to: Number.NaN } })).toEqual(['日常考核占比：0.6 → （不是数字）'])
  expect(settingsChangeLines(['dailyShare'], { dailyShare: { from: null, to: 0.7 } })).toEqual(['日常考核占比：未设置 → 0.7'])
})
