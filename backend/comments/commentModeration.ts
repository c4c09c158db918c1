// Trust rule 6: free text passes content moderation before anyone else sees it.
// pass: shown; review: held for staff; risky: rejected; the checker failing: held (fail closed).
import { ApiError } from '@core/errors'
import type { Moderation, ModerationVerdict } from '../context'
import type { CommentStatus } from '../store'
import { SCENE } from '../moderation/textFields'

export interface ModeratedComment {
  comment: string
  commentStatus: CommentStatus
}

export async function moderateComment(
  moderation: Moderation,
  comment: string | undefined,
  openid: string,
): Promise<ModeratedComment> {
  const text = comment?.trim() ?? ''
  if (text === '') return { comment: '', commentStatus: 'none' }
  let verdict: ModerationVerdict
  try {
    verdict = await moderation.check(text, openid, SCENE.comment)
  } catch (err) {
    console.warn('[api] comment moderation failed; holding the comment for review', err)
    return { comment: text, commentStatus: 'review' }
  }
  if (verdict === 'risky') throw new ApiError('INVALID_INPUT', '留言含有不适宜的内容，请修改后再提交')
  return { comment: text, commentStatus: verdict === 'pass' ? 'pass' : 'review' }
}
