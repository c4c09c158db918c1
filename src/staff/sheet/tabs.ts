// Which tab of the sheet page a period belongs to, and the period a tab opens on.
import { periodKind, recentPeriods } from '../../core/periods'
import type { SheetKind } from '../../core/sheets'
import type { SheetTab } from './SheetKindTabs'

const KIND_OF_TAB: Record<Exclude<SheetTab, 'yearEnd'>, ReturnType<typeof periodKind>> = { month: 'month', half: 'half', year: 'year' }

/** The tab a route opens: the year-end review when asked for, else the kind of the period. */
export function tabOf(kind: string | undefined, period: string): SheetTab {
  if (kind === 'yearEnd') return 'yearEnd'
  const k = periodKind(period)
  return k === 'month' ? 'month' : k === 'half' ? 'half' : 'year'
}

/** The newest period a tab offers (this month, this half-year, this year). */
export function firstPeriodOf(tab: SheetTab, now: Date): string {
  const kind = tab === 'yearEnd' ? 'year' : KIND_OF_TAB[tab]
  return recentPeriods(now).find((p) => periodKind(p) === kind) ?? recentPeriods(now)[0]
}

export function sheetKindOf(tab: SheetTab): SheetKind {
  return tab === 'yearEnd' ? 'yearEnd' : 'period'
}

/** The period kinds a tab's picker offers. */
export function pickerKinds(tab: SheetTab): Array<ReturnType<typeof periodKind>> {
  return tab === 'yearEnd' ? ['year'] : [KIND_OF_TAB[tab]]
}
