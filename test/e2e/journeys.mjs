// Every browser journey of `npm run test:e2e`, in the order they run in their lane. `shared`: the journey
// reads (and some write) the demo server the runner starts, so the order among those matters — the
// rating journey's one rating is what the evaluation page counts. The others start a local runtime of
// their own. The runner runs lane 1 and lane 2 at once; lane 1 takes the shared journeys, then the two
// longest of the others (desktop about 50 s, hall 18 s), so that both lanes take about 140 s.
import { runAppealJourney } from './appealJourney.mjs'
import { runAuditJourney } from './auditJourney.mjs'
import { runCaseJourney } from './caseJourney.mjs'
import { runCityJourney } from './cityJourney.mjs'
import { runCommentJourney } from './commentJourney.mjs'
import { runConflictJourney } from './conflictJourney.mjs'
import { runDesktopJourney } from './desktopJourney.mjs'
import { runElderFriendlyChecks } from './elderFriendlyJourney.mjs'
import { runHallJourney } from './hallJourney.mjs'
import { runHomeJourney } from './homeJourney.mjs'
import { runInviteJourney } from './inviteJourney.mjs'
import { runMyGridJourney } from './myGridJourney.mjs'
import { runOrgJourney } from './orgJourney.mjs'
import { runPostsJourney } from './postsJourney.mjs'
import { runPrivacyJourney } from './privacyJourney.mjs'
import { runRatingFoldChecks } from './ratingFold.mjs'
import { runRatingJourney } from './ratingJourney.mjs'
import { runReportExportJourney } from './reportExportJourney.mjs'
import { runReportJourney } from './reportJourney.mjs'
import { runReportsJourney } from './reportsJourney.mjs'
import { runReviewJourney } from './reviewJourney.mjs'
import { runRosterJourney } from './rosterJourney.mjs'
import { runSettingsJourney } from './settingsJourney.mjs'
import { runSetupJourney } from './setupJourney.mjs'
import { runSheetJourney } from './sheetJourney.mjs'
import { runVisitJourney } from './visitJourney.mjs'
import { runWorkerHomeJourney } from './workerHomeJourney.mjs'

/** Each journey is called with { browser, root, baseUrl, shots, test, assert } (baseUrl: the shared server). */
export const JOURNEYS = [
  { name: 'rating', shared: true, lane: 1, run: runRatingJourney },
  { name: 'elder', shared: true, lane: 1, run: runElderFriendlyChecks },
  { name: 'home', shared: true, lane: 1, run: runHomeJourney },
  { name: 'setup', shared: false, lane: 2, run: runSetupJourney },
  { name: 'ratingFold', shared: true, lane: 1, run: runRatingFoldChecks },
  { name: 'conflict', shared: true, lane: 1, run: runConflictJourney },
  { name: 'myGrid', shared: true, lane: 1, run: runMyGridJourney },
  { name: 'posts', shared: false, lane: 2, run: runPostsJourney },
  { name: 'settings', shared: false, lane: 2, run: runSettingsJourney },
  { name: 'invite', shared: false, lane: 2, run: runInviteJourney },
  { name: 'org', shared: false, lane: 2, run: runOrgJourney },
  { name: 'workerHome', shared: false, lane: 2, run: runWorkerHomeJourney },
  { name: 'visit', shared: false, lane: 2, run: runVisitJourney },
  { name: 'reports', shared: true, lane: 1, run: runReportsJourney },
  { name: 'reportExport', shared: true, lane: 1, run: runReportExportJourney },
  { name: 'city', shared: true, lane: 1, run: runCityJourney },
  { name: 'sheet', shared: false, lane: 2, run: runSheetJourney },
  { name: 'roster', shared: false, lane: 2, run: runRosterJourney },
  { name: 'appeal', shared: false, lane: 2, run: runAppealJourney },
  { name: 'comment', shared: false, lane: 2, run: runCommentJourney },
  { name: 'review', shared: false, lane: 2, run: runReviewJourney },
  { name: 'audit', shared: false, lane: 2, run: runAuditJourney },
  { name: 'case', shared: false, lane: 2, run: runCaseJourney },
  { name: 'report', shared: false, lane: 2, run: runReportJourney },
  { name: 'privacy', shared: true, lane: 1, run: runPrivacyJourney },
  { name: 'hall', shared: false, lane: 1, run: runHallJourney },
  { name: 'desktop', shared: false, lane: 1, run: runDesktopJourney },
]
