// The sheet page's editing: the draft typed over the sheet as loaded, and the actions on it. A new key
// per submit or change (reused when the same one is retried), so a retry counts once (trust rule 4).
import { useEffect, useRef, useState } from 'react'
import type { SheetView } from '../../core/sheetSchemas'
import { newIdempotencyKey } from '../../hooks/rating'
import { useChangeSheet, useSaveSheet, useSubmitSheet } from '../../hooks/sheets'
import { type CallError } from '../../platform/call-error'
import { type SheetDraft, draftAfterSave, draftOf, draftRows, parseDraft } from './draft'

/** read: the bureau; draft: typing; confirm: asked to confirm the submit; locked: submitted; change: 修改 with a reason. */
export type SheetMode = 'read' | 'draft' | 'confirm' | 'locked' | 'change'

export function useSheetEditor(view: SheetView | null, subdistrictId: string | null, reload: () => void) {
  const [draft, setDraft] = useState<SheetDraft>({})
  const [mode, setMode] = useState<SheetMode>('read')
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  /** The boxes the last draft save did not keep, each in a sentence. */
  const [unsaved, setUnsaved] = useState<string[]>([])
  /** The draft as typed when a save was sent: its wrong boxes survive the reload that follows. */
  const typedAtSave = useRef<SheetDraft | null>(null)
  const key = useRef(newIdempotencyKey())
  const save = useSaveSheet()
  const submit = useSubmitSheet()
  const change = useChangeSheet()

  const loadedKey = view === null ? '' : `${view.subdistrictId}|${view.kind}|${view.period}|${view.version}`
  useEffect(() => {
    if (view === null) return
    setDraft(typedAtSave.current === null ? draftOf(view) : draftAfterSave(view, typedAtSave.current))
    typedAtSave.current = null
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
    setUnsaved([])
    save.reset()
    submit.reset()
    change.reset()
  }
  const finish = (message: string | null) => {
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
    unsaved,
    error,
    busy: [save.state, submit.state, change.state].some((s) => s.status === 'loading'),
    /** Boxes can be typed in. */
    typing: mode === 'draft' || mode === 'confirm' || mode === 'change',
    setReason,
    onInput(workerCode: string, criterion: number, text: string) {
      setDone(null)
      setUnsaved([])
      setDraft((d) => ({ ...d, [workerCode]: (d[workerCode] ?? []).map((t, i) => (i === criterion ? text : t)) }))
    },
    /** Keeps every box that fits; the others are listed, and stay on screen as typed to be put right. */
    async saveDraft() {
      start()
      const payload = base()
      if (view === null || payload === null) return
      const sent = draftRows(view, draft)
      const saved = await save.run({ ...payload, rows: sent.rows })
      if (saved === null) return
      const refused = [...sent.unsaved, ...saved.refused.map((cell) => cell.message)]
      typedAtSave.current = draft
      // With cells left out, the page says so instead (a tick beside a partial save would mislead).
      finish(refused.length === 0 ? '草稿已保存' : null)
      setUnsaved(refused)
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
