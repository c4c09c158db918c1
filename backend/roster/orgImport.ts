// org.import: the bureau's roster applied, all or nothing. Every row is checked
// (src/core/roster.ts); any error and nothing is written, every error listed with its row (as Excel
// numbers it, header = row 1) and column — a name the content check does not pass too (rosterNames.ts).
// Otherwise the plan (src/core/rosterPlan.ts) is written:
// new workers created, known 工号 updated or moved, nothing deleted; workers the roster leaves out are
// listed as missing, for the bureau to deactivate. dryRun: checked and counted, nothing written.
import { postNamesOf } from '@core/catalog'
import { ROSTER_ERRORS_SHOWN, parseRoster } from '@core/roster'
import { isEmptyPlan, planRoster } from '@core/rosterPlan'
import { fileStorageOf, type Handler } from '../context'
import { auditStaff } from '../audit/auditTrail'
import { readRosterTable } from './rosterWorkbook'
import { unfitRosterNames } from './rosterNames'

const NOTHING = { created: 0, updated: 0, units: { subdistricts: 0, communities: 0, grids: 0 }, missing: [] }

export const orgImport: Handler<'org.import'> = async ({ fileId, dryRun }, ctx) => {
  // Only the caller's own upload is read (FileStorage.read).
  const table = await readRosterTable(await fileStorageOf(ctx).read(fileId, ctx.caller.openid))
  const stored = await ctx.store.roster.readOrganisation()
  const { entries, errors } = parseRoster(table, postNamesOf(stored.posts))
  if (errors.length > 0) return { ...NOTHING, errors: errors.slice(0, ROSTER_ERRORS_SHOWN), errorCount: errors.length }
  const { plan, summary } = planRoster(entries, stored)
  const unfit = await unfitRosterNames(ctx.moderation, ctx.caller.openid, entries, stored, plan)
  if (unfit.length > 0) return { ...NOTHING, errors: unfit.slice(0, ROSTER_ERRORS_SHOWN), errorCount: unfit.length }
  if (dryRun !== true && !isEmptyPlan(plan)) {
    await ctx.store.roster.applyRoster(plan)
    await auditStaff(ctx, { action: 'org.import', target: 'roster', details: { created: summary.created, updated: summary.updated, missing: summary.missing.length } })
  }
  return { ...summary, errors: [], errorCount: 0 }
}
