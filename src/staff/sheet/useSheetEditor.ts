// The sheet page's editing: the draft typed over the sheet as loaded, and the actions on it. A new key
// per submit or change (reused when the same one is retried), so a retry counts once (trust rule 4).
import { useEffect, useRef, useState } from 'react'
import type { SheetView } from '../../core/sheetSchemas'
import { newIdempotencyKey } from '../../hooks/rating'
import { useChangeSheet, useSaveSheet, useSubmitSheet } from '../../hooks/sheets'
import { type CallError } from '../../platform/call-error'
import { type SheetDraft, draftOf, parseDraft } from './draft'

/** read: the bureau; draft: typing; confirm: asked to confirm the submit; locked: submitted; change: 修改 with a reason. */
export type SheetMode = 'read' | 'draft' | 'confirm' | 'locked' | 'change'

export function useSheetEditor(view: SheetView | null, subdistrictId: string | null, reload: () => void) {
  const [draft, setDraft] = useState<SheetDraft>({})
  const [mode, setMode] = useState<SheetMode>('read')
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const key = useRef(newIdempotencyKey())
  const save = useSaveSheet()
  const submit = useSubmitSheet()
  const change = useChangeSheet()

  const loadedKey = view === null ? '' : `${view.subdistrictId}|${view.kind}|${view.period}|${view.version}`
  useEffect(() => {
    if (view === null) return
    setDraft(draftOf(view))
    setMode(!view.editable ? 'read' : view.status === 'submitted' ? 'locked' : 'draft')
    setReason('')
    setProblem(null)
    // Only a new sheet or a new version resets the draft (not every render of the same one).
  }, [loadedKey])

  const base = () => (view === null ? null : { kind: view.kind, period: view.period, version: view.version, ...(subdistrictId ? { subdistrictId } : {}) })
  const rowsOrProblem = () => {
    if (view === null) return null
    const parsed = parseDraft(view, draft)
    if (!parsed.ok) setProblem(parsed.message)
    return parsed.ok ? parsed.rows : null
  }
  const start = () => {
    setProblem(null)
    setDone(null)
    save.reset()
    submit.reset()
    change.reset()
  }
  const finish = (message: string) => {
    key.current = newIdempotencyKey()
    setDone(message)
    reload()
  }

  const error: CallError | null = [save.state, submit.state, change.state].flatMap((s) => (s.status === 'error' ? [s.error] : []))[0] ?? null
  return {
    draft,
    mode,
    reason,
    problem,
    done,
    error,
    busy: [save.state, submit.state, change.state].some((s) => s.status === 'loading'),
    /** Boxes can be typed in. */
    typing: mode === 'draft' || mode === 'confirm' || mode === 'change',
    setReason,
    onInput(workerCode: string, criterion: number, text: string) {
      setDone(null)
      setDraft((d) => ({ ...d, [workerCode]: (d[workerCode] ?? []).map((t, i) => (i === criterion ? text : t)) }))
    },
    async saveDraft() {
      start()
      const rows = rowsOrProblem()
      const payload = base()
      if (rows !== null && payload !== null && (await save.run({ ...payload, rows }))) finish('草稿已保存')
    },
    askSubmit() {
      start()
      if (rowsOrProblem() !== null) setMode('confirm')
    },
    async submitSheet() {
      start()
      const rows = rowsOrProblem()
      const payload = base()
      if (rows !== null && payload !== null && (await submit.run({ ...payload, rows, idempotencyKey: key.current }))) finish('评分表已提交')
      else setMode('draft')
    },
    startChange() {
      start()
      setMode('change')
    },
    async changeSheet() {
      start()
      const rows = rowsOrProblem()
      const payload = base()
      if (rows !== null && payload !== null && (await change.run({ ...payload, rows, reason, idempotencyKey: key.current }))) finish('修改已保存，并记入修改记录')
    },
    cancel() {
      start()
      if (view !== null) setDraft(draftOf(view))
      setMode(view?.status === 'submitted' ? 'locked' : 'draft')
    },
  }
}
