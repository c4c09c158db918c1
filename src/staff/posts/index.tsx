import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { usePosts } from '../../hooks/catalog'
import { useSession } from '../../hooks/useSession'
import { StaffProblemNotice } from '../shared/StaffProblemNotice'
import { PostEditor } from './PostEditor'
import '../../styles/staff.css'
import '../../styles/staffDesktop.css'
import './index.css'

/** The four-post job description (四岗说明书, the 4 of 3456): the bureau keeps each post's duties. */
export default function PostsPage() {
  const { session, may } = useSession()
  const canEditPosts = may('post.save')
  const { state, reload } = usePosts(canEditPosts)
  const [openPost, setOpenPost] = useState<string | null>(null)
  // A saved new post joins the list; the "new post" row starts blank again under a new key.
  const [newRound, setNewRound] = useState(0)
  const toggle = (id: string) => setOpenPost(openPost === id ? null : id)

  return (
    <Screen className='staff'>
      <Text className='staff-title'>四岗职责</Text>
      <Text className='staff-summary__note'>每个岗位负责的工作，会显示在担任这个岗位的工作者名片上，居民扫码和在首页都能看到。</Text>

      {session !== null && !canEditPosts ? (
        <Notice kind='info' title='四岗职责由市民政局统一维护' detail='如需修改，请联系市民政局。' />
      ) : null}
      {canEditPosts && (state.status === 'idle' || state.status === 'loading') ? <Notice kind='loading' title='正在读取岗位…' /> : null}
      {session === null ? <Notice kind='loading' title='正在确认您的身份…' /> : null}
      {state.status === 'error' ? <StaffProblemNotice error={state.error} onRetry={() => reload()} /> : null}

      {state.status === 'ok' ? (
        <View>
          <Text className='staff-summary'>共 {state.data.length} 个岗位</Text>
          <Text className='staff-summary__note'>点一个岗位，修改它的名称和职责。</Text>
          {state.data.map((post) => (
            <PostEditor
              key={post.postId}
              post={post}
              open={openPost === post.postId}
              onOpen={() => toggle(post.postId)}
              onSaved={() => reload({ silent: true })}
            />
          ))}
          <PostEditor
            key={`new-${newRound}`}
            post={null}
            open={openPost === 'new'}
            onOpen={() => toggle('new')}
            onSaved={() => {
              setOpenPost(null)
              setNewRound(newRound + 1)
              reload({ silent: true })
            }}
          />
        </View>
      ) : null}
    </Screen>
  )
}
