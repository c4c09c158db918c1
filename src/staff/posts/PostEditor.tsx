import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { POST_LIMITS, type Post } from '../../core/catalog'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { useSavePost } from '../../hooks/catalog'
import type { CallError } from '../../platform/call-error'
import { draftOf, newLine, payloadOf } from './draft'

interface PostEditorProps {
  /** null: a new post. */
  post: Post | null
  open: boolean
  onOpen: () => void
  onSaved: () => void
}

/** One post of the catalogue: its name and duty count, and when opened, its name and duties to edit. */
export function PostEditor({ post, open, onOpen, onSaved }: PostEditorProps) {
  const [draft, setDraft] = useState(() => draftOf(post))
  const { state, run, reset } = useSavePost()
  const problem = state.status === 'error' ? saveProblem(state.error) : null
  const edit = (change: Partial<typeof draft>) => {
    reset()
    setDraft({ ...draft, ...change })
  }
  const setLine = (key: number, text: string) => edit({ lines: draft.lines.map((line) => (line.key === key ? { ...line, text } : line)) })

  const save = async () => {
    if (await run({ post: payloadOf(draft) })) onSaved()
  }

  return (
    <View className={`post-row${open ? ' post-row--open' : ''}`} data-post={post?.postId ?? 'new'}>
      <View
        className='post-row__head'
        onClick={() => {
          reset()
          onOpen()
        }}
      >
        <Text className='post-row__name'>{post === null ? '＋ 新增岗位' : post.name}</Text>
        {post === null ? null : <Text className='post-row__count'>{post.duties.length} 项职责</Text>}
      </View>
      {open ? (
        <View className='post-row__form'>
          <Text className='post-row__label'>岗位名称（最多 {POST_LIMITS.nameMax} 个字）</Text>
          <Input
            className='field post-row__name-input'
            placeholderClass='placeholder'
            placeholder='例如 网格长'
            value={draft.name}
            maxlength={POST_LIMITS.nameMax}
            onInput={(event) => edit({ name: event.detail.value })}
          />
          <Text className='post-row__label'>
            负责的工作（{POST_LIMITS.dutiesMin} 到 {POST_LIMITS.dutiesMax} 条，每条最多 {POST_LIMITS.dutyMax} 个字）
          </Text>
          {draft.lines.map((line, i) => (
            <View className='post-row__duty' key={line.key}>
              <Text className='post-row__duty-no'>{i + 1}.</Text>
              <Textarea
                className='field post-row__duty-input'
                placeholderClass='placeholder'
                placeholder='写一条这个岗位负责的工作'
                value={line.text}
                autoHeight
                maxlength={POST_LIMITS.dutyMax}
                onInput={(event) => setLine(line.key, event.detail.value)}
              />
              <View className='post-row__remove' role='button' onClick={() => edit({ lines: draft.lines.filter((other) => other.key !== line.key) })}>
                <Text>删除</Text>
              </View>
            </View>
          ))}
          {draft.lines.length < POST_LIMITS.dutiesMax ? (
            <View className='post-row__add' role='button' onClick={() => edit({ lines: [...draft.lines, newLine()] })}>
              <Text>＋ 添加一条职责</Text>
            </View>
          ) : null}
          {problem ? <Notice kind='error' title={problem.title} detail={problem.detail} /> : null}
          {state.status === 'ok' ? <Notice kind='success' title='已保存' detail='担任这个岗位的工作者，名片上已显示新的职责。' /> : null}
          <BigButton className='post-row__save' loading={state.status === 'loading'} onClick={save}>
            {state.status === 'loading' ? '正在保存…' : '保存'}
          </BigButton>
        </View>
      ) : null}
    </View>
  )
}

/** Why a post was not saved (nothing was): the server's message names the field or the line. */
function saveProblem(error: CallError): { title: string; detail: string } {
  switch (error.code) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return { title: '没有保存：只有市民政局可以修改四岗职责', detail: '如需修改，请联系市民政局。' }
    case 'NETWORK':
      return { title: '网络连接不上，没有保存', detail: '请检查网络后再保存一次。' }
    default:
      return { title: '没有保存', detail: error.message }
  }
}
