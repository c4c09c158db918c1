import { Text, View } from '@tarojs/components'
import { Notice } from '../../components/Notice'
import { periodLabel } from '../../core/periods'
import { percentText } from '../../core/reportSummary'
import type { OwnOverall, OwnPartyResult, OwnResults, UnpublishedResults } from '../../core/workerResults'
import type { AsyncState } from '../../hooks/useApi'
import { OwnComments } from './OwnComments'
import './OwnResultsPanel.css'

/** Trust rule 5, in the words the issue gives: below 5 ratings a party shows nothing. */
const TOO_FEW = '评价数不足5条，暂不显示'

function RatedParty({ label, result }: { label: string; result: OwnPartyResult }) {
  return (
    <View>
      <View className='own-results__row'>
        <Text className='own-results__party'>{label}</Text>
        {result.shown ? (
          <Text className='own-results__score'>
            {result.score.toFixed(1)} 分<Text className='own-results__n'>（{result.n} 条评价）</Text>
          </Text>
        ) : (
          <Text className='own-results__hidden'>{TOO_FEW}</Text>
        )}
      </View>
      {result.shown && result.comments ? <OwnComments comments={result.comments} /> : null}
    </View>
  )
}

/** The total and grade the report shows, or why not (a hidden party is part of them). */
function Overall({ overall }: { overall: OwnOverall }) {
  return (
    <View>
      <View className='own-results__row'>
        <Text className='own-results__party'>三方总分</Text>
        {!overall.shown ? (
          <Text className='own-results__hidden'>有一方评价数不足5条，暂不显示</Text>
        ) : overall.total === null ? (
          <Text className='own-results__hidden'>暂无评价和评分</Text>
        ) : (
          <Text className='own-results__score'>
            {overall.total.toFixed(1)} 分<Text className='own-results__n'>（{overall.grade}）</Text>
          </Text>
        )}
      </View>
      {overall.shown && overall.annual !== undefined ? (
        <View className='own-results__row'>
          <Text className='own-results__party'>年度考核</Text>
          {overall.annual === null ? (
            <Text className='own-results__hidden'>缺少年终考核分</Text>
          ) : (
            <Text className='own-results__score'>{overall.annual.toFixed(1)} 分</Text>
          )}
        </View>
      ) : null}
    </View>
  )
}

/** 2026-08-01 → 8月1日. */
function dayLabel(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

/** A period still running: when its results appear, and why not before (trust rule 5). */
function NotYetPublished({ results }: { results: UnpublishedResults }) {
  return (
    <View className='own-results__pending' data-published-on={results.publishedOn}>
      <Text className='own-results__pending-title'>{periodLabel(results.period)}结束后公布</Text>
      <Text className='own-results__pending-detail'>
        {dayLabel(results.publishedOn)}起可以查看。为保护评价人，考核期结束前不显示分数和留言。
      </Text>
    </View>
  )
}

interface OwnResultsPanelProps {
  periods: string[]
  period: string
  onPeriod: (period: string) => void
  state: AsyncState<OwnResults>
}

/** Hall days beside grid time (大厅值班 x 天，网格 y%); a worker never at the hall's window reads the ratio alone. */
function gridTimeWords(hallDays: number | null, ratio: number): string {
  return hallDays !== null && hallDays > 0 ? `大厅值班 ${hallDays} 天，网格 ${percentText(ratio)}` : percentText(ratio)
}

/** My results per party (n and score, never who rated), for a few recent periods: closed ones only show numbers. */
export function OwnResultsPanel({ periods, period, onPeriod, state }: OwnResultsPanelProps) {
  return (
    <View className='own-results'>
      <View className='own-results__periods'>
        {periods.map((p) => (
          <View key={p} data-period={p} className={`worker-chip${p === period ? ' worker-chip--on' : ''}`} onClick={() => onPeriod(p)}>
            <Text>{periodLabel(p)}</Text>
          </View>
        ))}
      </View>
      {state.status === 'idle' || state.status === 'loading' ? <Notice kind='loading' title='正在读取评价结果…' /> : null}
      {state.status === 'error' ? <Notice kind='error' title='没能读取评价结果' detail={state.error.message} /> : null}
      {state.status === 'ok' && !state.data.published ? <NotYetPublished results={state.data} /> : null}
      {state.status === 'ok' && state.data.published ? (
        <View>
          <RatedParty label='小区居民' result={state.data.residents} />
          <RatedParty label='服务对象' result={state.data.recipients} />
          <View className='own-results__row'>
            <Text className='own-results__party'>街道评分</Text>
            {state.data.subdistrict === null ? (
              <Text className='own-results__hidden'>街道尚未评分</Text>
            ) : (
              <Text className='own-results__score'>{state.data.subdistrict.score.toFixed(1)} 分</Text>
            )}
          </View>
          <Overall overall={state.data.overall} />
          <View className='own-results__row'>
            <Text className='own-results__party'>下沉网格</Text>
            {state.data.gridTimeRatio === null ? (
              <Text className='own-results__hidden'>没有工作日</Text>
            ) : (
              <Text className='own-results__score'>{gridTimeWords(state.data.hallDays, state.data.gridTimeRatio)}</Text>
            )}
          </View>
          <Text className='worker-note'>评价不记名：这里只有汇总，看不到是谁评的。</Text>
        </View>
      ) : null}
    </View>
  )
}
