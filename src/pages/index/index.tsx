import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { SCENE_PATTERN } from '../../core/contract'
import { canEditSettings, canReadAudit } from '../../core/roles'
import { BigButton } from '../../components/BigButton'
import { CaseNotice } from '../../components/CaseNotice'
import { IdentitySwitcher } from '../../components/IdentitySwitcher'
import { Notice } from '../../components/Notice'
import { PrivacyDialog } from '../../components/PrivacyDialog'
import { PrivacyFooter } from '../../components/PrivacyFooter'
import { Screen } from '../../components/Screen'
import { SetupPanel } from '../../components/SetupPanel'
import { useDevIdentity } from '../../hooks/useDevIdentity'
import { useSession } from '../../hooks/useSession'
import { openPage, routeOfScan, routes } from '../../hooks/routes'
import { device } from '../../platform/device'
import { MyGridWorker } from './MyGridWorker'
import './index.css'

const SCAN_PROBLEMS = {
  'not-a-worker-code': '这个二维码不是社区工作者的评价码，请对准工作者胸牌或服务点上的二维码再扫一次。',
  failed: '没能打开扫码，请再试一次。',
} as const

export default function HomePage() {
  const { identity, setIdentity } = useDevIdentity()
  const { session, reload, canReadEvaluations, canEnterScores, canEditPosts, canInviteWorkers } = useSession()
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
    if (!SCENE_PATTERN.test(workerCode)) {
      setProblem('请输入工作者编号，例如 YQ01（在工作者的胸牌上）。')
      return
    }
    setProblem(null)
    openPage(routes.rate(workerCode))
  }

  return (
    <Screen className='home'>
      <Text className='title'>给社区工作者评个分</Text>
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

      {session?.role === 'worker' ? (
        <View className='panel stack home__staff'>
          <Text className='home__staff-title'>社区工作者</Text>
          {session.name ? <Text className='home__staff-name muted'>{session.name}</Text> : null}
          <BigButton onClick={() => openPage(routes.workerHome)}>我的工作台</BigButton>
        </View>
      ) : null}

      <MyGridWorker />

      {canReadEvaluations && session?.setupNeeded !== true ? (
        <View className='panel stack home__staff'>
          <Text className='home__staff-title'>工作人员</Text>
          {session?.name ? <Text className='home__staff-name muted'>{session.name}</Text> : null}
          <BigButton variant='secondary' onClick={() => openPage(routes.evaluation())}>
            查看评价结果
          </BigButton>
          <BigButton variant='secondary' onClick={() => openPage(routes.reports)}>
            考核报表
          </BigButton>
          {canEnterScores ? (
            <BigButton variant='secondary' onClick={() => openPage(routes.sheet())}>
              录入街道评分
            </BigButton>
          ) : null}
          <BigButton variant='secondary' onClick={() => openPage(routes.cases)}>
            差评回访整改
          </BigButton>
          <BigButton variant='secondary' onClick={() => openPage(routes.appealReview)}>
            申诉复核
          </BigButton>
          <BigButton variant='secondary' onClick={() => openPage(routes.comments)}>
            留言审核
          </BigButton>
          <BigButton variant='secondary' onClick={() => openPage(routes.reviewQueue)}>
            可疑评价复核
          </BigButton>
          {canEditPosts ? (
            <BigButton variant='secondary' onClick={() => openPage(routes.posts)}>
              编辑四岗职责
            </BigButton>
          ) : null}
          {session !== null && canEditSettings(session.role) ? (
            <BigButton variant='secondary' onClick={() => openPage(routes.settings)}>
              考核设置
            </BigButton>
          ) : null}
          {session?.role === 'bureau' ? (
            <BigButton variant='secondary' onClick={() => openPage(routes.roster)}>
              花名册导入
            </BigButton>
          ) : null}
          {session !== null && canReadAudit(session.role) ? (
            <BigButton variant='secondary' onClick={() => openPage(routes.audit)}>
              操作记录
            </BigButton>
          ) : null}
          <BigButton variant='secondary' onClick={() => openPage(routes.org)}>
            组织架构
          </BigButton>
        </View>
      ) : null}

      {/* Community admins (not evaluation readers): their own community's workers and invites. */}
      {canInviteWorkers && session?.setupNeeded !== true ? (
        <View className='panel stack home__staff'>
          <Text className='home__staff-title'>工作人员</Text>
          {session?.name ? <Text className='home__staff-name muted'>{session.name}</Text> : null}
          <BigButton variant='secondary' onClick={() => openPage(routes.cases)}>
            差评回访整改
          </BigButton>
          <BigButton variant='secondary' onClick={() => openPage(routes.community)}>
            网格与工作者
          </BigButton>
          <BigButton variant='secondary' onClick={() => openPage(routes.workers)}>
            社区工作者与邀请码
          </BigButton>
        </View>
      ) : null}

      {device.isLocalRuntime ? <IdentitySwitcher current={identity} onChange={setIdentity} /> : null}
      <PrivacyFooter />
      {/* WeChat asks for the privacy agreement before 扫一扫 (scanCode) of someone who has not agreed yet. */}
      <PrivacyDialog />
    </Screen>
  )
}
