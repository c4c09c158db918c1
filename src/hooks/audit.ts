// The bureau's audit log over the contract: the first page whenever the filter changes,
// then older pages appended by 加载更多 (the store's cursor, `next`).
import { useCallback, useState } from 'react'
import type { AuditEntryView } from '../core/auditSchemas'
import type { PayloadInputOf } from '../core/contract'
import { callApi } from '../platform/api'
import type { CallError } from '../platform/call-error'
import { toCallError, useApiQuery } from './useApi'

export type AuditFilterInput = Omit<PayloadInputOf<'audit.list'>, 'before' | 'limit'>

interface MorePages {
  /** The filter these pages belong to: a new filter starts again from its first page. */
  key: string
  entries: AuditEntryView[]
  /** Older pages loaded so far. */
  pages: number
  next?: string
  loading: boolean
  error: CallError | null
}

export function useAuditLog(filter: AuditFilterInput | null, caller: string) {
  const first = useApiQuery('audit.list', filter, caller)
  const key = filter === null ? '' : `${caller}|${JSON.stringify(filter)}`
  const [more, setMore] = useState<MorePages | null>(null)
  const own = more !== null && more.key === key ? more : null

  const entries = first.state.status === 'ok' ? [...first.state.data.entries, ...(own?.entries ?? [])] : []
  const next = own !== null && own.pages > 0 ? own.next : first.state.status === 'ok' ? first.state.data.next : undefined

  const loadMore = useCallback(async () => {
    if (filter === null || next === undefined || own?.loading === true) return
    const base: MorePages = own ?? { key, entries: [], pages: 0, loading: false, error: null }
    setMore({ ...base, loading: true, error: null })
    try {
      const page = await callApi('audit.list', { ...filter, before: next })
      setMore({ key, entries: [...base.entries, ...page.entries], pages: base.pages + 1, ...(page.next === undefined ? {} : { next: page.next }), loading: false, error: null })
    } catch (error) {
      setMore({ ...base, loading: false, error: toCallError(error) })
    }
  }, [filter, key, next, own])

  const reload = useCallback(() => {
    setMore(null)
    first.reload()
  }, [first])

  return { state: first.state, entries, hasMore: next !== undefined, loadingMore: own?.loading === true, moreError: own?.error ?? null, loadMore, reload }
}
