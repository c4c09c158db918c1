// The pieces an audit summary is made of (auditSummaries.ts): a detail field read safely, a period in
// words, and a change as "old → new". Entries are JSON from any version of the app, so nothing is trusted.
import { isPeriod, periodLabel } from './periods'

export type AuditDetails = Record<string, unknown>

/** At most this many lines per entry; more are counted in a last line. */
export const AUDIT_MAX_LINES = 8

export function limited(lines: string[], more: (n: number) => string): string[] {
  return lines.length <= AUDIT_MAX_LINES ? lines : [...lines.slice(0, AUDIT_MAX_LINES - 1), more(lines.length - AUDIT_MAX_LINES + 1)]
}

export const textOf = (x: unknown): string | undefined => (typeof x === 'string' && x !== '' ? x : undefined)
export const numberOf = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined)
export const recordOf = (x: unknown): AuditDetails => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as AuditDetails) : {})
export const listOf = (x: unknown): unknown[] => (Array.isArray(x) ? x : [])

/** The label of a stored code (a level, a status, a reason); undefined for a code the table does not know. */
export const labelOf = <K extends string>(labels: Readonly<Record<K, string>>, key: unknown): string | undefined =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(labels, key) ? labels[key as K] : undefined

/** 2026-03 → 2026年3月, 2026-H1 → 2026年上半年; anything else as it is. */
export const periodText = (x: unknown): string => {
  const p = textOf(x) ?? ''
  return isPeriod(p) ? periodLabel(p) : p
}

/**
 * One value's change on a line: `名称：旧 → 新`; `名称：新（未改动）` when it stayed; `名称：新` when the
 * entry has no old value (entries written before old values were kept).
 */
export function changeLine(label: string, from: string | undefined, to: string): string {
  if (from === undefined) return `${label}：${to}`
  return from === to ? `${label}：${to}（未改动）` : `${label}：${from} → ${to}`
}
