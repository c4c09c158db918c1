// The roster import page's steps: the template downloaded and opened, a filled roster
// picked and uploaded, checked (org.import dryRun) and imported. Nothing is lost on an error: the picked
// file stays, so checking or importing again needs no new upload.
import { useCallback, useState } from 'react'
import { callApi } from '../platform/api'
import type { CallError } from '../platform/call-error'
import { type UploadedFile, files } from '../platform/files'
import { toCallError, useApiMutation } from './useApi'

export const TEMPLATE_NAME = '花名册模板.xlsx'

/** A step that is not an api call: picking and uploading, downloading and opening. */
export type StepState = { status: 'idle' | 'loading' | 'done' } | { status: 'error'; error: CallError }

export function useRosterImport() {
  const [template, setTemplate] = useState<StepState>({ status: 'idle' })
  const [upload, setUpload] = useState<StepState>({ status: 'idle' })
  const [file, setFile] = useState<UploadedFile | null>(null)
  const check = useApiMutation('org.import')
  const apply = useApiMutation('org.import')

  const downloadTemplate = useCallback(async () => {
    setTemplate({ status: 'loading' })
    try {
      await files.open(await callApi('org.template', {}), TEMPLATE_NAME)
      setTemplate({ status: 'done' })
    } catch (error) {
      setTemplate({ status: 'error', error: toCallError(error) })
    }
  }, [])

  const { reset: resetCheck, run: runCheck } = check
  const { reset: resetApply, run: runApply } = apply
  const pickFile = useCallback(async () => {
    setUpload({ status: 'loading' })
    try {
      const picked = await files.pickAndUpload()
      if (picked === null) {
        setUpload({ status: 'idle' })
        return
      }
      setFile(picked)
      setUpload({ status: 'done' })
      resetApply()
      // A new file is checked at once: that is the next thing the clerk would do.
      await runCheck({ fileId: picked.fileId, dryRun: true })
    } catch (error) {
      setUpload({ status: 'error', error: toCallError(error) })
    }
  }, [resetApply, runCheck])

  const checkAgain = useCallback(async () => {
    if (file !== null) await runCheck({ fileId: file.fileId, dryRun: true })
  }, [file, runCheck])

  const importFile = useCallback(async () => {
    if (file === null) return
    const result = await runApply({ fileId: file.fileId })
    if (result !== null) resetCheck()
  }, [file, runApply, resetCheck])

  return { template, templateHint: files.openedHint, downloadTemplate, upload, file, pickFile, check: check.state, checkAgain, applied: apply.state, importFile }
}
