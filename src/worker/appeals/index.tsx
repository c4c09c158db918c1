import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useFileAppeal, useMyBadRatings } from '../../hooks/appeals'
import { useSession } from '../../hooks/useSession'
import { workerGate } from '../shared/WorkerGate'
import { AppealForm } from './AppealForm'
import { BadRatingCard } from './BadRatingCard'
import './index.css'

/**
 * 差评申诉: the worker's bad ratings of the months just closed, each with 申诉 or where its appeal stands.
 * A month's bad ratings appear when it ends, and may be appealed for `appealDays` days from then.
 */
export default function WorkerAppealsPage() {
  const { session, error: sessionError, reload: reloadSession } = useSession()
  const isWorker = session?.role === 'worker' && session.workerCode !== undefined
  const mine = useMyBadRatings(isWorker)
  const fileAppeal = useFileAppeal()
  const [open, setOpen] = useState<string | null>(null)

  const gate = workerGate({ className: 'appeals', sessionError, known: session !== null, isWorker, what: '差评申诉', loadingTitle: '正在打开差评申诉…', onRetry: () => reloadSession() })
  if (gate !== null) return gate

  const days = mine.state.status === 'ok' ? mine.state.data.appealDays : 10
  const start = (id: string) => {
    fileAppeal.reset()
    setOpen(id)
  }
  const submit = async (token: string, reason: string) => {
    if ((await fileAppeal.file(token, reason)) !== null) {
      setOpen(null)
      mine.reload({ silent: true })
    }
  }

  return (
    <Screen className='appeals'>
      <Text className='appeals__title'>差评申诉</Text>
      <Text className='appeals__lead'>
        差评会计入考核。每月的差评在当月结束后列在这里（只显示月份），如果与事实不符，可以在次月 1 日起 {days} 天内申诉一次，由街道复核。为保护评价人，这里不显示是谁评价的。
      </Text>

      {mine.state.status === 'idle' || mine.state.status === 'loading' ? <Notice kind='loading' title='正在读取差评…' /> : null}
      {mine.state.status === 'error' ? (
        <Notice kind='error' title='没能读取差评' detail={mine.state.error.message}>
          <BigButton onClick={() => mine.reload()}>再试一次</BigButton>
        </Notice>
      ) : null}
      {mine.state.status === 'ok' && mine.state.data.ratings.length === 0 ? (
        <Notice kind='empty' title='现在没有可以申诉的差评' detail={`上个月的“不满意”或“非常不满意”评价会在本月 1 日列在这里，${days} 天内可以申诉。`} />
      ) : null}

      {mine.state.status === 'ok'
        ? mine.state.data.ratings.map((rating) => (
            <BadRatingCard key={rating.token} rating={rating} appealDays={days}>
              {rating.appeal === null && !rating.excluded && rating.daysLeft > 0 ? (
                open === rating.token ? (
                  <AppealForm
                    busy={fileAppeal.state.status === 'loading'}
                    error={fileAppeal.state.status === 'error' ? fileAppeal.state.error : null}
                    onSubmit={(reason) => void submit(rating.token, reason)}
                    onCancel={() => setOpen(null)}
                  />
                ) : (
                  <View className='bad-rating__action'>
                    <BigButton variant='secondary' onClick={() => start(rating.token)}>
                      申诉
                    </BigButton>
                  </View>
                )
              ) : null}
            </BadRatingCard>
          ))
        : null}
    </Screen>
  )
}
