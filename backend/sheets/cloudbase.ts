// The CloudBase side of SheetStore (store.ts): one `sheets` document per (sub-district, kind,
// period), `_id` = sheetId(...), holding the criteria, every worker's points (30 workers x 3 criteria is a
// few KB) and the change summaries. No transaction: version 1 is an `add` (refused when the `_id` is
// taken), every later write a `where({ _id, version: n - 1 }).update()` — a compare-and-set on one
// document, so of two writes from the same version exactly one lands.
import type { SheetKind } from '@core/sheets'
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import { sheetId } from '../store/ids'
import { type SheetRecord, type SheetStore, type YearEndScore, yearEndScoresOf } from './store'

export class CloudSheetStore implements SheetStore {
  constructor(private readonly db: CloudDb<CloudCollections>) {}

  async getSheet(subdistrictId: string, kind: SheetKind, period: string): Promise<SheetRecord | null> {
    const doc = await getOrNull(this.db.collection('sheets').doc(sheetId(subdistrictId, kind, period)))
    if (doc === null) return null
    const { _id, ...sheet } = doc
    return sheet
  }

  async putSheet(sheet: SheetRecord): Promise<boolean> {
    const _id = sheetId(sheet.subdistrictId, sheet.kind, sheet.period)
    if (sheet.version === 1) {
      try {
        await this.db.collection('sheets').add({ data: { ...sheet, _id } })
        return true
      } catch (error) {
        if (isDuplicateKey(error)) return false
        throw error
      }
    }
    const _ = this.db.command
    // Objects and arrays replaced whole (`_.set`), not merged field by field.
    const data = {
      status: sheet.status,
      version: sheet.version,
      criteria: _.set(sheet.criteria),
      rows: _.set(sheet.rows),
      updatedAt: sheet.updatedAt,
      updatedBy: _.set(sheet.updatedBy),
      changes: _.set(sheet.changes),
      ...(sheet.submittedAt === undefined ? {} : { submittedAt: sheet.submittedAt }),
      ...(sheet.submittedBy === undefined ? {} : { submittedBy: _.set(sheet.submittedBy) }),
    } as never
    const result = await this.db.collection('sheets').where({ _id, version: sheet.version - 1 }).update({ data })
    return updatedCount(result) === 1
  }

  async listYearEnd(subdistrictId: string, year: string): Promise<YearEndScore[]> {
    return yearEndScoresOf(await this.getSheet(subdistrictId, 'yearEnd', year))
  }
}
