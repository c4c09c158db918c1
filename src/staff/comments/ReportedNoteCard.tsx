import { Text, View } from '@tarojs/components'
import { type NoteDecision, type ReportedNoteView, reportReasonsText } from '../../core/contentReports'
import { chinaDateOf } from '../../core/periods'

interface ReportedNoteCardProps {
  item: ReportedNoteView
  /** The decision being sent for this card, if any. */
  busy: NoteDecision | null
  /** Why the last decision on this card failed. */
  problem: string | null
  onDecide: (decision: NoteDecision) => void
}

function dayOf(at: string): string {
  const [, month, day] = chinaDateOf(at).split('-')
  return `${Number(month)}月${Number(day)}日`
}

/** Who wrote the note, with their community unless their name already says it (银泉社区 周书记). */
const writer = (item: ReportedNoteView) => (item.communityName === '' || item.byName.includes(item.communityName) ? item.byName : `${item.communityName} ${item.byName}`)

/**
 * One rectification note its rater reported (投诉/举报): the worker, the community and who wrote it, the
 * reasons, the text; 通过 keeps it shown to the rater, 不通过 hides it from them (they read 整改说明已被隐藏,
 * the case goes on). Never who reported: only the case's rater reads the note.
 */
export function ReportedNoteCard({ item, busy, problem, onDecide }: ReportedNoteCardProps) {
  const button = (decision: NoteDecision, label: string) => (
    <View
      className={`held-comment__button held-comment__button--${decision}${busy !== null ? ' held-comment__button--busy' : ''}`}
      data-decision={decision}
      role='button'
      onClick={() => busy === null && onDecide(decision)}
    >
      <Text>{busy === decision ? '正在提交…' : label}</Text>
    </View>
  )
  return (
    <View className='staff-panel held-comment reported-note' data-case={item.caseId}>
      <Text className='staff-heading held-comment__worker'>
        {item.workerName}
        <Text className='staff-card__where'>（{item.workerCode}）</Text>
      </Text>
      <Text className='staff-note held-comment__meta'>
        差评的整改说明 · {writer(item)}填写 · 被举报于{dayOf(item.reportedAt)}
      </Text>
      <Text className='held-comment__reported'>被举报的整改说明 · 原因：{reportReasonsText(item.reasons)}</Text>
      <Text className='held-comment__text'>“{item.note}”</Text>
      {problem ? <Text className='held-comment__problem'>{problem}</Text> : null}
      <View className='held-comment__actions'>
        {button('release', '通过，继续显示')}
        {button('reject', '不通过，隐藏')}
      </View>
    </View>
  )
}
