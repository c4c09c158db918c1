import { useState } from 'react'
import { Image, Input, Text, View } from '@tarojs/components'
import { chinaDateTimeLabel } from '../../core/invites'
import { ORG_NAME_LIMITS, STAFF_ROLE_LABEL, type StaffInviteRole } from '../../core/org'
import { useStaffInvite } from '../../hooks/org'

interface StaffInviteProps {
  role: StaffInviteRole
  /** The sub-district (role subdistrict) or community (role community) the person will work for. */
  placeId: string
  /** 浮山办事处 / 银泉社区: where, in words. */
  place: string
  onClose: () => void
}

/** 邀请街道工作人员 / 邀请社区管理员: the person's name, then their one-time invite code, as worker invites show it. */
export function StaffInvite({ role, placeId, place, onClose }: StaffInviteProps) {
  const [name, setName] = useState('')
  const { state, run } = useStaffInvite()
  const invite = state.status === 'ok' ? state.data : null
  const roleLabel = STAFF_ROLE_LABEL[role]
  const send = () => void run(role === 'subdistrict' ? { role, subdistrictId: placeId, name } : { role, communityId: placeId, name })

  if (invite) {
    return (
      <View className='org-invite' data-invite={invite.inviteCode}>
        <Text className='org-invite__hint'>请{name.trim()}用本人微信扫描下面的邀请码，成为{place}的{roleLabel}</Text>
        <Image className='org-invite__image' src={invite.image} mode='scaleToFill' />
        <Text className='org-invite__code'>邀请码 {invite.inviteCode}</Text>
        <Text className='org-invite__expiry'>只能用一次，有效期至 {chinaDateTimeLabel(invite.expiresAt)}</Text>
        <View className='org-actions'>
          <View className='org-button' role='button' onClick={onClose}>
            <Text>完成</Text>
          </View>
        </View>
      </View>
    )
  }
  return (
    <View className='org-editor'>
      <Text className='org-editor__label'>邀请{place}的{roleLabel}：请填写对方姓名</Text>
      <Input
        className='field org-editor__input'
        placeholderClass='placeholder'
        placeholder='例如 王芳'
        value={name}
        maxlength={ORG_NAME_LIMITS.max}
        onInput={(event) => setName(event.detail.value)}
      />
      {state.status === 'error' ? <Text className='org-error'>{state.error.message}</Text> : null}
      <View className='org-actions'>
        <View className='org-button org-button--primary' role='button' onClick={() => state.status !== 'loading' && send()}>
          <Text>{state.status === 'loading' ? '正在生成…' : '生成邀请码'}</Text>
        </View>
        <View className='org-button' role='button' onClick={onClose}>
          <Text>取消</Text>
        </View>
      </View>
    </View>
  )
}
