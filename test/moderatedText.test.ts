// Trust rule 6 for every text a person can read (backend/moderation/textFields.ts), as the authorization
// matrix does for roles: the table is held to the payload schemas (every string they clean is in it, every
// other string is named below with why nobody reads it as text), and every field of it is sent, by a caller
// the access table allows, with a word the local stand-in (server/moderation.ts) rejects and one it holds:
// staff and workers' texts are refused with a message naming the field, and nothing is stored; a resident's
// comment is held for staff, or refused when risky. The roster's names are refused with their row and column.
import { ACCESS, mayCall } from '@core/access'
import type { ActionName } from '@core/contract'
import type { RosterImportResult } from '@core/rosterSchemas'
import type { CommentList } from '@core/comments'
import type { ModerationScene } from '@backend/context'
import { MODERATED_TEXT, type ModeratedText } from '@backend/moderation/textFields'
import { textsAt } from '@backend/moderation/moderateTexts'
import { REVIEW_WORDS, RISKY_WORDS, keywordModeration } from '../server/moderation'
import { CALLERS, payloadOf, storeChanges, storeHash } from './support/authorizationCalls'
import { dataOf } from './support/apiHarness'
import { demoCaller, type TestCaller } from './support/demoCaller'
import { KNOWN_SCHEMA_TYPES, payloadStrings, schemaTypesUsed } from './support/payloadTexts'
import { memoryFiles, rosterXlsx, type RosterRow } from './support/rosterFile'

const NOW = new Date('2026-07-10T02:00:00.000Z')

/** Every check the stand-in was asked, with the writer and the scene. */
const calls: Array<{ text: string; openid: string; scene: ModerationScene }> = []
const files = memoryFiles()
let demo: TestCaller
beforeAll(async () => {
  const moderation = { check: (text: string, openid: string, scene: ModerationScene) => (calls.push({ text, openid, scene }), keywordModeration.check(text, openid, scene)) }
  demo = await demoCaller({ now: NOW, moderation, files })
})
afterAll(() => demo.close())
beforeEach(() => {
  calls.length = 0
})

const FIELDS = (Object.entries(MODERATED_TEXT) as Array<[ActionName, readonly ModeratedText[]]>).flatMap(([action, fields]) => fields.map((field) => ({ action, ...field })))
const key = (action: string, path: string) => `${action} ${path}`

/** Strings of a payload nobody reads as free text, by field name: ids picked from lists, codes, keys, dates. */
const NOT_TEXT: Record<string, string> = {
  workerCode: '工号, checked against SCENE_PATTERN', subdistrictId: 'an id picked from a list', communityId: 'an id', gridId: 'an id', postId: 'an id',
  caseId: 'an id', appealId: 'an id', reviewId: 'an id', reviewIds: 'ids', id: 'a sealed rating ref', token: 'a keyed rating token',
  inviteCode: 'a scanned code', visitCode: 'a scanned code', hallCode: 'a scanned code', groups: 'worker codes', workerCodes: 'worker codes', date: 'a calendar date', a: 'a worker code (AB post)', b: 'a worker code (AB post)', fileId: 'an upload path', idempotencyKey: 'a request key',
  period: 'YYYY-MM and the like', endedAt: 'an ISO moment', from: 'a date filter', to: 'a date filter', before: 'a paging cursor',
  submittedAt: 'a moment passed back', rectifiedAt: 'the moment naming the note decided on', action: 'an audit filter, never stored',
  phone: 'digits only (MOBILE_PATTERN), read by the handling admin alone, erased when the case closes',
}

