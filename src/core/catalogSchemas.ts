// Payload schemas of post.save and grid.directory (see contract.ts): a post's name and duties as the
// bureau writes them, checked with messages that name the field and, for a duty, which one.
import * as v from 'valibot'
import { cleaned } from './cleanText'
import { POST_LIMITS } from './catalog'

const { nameMax, dutiesMin, dutiesMax, dutyMax } = POST_LIMITS

const postId = v.pipe(v.string('岗位编号格式不对'), v.trim(), v.minLength(1, '岗位编号格式不对'), v.maxLength(64, '岗位编号格式不对'))

// A missing name or duty list reads as empty, so its message names the field (not the whole post).
const postName = v.pipe(
  v.optional(v.string('请填写岗位名称'), ''),
  cleaned,
  v.minLength(1, '请填写岗位名称'),
  v.maxLength(nameMax, `岗位名称最多 ${nameMax} 个字`),
)

/** Each duty cleaned (cleanText.ts); then how many, and which one is empty, too long or a repeat (numbered from 1). */
const duties = v.pipe(
  v.optional(v.array(v.pipe(v.string('每条职责都要是文字'), cleaned), '请填写岗位职责'), []),
  v.minLength(dutiesMin, `请至少填写 ${dutiesMin} 条职责`),
  v.maxLength(dutiesMax, `职责最多 ${dutiesMax} 条`),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const lines = dataset.value
    for (const [i, line] of lines.entries()) {
      const which = `第 ${i + 1} 条职责`
      if (line === '') addIssue({ message: `${which}是空的，请填写或删去这一条` })
      else if (line.length > dutyMax) addIssue({ message: `${which}有 ${line.length} 个字，最多 ${dutyMax} 个字` })
      else if (lines.indexOf(line) < i) addIssue({ message: `${which}和第 ${lines.indexOf(line) + 1} 条重复了` })
      else continue
      return
    }
  }),
)

export const postSavePayload = v.object({
  post: v.object(
    { postId: v.optional(postId), name: postName, duties },
    '请提供岗位名称和职责',
  ),
})

export const gridDirectoryPayload = v.object({
  communityId: v.optional(
    v.pipe(v.string('社区编号格式不对'), v.trim(), v.minLength(1, '社区编号格式不对'), v.maxLength(64, '社区编号格式不对')),
  ),
})
