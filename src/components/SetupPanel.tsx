import { Text, View } from '@tarojs/components'
import { useApiMutation } from '../hooks/useApi'
import { BigButton } from './BigButton'
import { Notice } from './Notice'

interface SetupPanelProps {
  /** Called after a successful setup, so the page asks who the caller is again. */
  onDone: () => void
}

/**
 * The first administrator's 初始化 entry (admin.setup): shown on the home page to the bureau while the
 * cloud environment is not set up. Two choices in words: an empty system, or one with the demo loaded.
 */
export function SetupPanel({ onDone }: SetupPanelProps) {
  const { state, run } = useApiMutation('admin.setup')
  const busy = state.status === 'loading'
  const setup = async (demo: boolean) => {
    if ((await run({ demo })) !== null) onDone()
  }
  return (
    <View className='panel stack setup-panel'>
      <Text className='home__staff-title'>系统尚未初始化</Text>
      <Text className='muted'>初始化会建好数据库里的各个集合和默认评分设置。可以同时载入演示数据（浮山办事处，30 名社区工作者），先试一试。</Text>
      <BigButton loading={busy} onClick={() => void setup(false)}>
        初始化
      </BigButton>
      <BigButton variant='secondary' loading={busy} onClick={() => void setup(true)}>
        初始化并载入演示数据
      </BigButton>
      {busy ? <Notice kind='loading' title='正在初始化，请稍候…' /> : null}
      {state.status === 'error' ? <Notice kind='error' title={state.error.message} /> : null}
    </View>
  )
}
