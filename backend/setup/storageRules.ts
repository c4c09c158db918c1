// Cloud storage's custom security rules (云存储 → 权限设置 → 自定义安全规则) for the three folders this app
// writes: `codes/` (mini-program codes, cloudCodeImages.ts), `rosters/` (the bureau's uploads,
// roster/uploadPaths.ts), `exports/` (templates and reports, cloudFileStorage.ts). Syntax as CloudBase
// documents it (https://docs.cloudbase.net/storage/security-rules): one { read, write } pair for the
// whole bucket, each an expression over `auth` (the caller: openid) and `resource` (the file: openid of
// its uploader, path); a regular expression is a literal whose test() is compared with true. The rules
// bind clients only: the functions read and write everything with admin rights.
// No API a cloud function may call sets them (wx-server-sdk's storage has upload, download, delete, temp
// URLs, file info, copy; Tencent Cloud's ModifyStorageSafeRule needs the account's API keys), so
// admin.setup hands them to the deployer as a step (README: Cloud storage rules).
import type { ManualSetupStep } from '@core/contract'

/**
 * Read:
 * - `codes/`: any signed-in user of the mini-program (a resident sees a worker's code on the card, a worker
 *   saves their poster); no one outside it (there is no public link).
 * - `exports/`: a signed-in user holding the file ID. The rules cannot see roles (no database look-up in
 *   storage rules), so the role check is the function's: only report.export, city.export and org.template
 *   answer an export's file ID, to the bureau and sub-district staff their scope allows; its name has 96
 *   random bits, a client cannot list the bucket, and the timer deletes it 24 hours on.
 * - `rosters/`: its uploader only.
 * Write: a roster, by its uploader, at a path of the form org.uploadPath answers; nothing else. A file
 * overwritten must be the caller's own (resource.openid). No backslash in a pattern, so no escaping of
 * escapes: `.` stands for the `/` between folder and name.
 */
export const STORAGE_RULES = {
  read: "auth != null && auth.openid != null && (/^codes/.test(resource.path) == true || /^exports/.test(resource.path) == true || (/^rosters/.test(resource.path) == true && resource.openid == auth.openid))",
  write: "auth != null && auth.openid != null && resource.openid == auth.openid && /^rosters.[0-9a-f]{32}.[0-9]{8}-[0-9a-f]{16}[.]xlsx$/.test(resource.path) == true",
} as const

/** The rules as the console's editor takes them. */
export const STORAGE_RULES_JSON = JSON.stringify(STORAGE_RULES, null, 2)

/** What admin.setup tells the deployer to do by hand, every time (no API can read the rules back either). */
export const STORAGE_RULES_STEP: ManualSetupStep = {
  step: '设置云存储安全规则',
  where: '云开发控制台 → 存储 → 权限设置 → 自定义安全规则，填入下面的规则并保存（1-3 分钟后生效）',
  value: STORAGE_RULES_JSON,
}
