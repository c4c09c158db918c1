import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { CASE_VERDICTS, type CaseVerdict } from '../../core/cases'
import { NOTE_HIDDEN } from '../../core/contentReports'
import { LEVEL_LABELS } from '../../core/levels'
import { chinaDateOf } from '../../core/periods'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useConfirmCase, useMyCases } from '../../hooks/cases'
import { decodeOption, goHome } from '../../routes'
import { useSession } from '../../hooks/useSession'
import '../../components/LevelChoices.css'
import { NoteReport } from './NoteReport'
import './index.css'

const day = (iso: string) => {
  const [, m, d] = chinaDateOf(iso).split('-').map(Number)
  return `${m}月${d}日`
}

/** 整改结果: the rater reads what the community changed after their bad rating and rates it — three big choices, none pre-selected. */
export default function CaseVerdictPage() {
  const caseId = decodeOption(useRouter().params.caseId)
  const { session } = useSession()
  const mine = useMyCases(session !== null, session?.name ?? session?.role ?? '')
  const confirm = useConfirmCase()
  const [verdict, setVerdict] = useState<CaseVerdict | null>(null)

  const c = mine.state.status === 'ok' ? mine.state.data.cases.find((x) => x.caseId === caseId) ?? null : null
  const done = confirm.state.status === 'ok' ? confirm.state.data.verdict : c?.verdict

  return (
    <Screen className='case-verdict'>
      <Text className='title'>整改结果</Text>
      {mine.state.status === 'idle' || mine.state.status === 'loading' ? <Notice kind='loading' title='正在读取…' /> : null}
      {mine.state.status === 'error' ? <Notice kind='error' title='没有读到整改情况' detail={mine.state.error.message} /> : null}
      {mine.state.status === 'ok' && c === null ? <Notice kind='empty' title='没有找到这条记录' detail='它可能已经处理完了。' /> : null}
      {c !== null ? (
        <>
          <View className='panel'>
            <Text className='case-verdict__line'>
              您{Number(c.month.slice(5))}月对{c.workerName}的评价是“{LEVEL_LABELS[c.level]}”。
            </Text>
            {c.stage === 'withdrawn' ? (
              <Text className='case-verdict__line'>这条评价经街道复核已撤销，社区不再回访、整改。</Text>
            ) : c.rectification ? (
              <>
                <Text className='case-verdict__line'>社区在{day(c.rectification.at)}完成了整改{c.rectification.hidden === true ? '。' : '：'}</Text>
                {c.rectification.hidden === true ? (
                  <Text className='case-verdict__hidden'>{NOTE_HIDDEN}</Text>
                ) : (
                  <>
                    <Text className='case-verdict__note'>{c.rectification.note}</Text>
                    <NoteReport caseId={c.caseId} />
                  </>
                )}
              </>
            ) : (
              <Text className='case-verdict__line'>社区正在处理，整改完成后会通知您。</Text>
            )}
          </View>
          {done !== undefined ? (
            <Notice kind='success' title={`您对整改的评价：${done}`} detail='谢谢您，社区会继续改进。' />
          ) : c.rectification && c.stage !== 'withdrawn' ? (
            <>
              <Text className='case-verdict__ask'>您对这次整改满意吗？</Text>
              <View role='radiogroup' aria-label='对整改的评价'>
                {CASE_VERDICTS.map((v) => (
                  <View key={v} className={`level-choice${verdict === v ? ' level-choice--chosen' : ''}`} data-verdict={v} role='radio' aria-checked={verdict === v ? 'true' : 'false'} onClick={() => setVerdict(v)}>
                    <View className='level-choice__box'>
                      <Text className='level-choice__tick'>{verdict === v ? '✓' : ''}</Text>
                    </View>
                    <Text className='level-choice__label'>{v}</Text>
                  </View>
                ))}
              </View>
              {confirm.state.status === 'error' ? <Notice kind='error' title='没有提交成功' detail={confirm.state.error.message} /> : null}
              <BigButton className='case-verdict__submit' disabled={verdict === null} loading={confirm.state.status === 'loading'} onClick={() => verdict !== null && void confirm.confirm(c.caseId, verdict)}>
                提交
              </BigButton>
            </>
          ) : null}
        </>
      ) : null}
      <BigButton className='case-verdict__home' variant='secondary' onClick={goHome}>
        回到首页
      </BigButton>
    </Screen>
  )
}
