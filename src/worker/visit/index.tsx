import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { VISIT_NOTE_MAX, VISIT_PLACE_MAX, type VisitType } from '../../core/visits'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useSession } from '../../hooks/useSession'
import { useLogVisit, useMyVisits } from '../../hooks/visits'
import { VisitList } from '../shared/VisitList'
import { workerGate } from '../shared/WorkerGate'
import { VisitCode } from './VisitCode'
import { VisitTypeChoices } from './VisitTypeChoices'
import './index.css'

/** What was logged, to show with its code. */
interface Logged {
  image: string
  type: VisitType
  place: string
  at: Date
}

/**
 * 一次一评, the worker's side: log a service visit, then show its own code for the person
 * served to scan on the spot; below, my recent visits and whether each was rated.
 */
export default function VisitPage() {
  const { session, error: sessionError, reload: reloadSession } = useSession()
  const isWorker = session?.role === 'worker' && session.workerCode !== undefined
  const [type, setType] = useState<VisitType | null>(null)
  const [place, setPlace] = useState('')
  const [note, setNote] = useState('')
  const [logged, setLogged] = useState<Logged | null>(null)
  const logVisit = useLogVisit()
  const visits = useMyVisits()
  const sending = logVisit.state.status === 'loading'

  const gate = workerGate({ className: 'visit-page', sessionError, known: session !== null, isWorker, what: '记录服务', onRetry: () => reloadSession() })
  if (gate !== null) return gate

  const submit = async () => {
    if (type === null) return
    const trimmedPlace = place.trim()
    const trimmedNote = note.trim()
    const result = await logVisit.run({ type, ...(trimmedPlace ? { place: trimmedPlace } : {}), ...(trimmedNote ? { note: trimmedNote } : {}) })
    if (result === null) return
    setLogged({ image: result.image, type, place: trimmedPlace, at: new Date() })
    visits.reload({ silent: true })
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  const again = () => {
    setLogged(null)
    setType(null)
    setPlace('')
    setNote('')
    logVisit.reset()
  }

  return (
    <Screen className='visit-page'>
      {logged !== null ? (
        <View>
          <VisitCode image={logged.image} type={logged.type} place={logged.place} at={logged.at} />
          <BigButton variant='secondary' className='visit-page__again' onClick={again}>
            再记录一次服务
          </BigButton>
        </View>
      ) : (
        <View>
          <Text className='visit-page__lead'>服务完成后记下这次服务，再请服务对象当场扫码评价。</Text>
          <Text className='visit-page__label'>服务类型</Text>
          <VisitTypeChoices value={type} onChange={setType} disabled={sending} />

          <Text className='visit-page__label'>小区 / 楼栋（可以不填）</Text>
          <Input
            className='field visit-page__place'
            placeholderClass='placeholder'
            placeholder='例如 银泉花园 3 栋'
            value={place}
            maxlength={VISIT_PLACE_MAX}
            disabled={sending}
            onInput={(event) => setPlace(event.detail.value)}
          />

          <Text className='visit-page__label'>备注（可以不填，只有您和工作人员看得到）</Text>
          <Textarea
            className='field visit-page__note'
            placeholderClass='placeholder'
            placeholder='例如 代办医保报销材料'
            value={note}
            maxlength={VISIT_NOTE_MAX}
            disabled={sending}
            onInput={(event) => setNote(event.detail.value)}
          />

          {logVisit.state.status === 'error' ? <Notice kind='error' title='没有生成评价码' detail={logVisit.state.error.message} /> : null}

          <BigButton className='visit-page__submit' disabled={type === null} loading={sending} onClick={() => void submit()}>
            {sending ? '正在生成评价码…' : type === null ? '请先选择服务类型' : '生成评价码'}
          </BigButton>
        </View>
      )}

      <Text className='visit-page__section'>我最近的服务</Text>
      <View className='panel visit-page__list'>
        <VisitList state={visits.state} now={new Date()} onRetry={() => visits.reload()} />
      </View>
    </Screen>
  )
}
