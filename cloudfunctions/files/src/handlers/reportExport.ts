// report.export: the report the page shows, as an .xlsx (issue 8, item 8). The same builder as
// report.get (buildReport checks the scope: sub-district staff their own, the bureau any), so the file
// and the page cannot disagree; the file goes to cloud storage (locally DATA_DIR) and the answer is a link.
import type { Handler } from '../../../api/src/context'
import { buildReport } from '../../../api/src/domain/reports'
import { reportFileName, reportWorkbook } from '../reportWorkbook'
import { fileStorageOf } from './guards'

export const reportExport: Handler<'report.export'> = async (payload, ctx) => {
  const report = await buildReport(payload, ctx)
  return fileStorageOf(ctx).write(reportFileName(report), await reportWorkbook(report))
}
