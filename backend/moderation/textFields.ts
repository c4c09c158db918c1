// Trust rule 6 for every text a person can read, not only comments: which fields of which action's
// payload are free text or names someone else reads, what they are called on the page, and the msgSecCheck
// scene that fits them. The door checks the `refuse` fields before any handler runs (moderateTexts.ts);
// test/moderatedText.test.ts derives every string field from the payload schemas, so a new one cannot be
// forgotten here. The roster's names come from a file, not a payload: backend/roster/rosterNames.ts.
import type { ActionName } from '@core/contract'
import type { ModerationScene } from '../context'

/** msgSecCheck v2's scenes (WeChat's 文本内容安全识别: 1 资料, 2 评论, 3 论坛, 4 社交日志). */
export const SCENE = { profile: 1, comment: 2, forum: 3, log: 4 } as const satisfies Record<string, ModerationScene>

export interface ModeratedText {
  /** Where in the payload, dot-separated; arrays on the way are walked, and their texts checked in one call. */
  path: string
  /** What the page calls it: the refusal names it (整改情况含有不宜发布的内容…). */
  label: string
  scene: ModerationScene
  /** The input the page marks with the refusal (the reply's `field`), where it is not the path. */
  field?: string
  /**
   * refuse: the writer is told to rewrite it, and nothing is stored (the door, before the handler).
   * hold: the handler stores it held for staff, because the rating it comes with must count at once
   * (a resident's comment: backend/comments/commentModeration.ts).
   */
  on: 'refuse' | 'hold'
}

const refuse = (path: string, label: string, scene: ModerationScene): ModeratedText => ({ path, label, scene, on: 'refuse' })

// Staff and workers write to be read: what they enter is refused, never held, because a held note or name
// would leave a case, an appeal or a card without its text; the writer is at the form and can reword it.
export const MODERATED_TEXT: { readonly [A in ActionName]?: readonly ModeratedText[] } = {
  // Residents' comments: the rating counts at once, its comment waits for staff (trust rule 6).
  'rating.submit': [{ path: 'comment', label: '留言', scene: SCENE.comment, on: 'hold' }],
  'feedback.submit': [{ path: 'comment', label: '留言', scene: SCENE.comment, on: 'hold' }],
  'hall.feedback': [{ path: 'comment', label: '留言', scene: SCENE.comment, on: 'hold' }],
  // The rater reads the rectification on their home page, and the subscribe message carries it.
  'case.callback': [refuse('outcome', '回访情况', SCENE.comment)],
  'case.rectify': [refuse('note', '整改情况', SCENE.comment)],
  // The appeal's reason is read by sub-district staff, their decision by the worker.
  'appeal.file': [refuse('reason', '申诉理由', SCENE.comment)],
  'appeal.decide': [refuse('note', '复核意见', SCENE.comment)],
  // Reasons kept in the audit log and on the sheet's history, read by other staff.
  'review.decide': [refuse('reason', '复核意见', SCENE.comment)],
  'review.decideBatch': [refuse('reason', '复核意见', SCENE.comment)],
  'sheet.change': [refuse('reason', '修改理由', SCENE.comment)],
  // The criteria names head every sub-district's scoring sheet: names, so scene 资料. The settings page
  // shows a refusal beside the setting its `field` names.
  'settings.save': [
    refuse('reason', '修改理由', SCENE.comment),
    { ...refuse('settings.sheetCriteria.name', '评分项名称', SCENE.profile), field: 'sheetCriteria' },
  ],
  // A worker's own record, which staff see too: the place is a name, the note a log entry.
  'visit.log': [refuse('place', '小区/楼栋', SCENE.profile), refuse('note', '备注', SCENE.log)],
  'field.start': [refuse('grid', '小区名称', SCENE.profile)],
  // Every resident reads the post and its duties on a worker's card: the card is a profile.
  'post.save': [refuse('post.name', '岗位名称', SCENE.profile), refuse('post.duties', '岗位职责', SCENE.profile)],
  'org.subdistrict.save': [refuse('name', '街道名称', SCENE.profile)],
  'org.community.save': [refuse('name', '社区名称', SCENE.profile)],
  'grid.save': [refuse('name', '网格名称', SCENE.profile)],
  // Shown to the invited person on the invite, and kept as the name of their staff account.
  'org.invite': [refuse('name', '被邀请人姓名', SCENE.profile)],
}
