import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { OrgSubdistrict } from '../../core/org'
import { useSaveCommunity, useSaveSubdistrict } from '../../hooks/org'
import { NameEditor } from './NameEditor'
import { StaffInvite } from './StaffInvite'

type Open = { kind: 'rename' } | { kind: 'staff' } | { kind: 'newCommunity' } | { kind: 'renameCommunity' | 'admin'; communityId: string } | null

interface SubdistrictPanelProps {
  subdistrict: OrgSubdistrict
  /** The bureau edits names and invites sub-district staff; sub-district staff only invite admins. */
  isBureau: boolean
  onChanged: () => void
}

/** One sub-district: its communities with head counts, and (one at a time) an inline editor or invite. */
export function SubdistrictPanel({ subdistrict, isBureau, onChanged }: SubdistrictPanelProps) {
  const [open, setOpen] = useState<Open>(null)
  const saveSubdistrict = useSaveSubdistrict()
  const saveCommunity = useSaveCommunity()
  const close = () => {
    setOpen(null)
    saveSubdistrict.reset()
    saveCommunity.reset()
  }
  const saved = (result: unknown) => {
    if (result === null) return
    close()
    onChanged()
  }
  const errorOf = (state: { status: string; error?: { message: string } }) => (state.status === 'error' ? (state.error?.message ?? null) : null)
  const link = (label: string, next: Open) => (
    <View className='org-link' role='button' onClick={() => setOpen(next)}>
      <Text>{label}</Text>
    </View>
  )

  return (
    <View className='staff-panel org-panel' data-subdistrict={subdistrict.subdistrictId}>
      <Text className='org-panel__name'>{subdistrict.name}</Text>
      {isBureau && open === null ? (
        <View className='org-links'>
          {link('改名', { kind: 'rename' })}
          {link('邀请街道工作人员', { kind: 'staff' })}
        </View>
      ) : null}
      {open?.kind === 'rename' ? (
        <NameEditor
          label='街道新名称'
          initial={subdistrict.name}
          placeholder='例如 浮山办事处'
          busy={saveSubdistrict.state.status === 'loading'}
          error={errorOf(saveSubdistrict.state)}
          onSave={(name) => void saveSubdistrict.run({ subdistrictId: subdistrict.subdistrictId, name }).then(saved)}
          onCancel={close}
        />
      ) : null}
      {open?.kind === 'staff' ? <StaffInvite role='subdistrict' placeId={subdistrict.subdistrictId} place={subdistrict.name} onClose={close} /> : null}

      {subdistrict.communities.length === 0 ? (
        <Text className='staff-note org-empty'>还没有社区</Text>
      ) : (
        <Text className='staff-note org-panel__sub'>下辖社区（{subdistrict.communities.length} 个）</Text>
      )}
      {subdistrict.communities.map((community) => (
        <View key={community.communityId} className='org-row' data-community={community.communityId}>
          <View className='org-row__head'>
            <Text className='org-row__name'>{community.name}</Text>
            <Text className='staff-note org-row__meta'>
              工作者 {community.workers} 名{community.activeWorkers < community.workers ? `，在岗 ${community.activeWorkers} 名` : ''}
            </Text>
          </View>
          {open === null ? (
            <View className='org-links'>
              {isBureau ? link('改名', { kind: 'renameCommunity', communityId: community.communityId }) : null}
              {link('邀请社区管理员', { kind: 'admin', communityId: community.communityId })}
            </View>
          ) : null}
          {open?.kind === 'renameCommunity' && open.communityId === community.communityId ? (
            <NameEditor
              label='社区新名称'
              initial={community.name}
              placeholder='例如 银泉社区'
              busy={saveCommunity.state.status === 'loading'}
              error={errorOf(saveCommunity.state)}
              onSave={(name) => void saveCommunity.run({ communityId: community.communityId, subdistrictId: subdistrict.subdistrictId, name }).then(saved)}
              onCancel={close}
            />
          ) : null}
          {open?.kind === 'admin' && open.communityId === community.communityId ? (
            <StaffInvite role='community' placeId={community.communityId} place={`${subdistrict.name} ${community.name}`} onClose={close} />
          ) : null}
        </View>
      ))}

      {isBureau && open === null ? link('＋ 新增社区', { kind: 'newCommunity' }) : null}
      {open?.kind === 'newCommunity' ? (
        <NameEditor
          label={`在${subdistrict.name}新增社区`}
          placeholder='例如 青山社区'
          busy={saveCommunity.state.status === 'loading'}
          error={errorOf(saveCommunity.state)}
          onSave={(name) => void saveCommunity.run({ subdistrictId: subdistrict.subdistrictId, name }).then(saved)}
          onCancel={close}
        />
      ) : null}
    </View>
  )
}
