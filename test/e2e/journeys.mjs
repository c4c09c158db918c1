// Every browser journey of `npm run test:e2e`, in the order they run. `shared`: the journey reads (and
// some write) the demo server the runner starts, so the order among those matters — the rating
// journey's one rating is what the evaluation page counts. The others start a local runtime of their own.
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
  { name: 'rating', shared: true, run: runRatingJourney },
  { name: 'elder', shared: true, run: runElderFriendlyChecks },
  { name: 'home', shared: true, run: runHomeJourney },
  { name: 'setup', shared: false, run: runSetupJourney },
  { name: 'ratingFold', shared: true, run: runRatingFoldChecks },
  { name: 'conflict', shared: true, run: runConflictJourney },
  { name: 'myGrid', shared: true, run: runMyGridJourney },
  { name: 'posts', shared: false, run: runPostsJourney },
  { name: 'settings', shared: false, run: runSettingsJourney },
  { name: 'invite', shared: false, run: runInviteJourney },
  { name: 'org', shared: false, run: runOrgJourney },
  { name: 'workerHome', shared: false, run: runWorkerHomeJourney },
  { name: 'visit', shared: false, run: runVisitJourney },
  { name: 'reports', shared: true, run: runReportsJourney },
  { name: 'reportExport', shared: true, run: runReportExportJourney },
  { name: 'city', shared: true, run: runCityJourney },
  { name: 'sheet', shared: false, run: runSheetJourney },
  { name: 'roster', shared: false, run: runRosterJourney },
  { name: 'appeal', shared: false, run: runAppealJourney },
  { name: 'comment', shared: false, run: runCommentJourney },
  { name: 'review', shared: false, run: runReviewJourney },
  { name: 'audit', shared: false, run: runAuditJourney },
  { name: 'case', shared: false, run: runCaseJourney },
  { name: 'report', shared: false, run: runReportJourney },
  { name: 'privacy', shared: true, run: runPrivacyJourney },
  { name: 'hall', shared: false, run: runHallJourney },
  { name: 'desktop', shared: false, run: runDesktopJourney },
]
