// Exporting a report or the city view as an .xlsx: report.export and city.export (the function `files`)
// write the file with the same numbers as report.get and city.overview; the mini-program downloads it by
// its cloud file ID and opens it with Taro.openDocument (with the menu, to forward it to a PC), the local runtime's h5 build
// downloads it.
import { useCallback, useState } from 'react'
import type { PayloadInputOf } from '../core/contract'
import { callApi } from '../platform/api'
import { files } from '../platform/files'
import { toCallError } from './useApi'

type ExportAction = 'report.export' | 'city.export'

interface FileExport<A extends ExportAction> {
  /** True while the file is being made and opened. */
  exporting: boolean
  /** A plain Chinese message when the last export failed. */
  error: string | null
  run(payload: PayloadInputOf<A>): Promise<void>
}

function useFileExport<A extends ExportAction>(action: A, fileName: (payload: PayloadInputOf<A>) => string): FileExport<A> {
  const [exporting, setExporting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(
    async (payload: PayloadInputOf<A>) => {
      setExporting(true)
      setError(null)
      try {
        await files.open(await callApi(action, payload), fileName(payload))
      } catch (caught) {
        setError(toCallError(caught).message)
      } finally {
        setExporting(false)
      }
    },
    [action, fileName],
  )
  return { exporting, error, run }
}

export interface ReportExport {
  exporting: boolean
  error: string | null
  exportReport(payload: PayloadInputOf<'report.export'>): Promise<void>
}

const reportFileName = (payload: PayloadInputOf<'report.export'>) => `考核报表-${payload.period}.xlsx`
const cityFileName = (payload: PayloadInputOf<'city.export'>) => `全市考核概览-${payload.period}.xlsx`

export function useReportExport(): ReportExport {
  const { exporting, error, run } = useFileExport('report.export', reportFileName)
  return { exporting, error, exportReport: run }
}

/** The city view's file, for the bureau. */
export function useCityExport(): FileExport<'city.export'> {
  return useFileExport('city.export', cityFileName)
}
