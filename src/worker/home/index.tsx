import { areaOfGrid } from '../../core/org'
import { useMemo, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { monthOf } from '../../core/periods'
import { ownResultPeriods } from '../../core/workerResults'
import { useFieldSessions, useGridTimeTrend, useNow, useOwnResults } from '../../hooks/fieldTime'
import { openPage, routes } from '../../routes'
import { useApiQuery } from '../../hooks/useApi'
import { useSession } from '../../hooks/useSession'
import { FieldSessionPanel } from './FieldSessionPanel'
import { GridTimePanel } from './GridTimePanel'
import { OwnResultsPanel } from './OwnResultsPanel'
import { WorkerCaseNotice } from './WorkerCaseNotice'
import { VisitList } from '../shared/VisitList'
import { workerGate } from '../shared/WorkerGate'
import './index.css'

/** 我的工作台: a worker's code, service visits, grid time (the 5 of 3456) and own results. */
export default function WorkerHomePage() {
  const { session, error: sessionError, reload: reloadSession } = useSession()
  const workerCode = session?.role === 'worker' ? (session.workerCode ?? null) : null
  const isWorker = workerCode !== null
  const now = useNow(60_000)
  const thisMonth = useMemo(() => monthOf(new Date()), [])
  // Closed periods first, last month shown on opening: a running one shows only when it is published.
  const periods = useMemo(() => ownResultPeriods(new Date()), [])
  const [period, setPeriod] = useState(periods[0])

  const card = useApiQuery('worker.card', workerCode === null ? null : { workerCode })
  const field = useFieldSessions(isWorker ? thisMonth : null)
  const trend = useGridTimeTrend(isWorker)
  const results = useOwnResults(isWorker ? period : null)
  const visits = useApiQuery('visit.list', isWorker ? {} : null)

  // Back from logging a visit: its feedback state is new.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && isWorker) visits.reload({ silent: true })
    shown.current = true
  })

  const gate = workerGate({ className: 'worker', sessionError, known: session !== null, isWorker, what: '我的工作台', loadingTitle: '正在打开我的工作台…', onRetry: () => reloadSession() })
  if (gate !== null || session === null) return gate

  const info = card.state.status === 'ok' ? card.state.data : null
  const onFieldChanged = () => {
    field.reload({ silent: true })
    trend.reload({ silent: true })
  }

  return (
    <Screen className='worker'>
      <View className='worker-hello'>
        <Text className='worker-hello__name'>{session.name ?? info?.name ?? ''}，您好</Text>
        <Text className='worker-hello__where'>{info ? `${info.post} · ${info.community} · ${info.grid}` : ' '}</Text>
      </View>
      <WorkerCaseNotice caller={workerCode ?? ''} />

      <View className='worker-tiles'>
        <View className='worker-tile' onClick={() => openPage(routes.workerPoster)}>
          <Text className='worker-tile__title'>我的评价码</Text>
          <Text className='worker-tile__note'>请居民扫码评价</Text>
        </View>
        <View className='worker-tile' onClick={() => openPage(routes.workerVisit)}>
          <Text className='worker-tile__title'>记录一次服务</Text>
          <Text className='worker-tile__note'>请服务对象扫码评价</Text>
        </View>
      </View>
      <View className='worker-link' onClick={() => openPage(routes.workerAppeals)}>
        <Text className='worker-link__title'>差评申诉</Text>
        <Text className='worker-link__note'>评价与事实不符时申诉 ›</Text>
      </View>

      <Text className='worker-section'>下沉网格</Text>
      <View className='panel worker-panel'>
        {field.state.status === 'error' ? (
          <Notice kind='error' title='没能读取下沉记录' detail={field.state.error.message}>
            <BigButton onClick={() => field.reload()}>再试一次</BigButton>
          </Notice>
        ) : (
          <FieldSessionPanel
            open={field.state.status === 'ok' ? field.state.data.open : undefined}
            defaultGrid={areaOfGrid(info?.grid ?? '')}
            onChanged={onFieldChanged}
          />
        )}
      </View>

      <Text className='worker-section'>网格工作时间</Text>
      <View className='panel worker-panel'>
        {trend.state.status === 'ok' ? <GridTimePanel months={trend.state.data.months} /> : null}
        {trend.state.status === 'idle' || trend.state.status === 'loading' ? <Notice kind='loading' title='正在计算网格工作时间…' /> : null}
        {trend.state.status === 'error' ? <Notice kind='error' title='没能读取网格工作时间' detail={trend.state.error.message} /> : null}
      </View>

      <Text className='worker-section'>我的评价结果</Text>
      <View className='panel worker-panel'>
        <OwnResultsPanel periods={periods} period={period} onPeriod={setPeriod} state={results.state} />
      </View>

      <Text className='worker-section'>最近的服务</Text>
      <View className='panel worker-panel'>
        <VisitList state={visits.state} now={now} limit={5} onRetry={() => visits.reload()} />
      </View>
    </Screen>
  )
}