describe('the table', () => {
  const { strings, opaque } = payloadStrings()

  it('lists every free text and name the payload schemas accept (the strings they clean), and only those', () => {
    const cleaned = strings.filter((s) => s.text).map((s) => key(s.action, s.path)).sort()
    // The one entry behind a field the schema leaves to the handler (settings.save's settings, a v.custom).
    const listed = FIELDS.map((f) => key(f.action, f.path)).filter((k) => k !== 'settings.save settings.sheetCriteria.name').sort()
    expect(listed).toEqual(cleaned)
    expect(opaque).toEqual(['settings.save settings'])
    expect([...schemaTypesUsed()].filter((type) => !KNOWN_SCHEMA_TYPES.has(type))).toEqual([])
  })

  it('knows every other string of a payload as something nobody reads as text', () => {
    const unknown = strings.filter((s) => !s.text && !((s.path.split('.').pop() ?? '') in NOT_TEXT)).map((s) => key(s.action, s.path))
    expect(unknown).toEqual([])
  })

  it('has no text field in an action anonymous callers may send (msgSecCheck needs the writer)', () => {
    expect(FIELDS.filter((f) => mayCall(f.action, 'anonymous'))).toEqual([])
  })
})

/** The payload with `text` at `path`; in a list, as its second and last line (the first left as it was). */
function withTextAt(payload: unknown, path: string, text: string): unknown {
  const copy = structuredClone(payload) as Record<string, unknown>
  const keys = path.split('.')
  let at: Record<string, unknown> = copy
  keys.slice(0, -1).forEach((k) => {
    const next = at[k]
    if (Array.isArray(next)) at[k] = next.slice(0, 2)
    at = (Array.isArray(next) ? next[1] : next) as Record<string, unknown>
  })
  const last = keys[keys.length - 1] ?? ''
  const old = at[last]
  at[last] = Array.isArray(old) ? [old[0], text] : text
  return copy
}

const inList = (f: ModeratedText) => f.path === 'post.duties' || f.path.startsWith('settings.sheetCriteria')
const callerFor = (action: ActionName) => {
  const caller = CALLERS.find((c) => c.openid !== null && mayCall(action, c.who) && (ACCESS[action].scoped !== 'target' || c.theirs))
  if (caller === undefined) throw new Error(`no caller may send ${action}`)
  return caller
}

const REFUSED = FIELDS.filter((f) => f.on === 'refuse').flatMap((f) => [
  [f.action, f.path, 'rejects', RISKY_WORDS[0] ?? '', f] as const,
  [f.action, f.path, 'holds', REVIEW_WORDS[0] ?? '', f] as const,
])

it.each(REFUSED)('%s refuses %s with a word the stand-in %s, and stores nothing', async (action, path, _verdict, word, field) => {
  const caller = callerFor(action)
  const payload = withTextAt(payloadOf(action, caller.who, `moderated-${action}-${path}-${word}`), path, `这里写了${word}二字`)
  const changes = storeChanges(demo.store)
  const reply = await demo.call(action, payload, caller.openid)
  const message = `${inList(field) ? '第 2 条' : ''}${field.label}含有不宜发布的内容，请修改后再提交`
  // The settings page marks a setting by its name (sheetCriteria); every other form shows the message as is.
  expect(reply).toEqual({ ok: false, code: 'INVALID_INPUT', message, field: path === 'settings.sheetCriteria.name' ? 'sheetCriteria' : path })
  expect(storeChanges(demo.store)).toBe(changes)
  // Asked with the writer's openid and the field's scene, once per field with text: a list's lines in one
  // call, which, not passing, is halved to find the line (line 1 passes, line 2 does not).
  const others = (MODERATED_TEXT[action] ?? []).filter((f) => f.on === 'refuse' && f.path !== path && textsAt(payload, f.path).some((t) => t !== ''))
  const mine = calls.filter((c) => c.text.includes(word))
  expect(calls.every((c) => c.openid === caller.openid)).toBe(true)
  expect(mine.every((c) => c.scene === field.scene)).toBe(true)
  expect({ mine: mine.length, all: calls.length }).toEqual(inList(field) ? { mine: 2, all: others.length + 3 } : { mine: 1, all: others.length + 1 })
})

