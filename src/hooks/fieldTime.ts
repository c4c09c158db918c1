import { useEffect, useState } from 'react'
import { useApiMutation, useApiQuery } from './useApi'

/** The worker's field sessions of a period: the running one and those logged. Null: load nothing. */
export function useFieldSessions(period: string | null) {
  return useApiQuery('field.list', period === null ? null : { period })
}

/** Grid time of this month and the five before it (the chart). */
export function useGridTimeTrend(enabled: boolean) {
  return useApiQuery('gridtime.trend', enabled ? {} : null)
}

/** The worker's own results of a period: a rated party only with n >= 5 (the server cuts it). */
export function useOwnResults(period: string | null) {
  return useApiQuery('worker.results', period === null ? null : { period })
}

export function useStartField() {
  return useApiMutation('field.start')
}

export function useEndField() {
  return useApiMutation('field.end')
}

/** The time now, again every `everyMs`: how long a running session has been going. */
export function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
