import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { SCENE_PATTERN } from '../../core/contract'
import type { ActionName } from '../../core/contract'
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
import { openPage, routeOfScan, routes } from '../../routes'
import { device } from '../../platform/device'
import { MyGridWorker } from './MyGridWorker'
import './index.css'

/**
 * The staff entries, each with the action its page calls: a caller sees the entries the access table lets
 * them call (sub-district staff and the bureau their evaluation pages, community admins their own
 * community's), in this order. Of two entries with one label the caller gets the first they may call:
 * the bureau's 考核报表 opens on the city, a sub-district's on its own report.
 */
const STAFF_MENU: ReadonlyArray<{ label: string; action: ActionName; route: string }> = [
  { label: '查看评价结果', action: 'evaluation.get', route: routes.evaluation() },
  { label: '考核报表', action: 'city.overview', route: routes.city },
  { label: '考核报表', action: 'report.get', route: routes.reports },
  { label: '录入街道评分', action: 'sheet.submit', route: routes.sheet() },
  { label: '差评回访整改', action: 'case.list', route: routes.cases },
  { label: '申诉复核', action: 'appeal.list', route: routes.appealReview },
  { label: '留言审核', action: 'comment.list', route: routes.comments },
  { label: '可疑评价复核', action: 'review.list', route: routes.reviewQueue },
  { label: '编辑四岗职责', action: 'post.save', route: routes.posts },
  { label: '考核设置', action: 'settings.save', route: routes.settings },
  { label: '花名册导入', action: 'org.import', route: routes.roster },
  { label: '操作记录', action: 'audit.list', route: routes.audit },
  { label: '组织架构', action: 'org.list', route: routes.org },
  { label: '网格与工作者', action: 'community.grids', route: routes.community },
  { label: '社区工作者与邀请码', action: 'community.workers', route: routes.workers },
]

const SCAN_PROBLEMS = {
  'not-a-worker-code': '这个二维码不是社区工作者的评价码，请对准工作者胸牌或服务点上的二维码再扫一次。',
  failed: '没能打开扫码，请再试一次。',
} as const

export default function HomePage() {
  const { identity, setIdentity } = useDevIdentity()
  const { session, reload, may } = useSession()
  const allowed = session?.setupNeeded === true ? [] : STAFF_MENU.filter((entry) => may(entry.action))
  const staffMenu = allowed.filter((entry, i) => allowed.findIndex((other) => other.label === entry.label) === i)
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

      {session !== null && may('worker.results') ? (
        <View className='panel stack home__staff'>
          <Text className='home__staff-title'>社区工作者</Text>
          {session.name ? <Text className='home__staff-name muted'>{session.name}</Text> : null}
          <BigButton onClick={() => openPage(routes.workerHome)}>我的工作台</BigButton>
        </View>
      ) : null}

      <MyGridWorker />

      {staffMenu.length > 0 ? (
        <View className='panel stack home__staff'>
          <Text className='home__staff-title'>工作人员</Text>
          {session?.name ? <Text className='home__staff-name muted'>{session.name}</Text> : null}
          {staffMenu.map((entry) => (
            <BigButton key={entry.action} variant='secondary' onClick={() => openPage(entry.route)}>
              {entry.label}
            </BigButton>
          ))}
        </View>
      ) : null}

      {device.isLocalRuntime ? <IdentitySwitcher current={identity} onChange={setIdentity} /> : null}
      <PrivacyFooter />
      {/* WeChat asks for the privacy agreement before 扫一扫 (scanCode) of someone who has not agreed yet. */}
      <PrivacyDialog />
    </Screen>
  )
}
