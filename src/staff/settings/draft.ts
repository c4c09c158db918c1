// The settings form as the clerk types it: every number is a text box, the dates one per line. The page
// checks nothing itself: what is typed goes to settings.save as numbers and dates, and the server's
// validation (src/core/settings.ts) names the setting to fix.
import { DEFAULT_SETTINGS } from '../../core/settings'
import { DEFAULT_SHEET_CRITERIA } from '../../core/sheets'
import type { Settings } from '../../core/types'

export interface SettingsDraft {
  weights: { residents: string; recipients: string; subdistrict: string }
  levelPoints: [string, string, string, string, string]
  priorWeight: string
  minResidents: string
  minRecipients: string
  excellentMin: string
  excellentQuota: string
  dailyShare: string
  gridTimeTarget: string
  workMinutesPerDay: string
  holidays: string
  makeupWorkdays: string
  feedbackWindowDays: string
  // Anti-stuffing limits, the bad-review loop's deadlines, the appeal window.
  rateLimitPerMinute: string
  rateLimitPerDay: string
  visitsPerDay: string
  callbackWorkingDays: string
  rectifyWorkingDays: string
  appealDays: string
  /** The scoring sheet's criteria: a name and its full marks each. */
  sheetCriteria: Array<{ name: string; weight: string }>
}

export type ScalarKey = Exclude<keyof SettingsDraft, 'weights' | 'levelPoints' | 'holidays' | 'makeupWorkdays' | 'sheetCriteria'>

export function draftOf(s: Settings): SettingsDraft {
  return {
    weights: { residents: String(s.weights.residents), recipients: String(s.weights.recipients), subdistrict: String(s.weights.subdistrict) },
    levelPoints: s.levelPoints.map(String) as SettingsDraft['levelPoints'],
    priorWeight: String(s.priorWeight),
    minResidents: String(s.minResidents),
    minRecipients: String(s.minRecipients),
    excellentMin: String(s.excellentMin),
    excellentQuota: String(s.excellentQuota),
    dailyShare: String(s.dailyShare),
    gridTimeTarget: String(s.gridTimeTarget),
    workMinutesPerDay: String(s.workMinutesPerDay),
    holidays: s.holidays.join('\n'),
    makeupWorkdays: s.makeupWorkdays.join('\n'),
    feedbackWindowDays: String(s.feedbackWindowDays),
    // Settings saved before these five existed lack them: the defaults are in force.
    rateLimitPerMinute: String(s.rateLimitPerMinute ?? DEFAULT_SETTINGS.rateLimitPerMinute),
    rateLimitPerDay: String(s.rateLimitPerDay ?? DEFAULT_SETTINGS.rateLimitPerDay),
    // Settings saved before the visit limit lack it too.
    visitsPerDay: String(s.visitsPerDay ?? DEFAULT_SETTINGS.visitsPerDay),
    callbackWorkingDays: String(s.callbackWorkingDays ?? DEFAULT_SETTINGS.callbackWorkingDays),
    rectifyWorkingDays: String(s.rectifyWorkingDays ?? DEFAULT_SETTINGS.rectifyWorkingDays),
    appealDays: String(s.appealDays ?? DEFAULT_SETTINGS.appealDays),
    // Settings saved before the scoring sheet existed have none: the default criteria.
    sheetCriteria: (s.sheetCriteria ?? DEFAULT_SHEET_CRITERIA).map((c) => ({ name: c.name, weight: String(c.weight) })),
  }
}

/** A typed number; an empty box is null, which the server reports as the setting to fill in. */
const num = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()))
/** Dates separated by new lines, commas (either width) or spaces. */
const dates = (text: string): string[] => text.split(/[\s,，、]+/).filter((d) => d !== '')

export function settingsOf(d: SettingsDraft): Settings {
  return {
    weights: { residents: num(d.weights.residents), recipients: num(d.weights.recipients), subdistrict: num(d.weights.subdistrict) },
    levelPoints: d.levelPoints.map(num),
    priorWeight: num(d.priorWeight),
    minResidents: num(d.minResidents),
    minRecipients: num(d.minRecipients),
    excellentMin: num(d.excellentMin),
    excellentQuota: num(d.excellentQuota),
    dailyShare: num(d.dailyShare),
    gridTimeTarget: num(d.gridTimeTarget),
    workMinutesPerDay: num(d.workMinutesPerDay),
    holidays: dates(d.holidays),
    makeupWorkdays: dates(d.makeupWorkdays),
    feedbackWindowDays: num(d.feedbackWindowDays),
    rateLimitPerMinute: num(d.rateLimitPerMinute),
    rateLimitPerDay: num(d.rateLimitPerDay),
    visitsPerDay: num(d.visitsPerDay),
    callbackWorkingDays: num(d.callbackWorkingDays),
    rectifyWorkingDays: num(d.rectifyWorkingDays),
    appealDays: num(d.appealDays),
    sheetCriteria: d.sheetCriteria.map((c) => ({ name: c.name.trim(), weight: num(c.weight) })),
  } as unknown as Settings
}
