import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { type CaseView, STAGE_LABELS, caseFinished } from '../../core/cases'
import { chinaDateOf } from '../../core/periods'
import { LEVEL_LABELS } from '../../core/levels'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useCase, useRecordCallback, useRecordRectification } from '../../hooks/cases'
import { decodeOption } from '../../routes'
import { useSession } from '../../hooks/useSession'
import { StaffProblemNotice } from '../shared/StaffProblemNotice'
import { CallbackForm, RectifyForm } from './CaseForms'
import { ContactSection, WithdrawalSection } from './CaseSections'
import '../../styles/staff.css'
import '../../styles/staffCards.css'
import '../../styles/staffDesktop.css'
import '../cases/index.css'
import './index.css'

const STEP = { callback: '回访', rectify: '整改' } as const
const day = (iso: string) => chinaDateOf(iso)
/** Red when late; grey once nothing is left to do (the rater's verdict, or the rating withdrawn). */
const toneOf = (c: CaseView) => (c.overdue !== null ? 'overdue' : caseFinished(c.stage) ? 'closed' : 'open')

/**
 * 差评处理: the rating (level in words, month, visible comment), deadlines, the rater's contact, the call-back and
 * rectification forms, the verdict; a case withdrawn by an upheld appeal says so and asks for nothing more.
 */
export default function CasePage() {
  const caseId = decodeOption(useRouter().params.caseId)
  const { session, may } = useSession()
  const detail = useCase(session !== null ? caseId : null, `${session?.role ?? ''}|${session?.name ?? ''}`)
  const callback = useRecordCallback()
  const rectify = useRecordRectification()
  const c = detail.state.status === 'ok' ? detail.state.data : null
  // A withdrawn case takes no step (the server refuses it too): no form is offered.
  const handles = may('case.callback') && c?.withdrawal === undefined

  const saveCallback = async (reached: boolean, outcome: string) => {
    if (caseId !== null && (await callback.record(caseId, reached, outcome)) !== null) detail.reload({ silent: true })
  }
  const saveRectify = async (note: string) => {
    if (caseId !== null && (await rectify.record(caseId, note)) !== null) detail.reload({ silent: true })
  }

  return (
    <Screen className='staff'>
      <Text className='staff-title'>差评处理</Text>
      {caseId === null ? <Notice kind='error' title='没有指明是哪条差评' detail='请从“差评回访整改”列表打开。' /> : null}
      {caseId !== null && (detail.state.status === 'idle' || detail.state.status === 'loading') ? <Notice kind='loading' title='正在读取…' /> : null}
      {detail.state.status === 'error' ? <StaffProblemNotice error={detail.state.error} onRetry={() => detail.reload()} /> : null}
      {c !== null ? (
        <>
          <View className={`case-row case-row--${toneOf(c)}`}>
            <View className='case-row__top'>
              <Text className='case-row__who'>{c.workerName}</Text>
              <Text className={`case-row__stage case-row__stage--${toneOf(c)}`}>
                {c.overdue !== null ? `${STEP[c.overdue.step]}逾期 ${c.overdue.workingDays} 个工作日` : STAGE_LABELS[c.stage]}
              </Text>
            </View>
            <Text className='case-row__meta'>
              {c.communityName} · {c.kind} · {c.month.replace('-', '年')}月
            </Text>
            <Text className='case-detail__level'>{LEVEL_LABELS[c.level]}</Text>
            <Text className='case-row__meta'>{c.comment !== '' ? `留言：${c.comment}` : '没有可显示的留言'}</Text>
          </View>

          <View className='case-detail__section'>
            <Text className='case-detail__heading'>期限</Text>
            <Text className='case-detail__line'>收到差评：{c.openedOn}</Text>
            <Text className='case-detail__line'>回访期限：{c.callbackDue}（{c.callback ? '已回访' : '未回访'}）</Text>
            <Text className='case-detail__line'>整改期限：{c.rectifyDue}（{c.rectification ? '已整改' : '未整改'}）</Text>
          </View>

          {c.withdrawal ? <WithdrawalSection withdrawal={c.withdrawal} /> : null}

          <ContactSection contact={c.contact} />

          {c.callback ? (
            <View className='case-detail__section'>
              <Text className='case-detail__heading'>回访{c.callback.reached ? '' : '（无法联系）'}</Text>
              <Text className='case-detail__line'>{c.callback.outcome}</Text>
              <Text className='case-row__meta'>{c.callback.byName} · {day(c.callback.at)}</Text>
            </View>
          ) : handles ? (
            <CallbackForm busy={callback.state.status === 'loading'} error={callback.state.status === 'error' ? callback.state.error : null} onSave={(r, o) => void saveCallback(r, o)} hasPhone={c.contact !== undefined && 'phone' in c.contact} />
          ) : null}

          {c.rectification ? (
            <View className='case-detail__section'>
              <Text className='case-detail__heading'>整改</Text>
              <Text className='case-detail__line'>{c.rectification.note}</Text>
              <Text className='case-row__meta'>{c.rectification.byName} · {day(c.rectification.at)}</Text>
              {c.rectification.hidden === true ? <Text className='case-row__meta'>这条整改说明被举报，街道审核后已不再给评价人看。</Text> : null}
            </View>
          ) : c.callback && handles ? (
            <RectifyForm busy={rectify.state.status === 'loading'} error={rectify.state.status === 'error' ? rectify.state.error : null} onSave={(n) => void saveRectify(n)} />
          ) : null}

          {c.notifyFailure ? (
            <View data-case-notify-failed={c.notifyFailure.at}>
              <Notice kind='error' title={c.notifyFailure.message} detail={`${day(c.notifyFailure.at)} 发送整改通知时`} />
            </View>
          ) : c.stage === 'confirm' ? (
            <Notice kind='info' title='已通知评价人，等待评价整改结果' />
          ) : null}
          {c.verdict ? (
            <View className='case-detail__section'>
              <Text className='case-detail__heading'>评价人对整改：{c.verdict.verdict}</Text>
              <Text className='case-row__meta'>{day(c.verdict.at)}</Text>
            </View>
          ) : null}
        </>
      ) : null}
    </Screen>
  )
}
