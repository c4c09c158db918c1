// How the worker home writes numbers: display only, no rules (those are in src/core).

/** 0.6234 → 62%; null → —. */
export function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${Math.round(ratio * 100)}%`
}

/** 375 → 6 小时 15 分钟; 45 → 45 分钟; 0 → 不到 1 分钟. */
export function duration(minutes: number): string {
  if (minutes < 1) return '不到 1 分钟'
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} 分钟`
  return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分钟`
}

/** 2026-11 → 11月. */
export function monthLabel(month: string): string {
  return `${Number(month.slice(5, 7))}月`
}