describe("a resident's comment", () => {
  const RESIDENT = 'dev-resident-1'
  const held = async () => dataOf<CommentList>(await demo.call('comment.list', { subdistrictId: 'fushan' }, 'dev-subdistrict-fushan')).comments.map((c) => c.comment)

  it('with a word the stand-in holds: the rating counts, its comment waits in the staff queue', async () => {
    const comment = `服务态度${REVIEW_WORDS[0]}`
    dataOf(await demo.call('rating.submit', { workerCode: 'YQ04', level: 2, comment, idempotencyKey: 'moderated-rating-held' }, RESIDENT))
    const { visitCode } = dataOf<{ visitCode: string }>(await demo.call('visit.log', { type: '关爱走访' }, 'dev-worker-QL01'))
    const feedback = `上门的人${REVIEW_WORDS[1]}`
    dataOf(await demo.call('feedback.submit', { visitCode, level: 1, comment: feedback, idempotencyKey: 'moderated-feedback-held' }, RESIDENT))
    expect(await held()).toEqual(expect.arrayContaining([comment, feedback]))
    expect(calls.filter((c) => c.scene === 2).map((c) => c.text)).toEqual([comment, feedback])
  })

  it('with a word the stand-in rejects: refused, and nothing is stored', async () => {
    const before = storeHash(demo.store)
    const payload = { workerCode: 'YQ05', level: 1, comment: `他们在${RISKY_WORDS[0]}`, idempotencyKey: 'moderated-rating-risky' }
    expect(await demo.call('rating.submit', payload, RESIDENT)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(storeHash(demo.store)).toBe(before)
  })
})

it('checks each text field once, in one call however many lines, and an empty one not at all', async () => {
  const duties = ['包保一个网格', '走访独居老人']
  dataOf(await demo.call('post.save', { post: { postId: 'zhuanzhi', name: '专职社区工作者', duties } }, 'dev-bureau'))
  dataOf(await demo.call('visit.log', { type: '关爱走访', place: '银泉小区3栋', note: '' }, 'dev-worker-QL01'))
  expect(calls).toEqual([
    { text: '专职社区工作者', openid: 'dev-bureau', scene: 1 },
    { text: '包保一个网格\n走访独居老人', openid: 'dev-bureau', scene: 1 },
    { text: '银泉小区3栋', openid: 'dev-worker-QL01', scene: 1 },
  ])
})

describe("the roster's names", () => {
  const rows: RosterRow[] = [
    { subdistrict: '新城街道办事处', community: '新城社区', grid: '1号网格', households: 400, workerCode: 'XC01', name: '王芳', post: '专职社区工作者' },
    { subdistrict: '新城街道办事处', community: '新城社区', grid: '2号网格', households: 350, workerCode: 'XC02', name: '李静', post: '专职社区工作者' },
  ]
  const importRows = async (roster: RosterRow[]) =>
    dataOf<RosterImportResult>(await demo.call('org.import', { fileId: files.put(await rosterXlsx(roster)) }, 'dev-bureau'))

  const COLUMNS = [['街道', 'subdistrict'], ['社区', 'community'], ['网格', 'grid'], ['姓名', 'name']] as const
  it.each(COLUMNS)('refuses a %s name the stand-in rejects, with its row and column, and stores nothing', async (column, field) => {
    const changes = storeChanges(demo.store)
    const spoiled = rows.map((row, i) => (i === 1 ? { ...row, [field]: `${RISKY_WORDS[1]}${row[field]}` } : row))
    const result = await importRows(spoiled)
    // Row 3: the header is row 1. A 街道/社区 name spoiled in row 3 is a second unit, first seen there.
    expect(result).toMatchObject({ created: 0, errorCount: 1, errors: [{ row: 3, column, message: `${column}含有不宜发布的内容，请修改后再导入` }] })
    expect(storeChanges(demo.store)).toBe(changes)
  })

  it('checks only the names an import writes: none again for the same file', async () => {
    expect(await importRows(rows)).toMatchObject({ created: 2, errors: [] })
    // 新城街道办事处, 新城社区, 1号网格, 2号网格, 王芳, 李静: six names, one call.
    expect(calls).toEqual([{ text: '新城街道办事处\n新城社区\n1号网格\n王芳\n2号网格\n李静', openid: 'dev-bureau', scene: 1 }])
    calls.length = 0
    expect(await importRows(rows)).toMatchObject({ created: 0, updated: 0, errors: [] })
    expect(calls).toEqual([])
  })
})
