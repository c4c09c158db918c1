import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { WHY_HELD, type CommentDecision, type HeldCommentView } from '../../core/comments'
import type { NoteDecision, ReportedNoteView } from '../../core/contentReports'
import { useDecideNote } from '../../hooks/contentReports'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useDecideComment, useHeldComments } from '../../hooks/comments'
import { useSession } from '../../hooks/useSession'
import { StaffProblemNotice } from '../shared/StaffProblemNotice'
import { SubdistrictField } from '../shared/SubdistrictField'
import { useStaffScope } from '../shared/useStaffScope'
import { HeldCommentCard } from './HeldCommentCard'
import { ReportedNoteCard } from './ReportedNoteCard'
import '../../styles/staff.css'
import '../../styles/staffCards.css'
import '../../styles/staffDesktop.css'
import './index.css'

const DONE: Record<CommentDecision, { title: string; detail: string }> = {
  release: { title: '已通过', detail: '被评价的工作者现在能在自己的评价结果里看到这条留言，但看不到是谁写的。' },
  reject: { title: '已设为不通过', detail: '这条留言不会给任何人看到，评价等级照常计入。' },
}

const NOTE_DONE: Record<NoteDecision, { title: string; detail: string }> = {
  release: { title: '已通过', detail: '评价人仍能看到这条整改说明。' },
  reject: { title: '已隐藏', detail: '评价人现在看到的是“整改说明已被隐藏”，差评的其他处理照常。' },
}

const WHY_REPORTED = '工作者举报的留言、评价人举报的整改说明也在这里审核，不显示是谁举报的。'

const keyOf = (item: HeldCommentView) => `${item.ref.kind}:${item.ref.id}`
const noteKeyOf = (item: ReportedNoteView) => `note:${item.caseId}`

/**
 * 留言审核: the sub-district's held comments (trust rule 6), each released (通过) or rejected (不通过), a
 * comment its worker reported among them; then the rectification notes raters reported, kept or hidden.
 */
export default function CommentsPage() {
  const scope = useStaffScope()
  const { session, may } = useSession()
  const allowed = may('comment.list')
  const payload = !allowed ? null : scope.isBureau ? (scope.subdistrictId === null ? null : { subdistrictId: scope.subdistrictId }) : {}
  const { state, reload } = useHeldComments(payload)
  const decide = useDecideComment()
  const [gone, setGone] = useState<Record<string, true>>({})
  const [busy, setBusy] = useState<{ key: string; decision: CommentDecision } | null>(null)
  const [lastKey, setLastKey] = useState<string | null>(null)
  const [done, setDone] = useState<{ title: string; detail: string } | null>(null)
  const decideNote = useDecideNote()
  const [noteBusy, setNoteBusy] = useState<{ key: string; decision: NoteDecision } | null>(null)

  const onDecide = async (item: HeldCommentView, decision: CommentDecision) => {
    const key = keyOf(item)
    setBusy({ key, decision })
    setLastKey(key)
    setDone(null)
    const result = await decide.run({ ref: item.ref, submittedAt: item.submittedAt, decision })
    setBusy(null)
    if (result === null) return
    setGone((before) => ({ ...before, [key]: true }))
    setDone(DONE[decision])
  }

  const onDecideNote = async (item: ReportedNoteView, decision: NoteDecision) => {
    const key = noteKeyOf(item)
    setNoteBusy({ key, decision })
    setLastKey(key)
    setDone(null)
    const result = await decideNote.run({ caseId: item.caseId, rectifiedAt: item.rectifiedAt, decision })
    setNoteBusy(null)
    if (result === null) return
    setGone((before) => ({ ...before, [key]: true }))
    setDone(NOTE_DONE[decision])
  }
  // A failed decision is said on its own card (409: someone decided it first, or the rater changed it).
  const problem = decide.state.status === 'error' ? decide.state.error.message : null
  const noteProblem = decideNote.state.status === 'error' ? decideNote.state.error.message : null
  const comments = state.status === 'ok' ? state.data.comments.filter((item) => gone[keyOf(item)] !== true) : []
  const notes = state.status === 'ok' ? state.data.notes.filter((item) => gone[noteKeyOf(item)] !== true) : []
  const waiting = comments.length + notes.length

  return (
    <Screen className='staff'>
      <Text className='staff-title'>留言审核</Text>
      <Text className='comments-why'>{WHY_HELD}</Text>
      <Text className='comments-why'>{WHY_REPORTED}</Text>
      {scope.isBureau ? <SubdistrictField value={scope.subdistrictInput} onChange={scope.setSubdistrictInput} /> : null}

      {session !== null && !allowed ? (
        <Notice kind='info' title='这里只对街道工作人员开放' detail='街道工作人员在这里审核本街道暂缓显示的留言。' />
      ) : null}
      {done ? <Notice kind='success' title={done.title} detail={done.detail} /> : null}
      {session === null || (allowed && (state.status === 'idle' || state.status === 'loading')) ? (
        <Notice kind='loading' title='正在读取待审核的留言…' />
      ) : null}
      {state.status === 'error' ? <StaffProblemNotice error={state.error} onRetry={() => reload()} /> : null}
      {state.status === 'ok' && waiting === 0 ? (
        <Notice kind='empty' title='没有待审核的留言' detail='新的待审核留言会出现在这里。'>
          <BigButton variant='secondary' onClick={() => reload()}>
            刷新
          </BigButton>
        </Notice>
      ) : null}

      {state.status === 'ok' && waiting > 0 ? (
        <View>
          <Text className='staff-summary'>
            {state.data.subdistrictName}：待审核 {waiting} 条
          </Text>
          {comments.map((item) => (
            <HeldCommentCard
              key={keyOf(item)}
              item={item}
              busy={busy?.key === keyOf(item) ? busy.decision : null}
              problem={lastKey === keyOf(item) ? problem : null}
              onDecide={(decision) => void onDecide(item, decision)}
            />
          ))}
          {notes.map((item) => (
            <ReportedNoteCard
              key={noteKeyOf(item)}
              item={item}
              busy={noteBusy?.key === noteKeyOf(item) ? noteBusy.decision : null}
              problem={lastKey === noteKeyOf(item) ? noteProblem : null}
              onDecide={(decision) => void onDecideNote(item, decision)}
            />
          ))}
        </View>
      ) : null}
    </Screen>
  )
}
