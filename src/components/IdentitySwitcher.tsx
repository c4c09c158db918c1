import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { DevIdentity, Role } from '../core/types'
import { useDevIdentities } from '../hooks/useDevIdentity'
import './IdentitySwitcher.css'

const ROLE_NAMES: Record<Role, string> = {
  resident: '居民',
  worker: '社区工作者',
  community: '社区管理员',
  subdistrict: '街道工作人员',
  bureau: '市民政局',
}

const ROLE_ORDER: Role[] = ['resident', 'subdistrict', 'community', 'bureau', 'worker']

/** Demo names already say who they are (居民 张阿姨, 浮山办事处 王科长); a worker's says only the name. */
function describe(identity: DevIdentity): string {
  return identity.role === 'worker' ? `${identity.name}（社区工作者 ${identity.workerCode ?? ''}）` : identity.name
}

interface IdentitySwitcherProps {
  current: DevIdentity | null
  onChange: (identity: DevIdentity | null) => void
}

/** Local runtime only: choose which demo person the app acts as (sent as X-Openid). */
export function IdentitySwitcher({ current, onChange }: IdentitySwitcherProps) {
  const { state, reload } = useDevIdentities()
  const [open, setOpen] = useState(false)
  const currentText = current ? describe(current) : '未选择（只能浏览公开信息）'

  return (
    <View className='identity'>
      <View className='identity__head' onClick={() => setOpen(!open)}>
        <View className='identity__text'>
          <Text className='identity__label'>本地试用 · 当前身份</Text>
          <Text className='identity__current'>{currentText}</Text>
        </View>
        <Text className='identity__toggle'>{open ? '收起' : '切换'}</Text>
      </View>
      {open && state.status === 'loading' ? <Text className='identity__hint'>正在读取演示身份…</Text> : null}
      {open && state.status === 'error' ? (
        <View className='identity__hint' onClick={() => reload()}>
          <Text>{state.error.message}（点此重试）</Text>
        </View>
      ) : null}
      {open && state.status === 'ok'
        ? ROLE_ORDER.map((role) => {
            const people = state.data.filter((identity) => identity.role === role)
            if (people.length === 0) return null
            return (
              <View className='identity__group' key={role}>
                <Text className='identity__group-title'>{ROLE_NAMES[role]}</Text>
                <View className='identity__chips'>
                  {people.map((identity) => (
                    <View
                      key={identity.openid}
                      className={`identity__chip${current?.openid === identity.openid ? ' identity__chip--on' : ''}`}
                      data-openid={identity.openid}
                      onClick={() => {
                        onChange(identity)
                        setOpen(false)
                      }}
                    >
                      <Text>{identity.workerCode ? `${identity.workerCode} ${identity.name}` : identity.name}</Text>
                    </View>
                  ))}
                </View>
              </View>
            )
          })
        : null}
    </View>
  )
}
