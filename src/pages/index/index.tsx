import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { WORKER_CODE_PATTERN } from '../../core/contract'
import { BigButton } from '../../components/BigButton'
import { CaseNotice } from '../../components/CaseNotice'
import { IdentitySwitcher } from '../../components/IdentitySwitcher'
import { Notice } from '../../components/Notice'
import { PrivacyFooter } from '../../components/PrivacyFooter'
import { ServiceChat } from '../../components/ServiceChat'
import { Screen } from '../../components/Screen'
import { SetupPanel } from '../../components/SetupPanel'
import { useDevIdentity } from '../../hooks/useDevIdentity'
import { useSession } from '../../hooks/useSession'
import { openPage, routeOfScan, routes } from '../../routes'
import { device } from '../../platform/device'
import { MyGridWorker } from './MyGridWorker'
import { StaffWorkbench } from './StaffWorkbench'
import './index.css'

const SCAN_PROBLEMS = {
  'not-a-worker-code': '这个二维码不是社区工作者的评价码，请对准工作者胸牌或服务点上的二维码再扫一次。',
  failed: '没能打开扫码，请再试一次。',
} as const

export default function HomePage() {
  const { identity, setIdentity } = useDevIdentity()
  const { session, reload, may } = useSession()
  // Staff see what waits for them first, workers their own work; the resident's part follows for both.
  const isStaff = session !== null && session.setupNeeded !== true && may('workbench.get')
  const isWorker = session !== null && may('worker.results')
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const scan = async () => {
    setProblem(null)
    const result = await device.scanCode()
    if (result.ok) openPage(routeOfScan(result.target))
    else if (result.reason !== 'cancelled') setProblem(SCAN_PROBLEMS[result.reason])
  }

  const goRate = () => {
    const workerCode = code.trim()
    if (!WORKER_CODE_PATTERN.test(workerCode)) {
      setProblem('请输入工作者编号，例如 YQ01（在工作者的胸牌上）。')
      return
    }
    setProblem(null)
    openPage(routes.rate(workerCode))
  }

  return (
    <Screen className='home'>
      {isStaff ? <StaffWorkbench name={session?.name} may={may} /> : null}
      {isWorker ? (
        <View className='panel stack home__worker'>
          <Text className='home__staff-title'>我的工作</Text>
          {session?.name ? <Text className='home__staff-name muted'>{session.name}</Text> : null}
          <BigButton onClick={() => openPage(routes.workerHome)}>我的工作台</BigButton>
          <View className='home__worker-tools'>
            <BigButton variant='secondary' className='home__worker-tool' onClick={() => openPage(routes.workerVisit)}>
              记录一次服务
            </BigButton>
            <BigButton variant='secondary' className='home__worker-tool' onClick={() => openPage(routes.workerPoster)}>
              我的评价码
            </BigButton>
          </View>
        </View>
      ) : null}
      <Text className={`title${isStaff || isWorker ? ' home__resident-title' : ''}`}>给社区工作者评个分</Text>
      <Text className='lead'>
        扫一扫社区工作者胸牌或服务点上的二维码，就能看到谁在为您的小区服务、负责哪些事，并说说您满不满意。
      </Text>

      {/* A fresh environment: setting it up is the one thing to do, so it comes first. */}
      {session?.setupNeeded === true ? <SetupPanel onDone={() => reload()} /> : null}

      <View className='panel home__action'>
        {device.canScan ? (
          <BigButton onClick={scan}>扫一扫</BigButton>
        ) : (
          <View>
            <Text className='field-label'>工作者编号</Text>
            <Input
              className='field home__code'
              placeholderClass='placeholder'
              placeholder='例如 YQ01'
              value={code}
              maxlength={32}
              confirmType='go'
              onInput={(event) => setCode(event.detail.value)}
              onConfirm={goRate}
            />
            <BigButton className='home__go' onClick={goRate}>
              去评价
            </BigButton>
          </View>
        )}
        {problem ? <Notice kind='error' title={problem} /> : null}
      </View>

      <CaseNotice session={session} />

      <Text className='home__privacy muted'>评价不记名，工作者看不到是谁评的。</Text>

      <MyGridWorker />

      {device.isLocalRuntime ? <IdentitySwitcher current={identity} onChange={setIdentity} /> : null}
      <PrivacyFooter />
      <ServiceChat />
    </Screen>
  )
}
