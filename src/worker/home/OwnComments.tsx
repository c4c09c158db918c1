import { Text, View } from '@tarojs/components'
import type { OwnComment } from '../../core/comments'
import { periodLabel } from '../../core/periods'
import { CommentReport } from '../shared/CommentReport'
import './OwnComments.css'

/**
 * The comments of a party that passed moderation (trust rule 6), only where the party shows (n >= 5, trust
 * rule 5): the text and its month, never who wrote it or on which day; each with 举报 (an abusive one goes
 * back to the moderators).
 */
export function OwnComments({ comments }: { comments: OwnComment[] }) {
  return (
    <View className='own-comments'>
      <Text className='own-comments__title'>留言（{comments.length} 条，不显示是谁写的）</Text>
      {comments.map((comment, i) => (
        <View key={`${comment.month}-${i}`} className='own-comments__item'>
          <Text className='own-comments__text'>“{comment.text}”</Text>
          <Text className='own-comments__month'>{periodLabel(comment.month)}</Text>
          <CommentReport report={comment.report} />
        </View>
      ))}
    </View>
  )
}
