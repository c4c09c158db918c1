// report.export: the report the page shows, as an .xlsx. The same builder as
// report.get (buildReport checks the scope: sub-district staff their own, the bureau any), so the file
// and the page cannot disagree; the file goes to cloud storage (locally DATA_DIR) and the answer is a link.
import { fileStorageOf, type Handler } from '../context'
import { buildReport } from './reports'
import { reportFileName, reportWorkbook } from './reportWorkbook'

export const reportExport: Handler<'report.export'> = async (payload, ctx) => {
  const report = await buildReport(payload, ctx)
  return fileStorageOf(ctx).write(reportFileName(report), await reportWorkbook(report, ctx.now))
}
