// Exporting a report as an .xlsx: report.export (the function `files`) writes the file
// with the same numbers as report.get; the mini-program downloads and opens it with Taro.openDocument
// (with the menu, to forward it to a PC), the local runtime's h5 build downloads it.
import { useCallback, useState } from 'react'
import type { PayloadInputOf } from '../core/contract'
import { callApi } from '../platform/api'
import { files } from '../platform/files'
import { toCallError } from './useApi'

export interface ReportExport {
  /** True while the file is being made and opened. */
  exporting: boolean
  /** A plain Chinese message when the last export failed. */
  error: string | null
  exportReport(payload: PayloadInputOf<'report.export'>): Promise<void>
}

export function useReportExport(): ReportExport {
  const [exporting, setExporting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const exportReport = useCallback(async (payload: PayloadInputOf<'report.export'>) => {
    setExporting(true)
    setError(null)
    try {
      const { url } = await callApi('report.export', payload)
      await files.open(url, `考核报表-${payload.period}.xlsx`)
    } catch (caught) {
      setError(toCallError(caught).message)
    } finally {
      setExporting(false)
    }
  }, [])
  return { exporting, error, exportReport }
}
