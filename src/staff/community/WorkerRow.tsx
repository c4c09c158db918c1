import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import type { CommunityOrg, CommunityWorkerEntry } from '../../core/org'
import { useUpdateWorker } from '../../hooks/org'

interface WorkerRowProps {
  worker: CommunityWorkerEntry
  org: CommunityOrg
  onSaved: () => void
}

/**
 * One worker: post and grid (pickers, saved at once), 在岗 / 停用 in words. Deactivating asks first, in
 * place (no pop-up), and says what it means: ratings so far are kept, new ones are refused.
 */
export function WorkerRow({ worker, org, onSaved }: WorkerRowProps) {
  const { state, run } = useUpdateWorker()
  const [confirming, setConfirming] = useState(false)
  const save = (change: Partial<{ postId: string; gridId: string; active: boolean }>) =>
    void run({ workerCode: worker.workerCode, postId: worker.postId, gridId: worker.gridId, active: worker.active, ...change }).then((result) => {
      if (result === null) return
      setConfirming(false)
      onSaved()
    })
  const postIndex = Math.max(0, org.posts.findIndex((post) => post.postId === worker.postId))
  const gridIndex = Math.max(0, org.grids.findIndex((grid) => grid.gridId === worker.gridId))
  const busy = state.status === 'loading'

  return (
    <View className='org-row' data-worker={worker.workerCode}>
      <Text className='org-row__name'>{worker.name}</Text>
      <Text className='staff-note org-row__meta'>{worker.workerCode}</Text>
      <Text className={`org-state${worker.active ? '' : ' org-state--off'}`}>{worker.active ? '在岗' : '已停用（不能被评价，已有评价保留）'}</Text>
      <Picker mode='selector' range={org.posts.map((post) => post.name)} value={postIndex} onChange={(e) => save({ postId: org.posts[Number(e.detail.value)]?.postId ?? worker.postId })}>
        <View className='org-picker'>
          <Text>岗位：{worker.post || '未设置'} ▾</Text>
        </View>
      </Picker>
      <Picker mode='selector' range={org.grids.map((grid) => grid.name)} value={gridIndex} onChange={(e) => save({ gridId: org.grids[Number(e.detail.value)]?.gridId ?? worker.gridId })}>
        <View className='org-picker'>
          <Text>网格：{worker.grid || '未设置'} ▾</Text>
        </View>
      </Picker>
      {confirming ? (
        <View className='org-editor worker-confirm'>
          <Text className='org-editor__label'>
            确定停用{worker.name}吗？停用后居民扫码不能再评价，也不再出现在网格名单里；已有的评价和得分都保留，随时可以恢复在岗。
          </Text>
          <View className='org-actions'>
            <View className='org-button org-button--danger' role='button' onClick={() => !busy && save({ active: false })}>
              <Text>{busy ? '正在停用…' : '确认停用'}</Text>
            </View>
            <View className='org-button' role='button' onClick={() => setConfirming(false)}>
              <Text>取消</Text>
            </View>
          </View>
        </View>
      ) : (
        <View className='org-links'>
          <View className='org-link worker-toggle' role='button' onClick={() => (worker.active ? setConfirming(true) : !busy && save({ active: true }))}>
            <Text>{worker.active ? '停用' : busy ? '正在恢复…' : '恢复在岗'}</Text>
          </View>
        </View>
      )}
      {state.status === 'error' ? <Text className='org-error'>{state.error.message}</Text> : null}
    </View>
  )
}
