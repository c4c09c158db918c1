// 投诉/举报 on CloudBase, through the BUILT function's exports.main on the real wx-server-sdk over the
// emulator: a person served gives a visit level 1 with a comment; once the community called them back, the
// worker reports the comment from case.worker — one `content_reports` document that holds no openid, the
// feedback held again (`review`) — and the sub-district's staff reject it in comment.list. The case is
// rectified; the rater reports the note, and staff hide it (note.decide): the rater reads it hidden.
import type { RaterCaseView, WorkerCaseView } from '@core/cases'
import type { CommentList } from '@core/comments'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction, timerEvent } from '../cloudbase/realSdk'
import { setUpCloud } from '../support/cloudEnv'
import { YEAR_STAFF, YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'
import { freshKey } from '../support/keys'

const WORKER = 'o-worker-Y0001'
const RECIPIENT = 'o-recipient-1'
const ADMIN = 'o-admin-c1'
const PNG = Buffer.from('89504e470d0a1a0a', 'hex')

let emulator: CloudbaseEmulator
let api: CloudFunctionInstance
beforeEach(async () => {
  const org = yearOrg(2)
  org.principals.push({ openid: WORKER, role: 'worker', name: '工作者1', workerCode: 'Y0001' })
  org.principals.push({ openid: ADMIN, role: 'community', name: '社区1 周书记', communityId: `${YEAR_SUBDISTRICT}-c1`, subdistrictId: YEAR_SUBDISTRICT })
  ;({ emulator } = await setUpCloud(org))
  api = loadCloudFunction(emulator, { instanceId: 'api-1', openapi: { wxacode: { getUnlimited: () => ({ errCode: 0, contentType: 'image/jpeg', buffer: PNG }) } } })
})
afterEach(() => emulator.dispose())

interface Reply<T = unknown> {
  ok: boolean
  data: T
  code?: string
}
const call = <T = unknown>(action: string, payload: unknown, openid: string) => api.invoke({ action, payload }, { openid }) as Promise<Reply<T>>

it('a worker’s report holds the comment for 留言审核; a rater’s report of the note lets staff hide it', async () => {
  const { visitCode } = (await call<{ visitCode: string }>('visit.log', { type: '关爱走访' }, WORKER)).data
  expect(await call('feedback.submit', { visitCode, level: 1, comment: '这个工作者就是个废物', idempotencyKey: freshKey('fb') }, RECIPIENT)).toMatchObject({ ok: true })
  await api.invoke(timerEvent('repairTallies', new Date()), {})
  const caseId = (emulator.documents('cases')[0] as { _id: string })._id
  expect(await call('case.callback', { caseId, reached: false, outcome: '无法联系', idempotencyKey: freshKey() }, ADMIN)).toMatchObject({ ok: true })

  const [seen] = (await call<{ cases: WorkerCaseView[] }>('case.worker', {}, WORKER)).data.cases
  expect(seen).toMatchObject({ comment: '这个工作者就是个废物', report: { kind: 'recipient' } })
  const report = { ...seen.report, reason: '辱骂/人身攻击' }
  expect(await call('comment.report', report, WORKER)).toEqual({ ok: true, data: { already: false } })
  expect(await call('comment.report', report, WORKER)).toEqual({ ok: true, data: { already: true } })
  const docs = emulator.documents('content_reports')
  expect(docs).toHaveLength(1)
  expect(docs[0]).toMatchObject({ kind: 'comment', itemId: caseId, subdistrictId: YEAR_SUBDISTRICT, reason: '辱骂/人身攻击', status: 'open' })
  expect(JSON.stringify(docs)).not.toMatch(/o-worker|o-recipient/)
  expect(emulator.documents('feedback').find((doc) => (doc as { _id: string })._id === visitCode)).toMatchObject({ commentStatus: 'review', level: 1 })

  const queue = (await call<CommentList>('comment.list', {}, YEAR_STAFF)).data
  expect(queue.comments.map((c) => [c.comment, c.reported])).toEqual([['这个工作者就是个废物', { reasons: ['辱骂/人身攻击'] }]])
  const [held] = queue.comments
  expect(await call('comment.decide', { ref: held.ref, submittedAt: held.submittedAt, decision: 'reject' }, YEAR_STAFF)).toMatchObject({ ok: true, data: { status: 'rejected' } })
  expect(emulator.documents('content_reports')[0]).toMatchObject({ status: 'closed' })

  const NOTE = '已批评教育，此人住3栋'
  expect(await call('case.rectify', { caseId, note: NOTE, idempotencyKey: freshKey() }, ADMIN)).toMatchObject({ ok: true })
  expect(await call('note.report', { caseId, reason: '泄露隐私' }, WORKER)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await call('note.report', { caseId, reason: '泄露隐私' }, RECIPIENT)).toEqual({ ok: true, data: { already: false } })
  const { notes } = (await call<CommentList>('comment.list', {}, YEAR_STAFF)).data
  expect(notes.map((n) => [n.caseId, n.note, n.reasons])).toEqual([[caseId, NOTE, ['泄露隐私']]])
  expect(await call('note.decide', { caseId, rectifiedAt: notes[0].rectifiedAt, decision: 'reject' }, YEAR_STAFF)).toEqual({ ok: true, data: { caseId, status: 'hidden' } })
  const [mine] = (await call<{ cases: RaterCaseView[] }>('case.mine', {}, RECIPIENT)).data.cases
  expect(mine.rectification).toEqual({ at: notes[0].rectifiedAt, note: '', hidden: true })
  const audited = (emulator.documents('audit') as unknown as Array<{ action: string }>).map((e) => e.action).filter((a) => a.endsWith('.decide')).sort()
  expect(audited).toEqual(['comment.decide', 'note.decide'])
})
