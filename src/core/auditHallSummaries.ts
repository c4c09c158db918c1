// Audit summaries of the service hall's duty rota: a generation (the month, the daily staffing old → new,
// the groups, each AB pair by name) and an edit (a day's workers old → new, or two workers' days swapped).
// Workers by name and 工号, looked up when the log is read.
import { auditWorker, type AuditNames } from './auditLabels'
import { type AuditDetails, changeLine, listOf, numberOf, periodText, recordOf, textOf } from './auditText'
import { dayLabel } from './hallRota'

type Summary = (d: AuditDetails, names: AuditNames) => string[]

const people = (x: unknown) => (numberOf(x) === undefined ? undefined : `${String(x)} 人`)
const monthLine = (d: AuditDetails) => `值班月份：${periodText(d.period)}`
const dateText = (x: unknown) => (textOf(x) === undefined ? '' : dayLabel(textOf(x) as string))

const generated: Summary = (d, names) => {
  const pairs = listOf(d.pairs).map(recordOf)
  const kept = numberOf(d.keptDays) ?? 0
  return [
    monthLine(d),
    // No staffing before: the month's first rota.
    changeLine('每天值班', d.fromStaffing == null ? undefined : people(d.fromStaffing), people(d.staffing) ?? ''),
    `编组：${numberOf(d.groups) ?? 0} 组，共 ${numberOf(d.workers) ?? 0} 人`,
    ...(pairs.length === 0 ? ['AB 岗：无'] : pairs.map((p) => `AB 岗：${auditWorker(p.a, names)}与 ${auditWorker(p.b, names)}`)),
    ...(kept > 0 ? [`已过去的 ${kept} 天保持原样`] : []),
  ]
}

/** Workers by name alone, in window order: a day's line stays short. */
const crew = (x: unknown, names: AuditNames) => listOf(x).map((code) => names.workers.get(String(code)) ?? String(code)).join('、')

const saved: Summary = (d, names) => {
  if (d.kind === 'swap') {
    const [first, second] = [recordOf(d.first), recordOf(d.second)]
    return [
      monthLine(d),
      `${auditWorker(first.workerCode, names)}：${dateText(first.date)} → ${dateText(second.date)}`,
      `${auditWorker(second.workerCode, names)}：${dateText(second.date)} → ${dateText(first.date)}`,
    ]
  }
  return [monthLine(d), changeLine(`${dateText(d.date)}值班`, crew(d.from, names), crew(d.to, names))]
}

export const HALL_SUMMARIES: Readonly<Record<string, Summary>> = {
  'hall.rota.generate': generated,
  'hall.rota.save': saved,
}
