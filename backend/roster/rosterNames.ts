// Trust rule 6 for the names a roster brings: a sub-district, community or grid name is read on every
// card and page, a worker's name by every resident who scans them. Only what the import would write is
// checked — a new unit's name, a new worker's name, a changed one — so re-importing a city's roster
// costs nothing, and the first import of 1000+ workers a handful of calls (moderateTexts.ts packs the
// names 2500 characters to a call). A name that does not pass is an error of its row and column, like
// any other (the import writes nothing); a checker that fails refuses the import (fail closed).
import { ApiError } from '@core/errors'
import type { RosterEntry } from '@core/roster'
import type { RosterPlan, StoredOrganisation } from '@core/rosterPlan'
import type { RosterColumn, RosterError } from '@core/rosterSchemas'
import type { Moderation } from '../context'
import { unfitTexts } from '../moderation/moderateTexts'
import { SCENE } from '../moderation/textFields'

interface RosterName {
  row: number
  column: RosterColumn
  text: string
}

/** The names the plan writes, each once, at the first row that carries it. */
function namesToCheck(entries: readonly RosterEntry[], stored: StoredOrganisation, plan: RosterPlan): RosterName[] {
  const storedGrids = new Set(stored.grids.map((grid) => grid.id))
  const written: Record<'街道' | '社区' | '网格' | '姓名', Set<string>> = {
    街道: new Set(plan.subdistricts.map((unit) => unit.name)),
    社区: new Set(plan.communities.map((unit) => unit.name)),
    // A stored grid in the plan only changes its households.
    网格: new Set(plan.grids.filter((grid) => !storedGrids.has(grid.id)).map((grid) => grid.name)),
    姓名: new Set([...plan.newWorkers, ...plan.changedWorkers].map((worker) => worker.name)),
  }
  const storedNames = new Map(stored.workers.map((worker) => [worker.code, worker.name]))
  const names: RosterName[] = []
  const seen = new Set<string>()
  for (const entry of entries) {
    const cells: Array<[keyof typeof written, string]> = [['街道', entry.subdistrict], ['社区', entry.community], ['网格', entry.grid], ['姓名', entry.name]]
    for (const [column, text] of cells) {
      if (!written[column].has(text) || (column === '姓名' && storedNames.get(entry.workerCode) === text)) continue
      const key = `${column}|${text}`
      if (seen.has(key)) continue
      seen.add(key)
      names.push({ row: entry.row, column, text })
    }
  }
  return names
}

/** The rows whose names the content check does not pass, in row order; none when every name passes. */
export async function unfitRosterNames(
  moderation: Moderation,
  openid: string,
  entries: readonly RosterEntry[],
  stored: StoredOrganisation,
  plan: RosterPlan,
): Promise<RosterError[]> {
  const names = namesToCheck(entries, stored, plan)
  let unfit: number[]
  try {
    unfit = await unfitTexts(moderation, names.map((name) => name.text), openid, SCENE.profile)
  } catch (err) {
    console.warn('[files] content moderation failed; refusing the roster', err)
    throw new ApiError('INTERNAL', '暂时无法检查花名册里的名称，请稍后再导入')
  }
  return unfit
    .map((i) => names[i])
    .filter((name): name is RosterName => name !== undefined)
    .map(({ row, column }) => ({ row, column, message: `${column}含有不宜发布的内容，请修改后再导入` }))
    .sort((a, b) => a.row - b.row)
}
