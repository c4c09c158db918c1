// Cloud storage's security rules (backend/setup/storageRules.ts), read by a small evaluator of CloudBase's
// rule expressions (test/support/storageRuleEvaluator.ts): codes readable by the app's users, exports by
// signed-in holders of a file ID (which only the staff actions answer), rosters by their uploader only;
// the only client write a roster by its uploader at a path org.uploadPath answers. The README gives the
// same JSON the function hands the deployer. The paths are the ones the code makes, not copies.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { STORAGE_RULES, STORAGE_RULES_JSON, STORAGE_RULES_STEP } from '@backend/setup/storageRules'
import { newUploadPath } from '@backend/roster/uploadPaths'
import { uploaderFolderId } from '@backend/store/ids'
import { codeImageId } from '../cloudfunctions/api/src/cloudCodeImages'
import { type RuleRequest, allows } from './support/storageRuleEvaluator'

const RESIDENT = 'o-resident'
const BUREAU = 'o-bureau'
/** A file a function wrote with admin rights has no uploader openid. */
const FUNCTION = ''

const signedIn = (openid: string) => ({ openid })
const read = (auth: RuleRequest['auth'], owner: string, filePath: string) => allows(STORAGE_RULES.read, { auth, resource: { openid: owner, path: filePath } })
const write = (auth: RuleRequest['auth'], owner: string, filePath: string) => allows(STORAGE_RULES.write, { auth, resource: { openid: owner, path: filePath } })

const code = `codes/release/${codeImageId('release', 'pages/rate/index', 'YQ01')}.png`
const exported = 'exports/2026-12-07/0123456789abcdef01234567.xlsx'
const roster = newUploadPath(uploaderFolderId(BUREAU, 'id-key-for-this-test-0123456789'), new Date('2026-12-07T02:00:00Z')).path

it('is JSON of a read and a write expression, the same in the README and in what admin.setup answers', () => {
  expect(Object.keys(JSON.parse(STORAGE_RULES_JSON) as object)).toEqual(['read', 'write'])
  expect(STORAGE_RULES_STEP.value).toBe(STORAGE_RULES_JSON)
  const readme = readFileSync(path.resolve(__dirname, '../README.md'), 'utf8')
  const block = /### Cloud storage rules[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1]
  expect(JSON.parse(block ?? 'null')).toEqual(STORAGE_RULES)
  // No backslash anywhere: a regular expression in a rule string would need its escapes escaped again.
  expect(STORAGE_RULES_JSON).not.toContain('\\')
})

it('lets every signed-in user of the mini-program read a code, and nobody outside it', () => {
  expect(code).toMatch(/^codes\/release\/[0-9a-f]{32}\.png$/)
  expect(read(signedIn(RESIDENT), FUNCTION, code)).toBe(true)
  expect(read(null, FUNCTION, code)).toBe(false)
})

it('lets a signed-in holder of an export’s file ID read it, and nobody outside the mini-program', () => {
  expect(read(signedIn(BUREAU), FUNCTION, exported)).toBe(true)
  expect(read(null, FUNCTION, exported)).toBe(false)
})

it('lets only its uploader read a roster', () => {
  expect(roster).toMatch(/^rosters\/[0-9a-f]{32}\/20261207-[0-9a-f]{16}\.xlsx$/)
  expect(read(signedIn(BUREAU), BUREAU, roster)).toBe(true)
  expect(read(signedIn(RESIDENT), BUREAU, roster)).toBe(false)
  expect(read(null, BUREAU, roster)).toBe(false)
})

it('reads nothing else: not the timer’s probe file in rosters/, not a folder it does not know', () => {
  expect(read(signedIn(BUREAU), FUNCTION, 'rosters/.prefix')).toBe(false)
  expect(read(signedIn(BUREAU), FUNCTION, 'secrets/keys.json')).toBe(false)
  expect(read(signedIn(BUREAU), FUNCTION, 'uploads/a.xlsx')).toBe(false)
})

it('lets the uploader write a roster at the path org.uploadPath answers, and nothing else anywhere', () => {
  expect(write(signedIn(BUREAU), BUREAU, roster)).toBe(true)
  // Someone else's file at that path, or no one signed in.
  expect(write(signedIn(RESIDENT), BUREAU, roster)).toBe(false)
  expect(write(null, BUREAU, roster)).toBe(false)
  // Other folders and other shapes, even as the file's own uploader.
  expect(write(signedIn(RESIDENT), RESIDENT, code)).toBe(false)
  expect(write(signedIn(RESIDENT), RESIDENT, exported)).toBe(false)
  expect(write(signedIn(RESIDENT), RESIDENT, roster.replace(/\.xlsx$/, '.exe'))).toBe(false)
  expect(write(signedIn(RESIDENT), RESIDENT, 'rosters/big-video.mp4')).toBe(false)
  expect(write(signedIn(RESIDENT), RESIDENT, `${roster}/more`)).toBe(false)
})

it('reads rules as CloudBase writes them (the evaluator itself)', () => {
  expect(allows(true, { auth: null, resource: { openid: '', path: 'x' } })).toBe(true)
  expect(allows("auth != null && auth.openid == 'a'", { auth: signedIn('a'), resource: { openid: '', path: 'x' } })).toBe(true)
  // A field of a null auth denies rather than passes.
  expect(allows("auth.openid == 'a'", { auth: null, resource: { openid: '', path: 'x' } })).toBe(false)
  expect(allows('/^pub/.test(resource.path) == true', { auth: null, resource: { openid: '', path: 'public/a.png' } })).toBe(true)
  expect(() => allows('resource.size > 5', { auth: null, resource: { openid: '', path: 'x' } })).toThrow(SyntaxError)
})
