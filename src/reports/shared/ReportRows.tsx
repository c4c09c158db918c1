import { Text, View } from '@tarojs/components'
import { SMALL_SAMPLE_WORD, gradeWords, isSmallSample } from '../../core/provisional'
import { percentText } from '../../core/reportSummary'
import type { Report, ReportRow } from '../../core/reports'
import { GRADE_CLASS, ratioCell, scoreText } from './format'

interface ReportRowsProps {
  report: Report
  onOpenTrend: (workerCode: string) => void
}

function Cell({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <View className={`report-cell${className ? ` ${className}` : ''}`}>
      <Text className='report-cell__label'>{label}</Text>
      <Text className='report-cell__value'>{value}</Text>
    </View>
  )
}

const partyText = (party: { n: number; score: number } | null) =>
  party === null ? '暂无' : `${scoreText(party.score)}（${party.n}条${isSmallSample(party) ? `，${SMALL_SAMPLE_WORD}` : ''}）`

/** A worker who was on hall duty in the period; one never at the hall's window reads the grid ratio alone. */
const hasHallDays = (row: ReportRow) => row.hallDays !== null && row.hallDays > 0

/**
 * The rows of a report: on a phone one card per worker (labels beside the numbers); on a desktop
 * (>= 900 px) the same cells line up as a table under one header row. Tapping a row opens the worker's trend.
 */
export function ReportRows({ report, onOpenTrend }: ReportRowsProps) {
  const isYear = report.kind === 'year'
  return (
    <View className={`report-table${isYear ? ' report-table--year' : ''}`}>
      <View className='report-row report-row--head'>
        {['排名', '姓名', '社区', '居民', '服务对象', '街道', '总分', '等次', '在网格时间', ...(isYear ? ['年终考核', '年度成绩'] : []), '提示', ''].map((title) => (
          <Text key={title || 'more'} className='report-head'>
            {title}
          </Text>
        ))}
      </View>
      {report.rows.map((row) => (
        <Row
          key={row.workerCode}
          row={row}
          isYear={isYear}
          provisional={report.provisional}
          dailyShare={report.dailyShare}
          target={report.gridTimeTarget}
          onOpen={() => onOpenTrend(row.workerCode)}
        />
      ))}
    </View>
  )
}

interface RowProps {
  row: ReportRow
  isYear: boolean
  provisional: boolean
  dailyShare: number
  target: number
  onOpen: () => void
}

function Row({ row, isYear, provisional, dailyShare, target, onOpen }: RowProps) {
  const below = row.gridTimeRatio !== null && row.gridTimeRatio < target
  return (
    <View className='report-row' data-worker={row.workerCode} onClick={onOpen}>
      <Text className='report-rank'>{row.rank === null ? '—' : row.rank}</Text>
      <View className='report-who'>
        <Text className='report-who__name'>{row.name}</Text>
        <Text className='report-who__code'>{row.workerCode}</Text>
      </View>
      <Text className='report-community'>{row.community}</Text>
      <Cell label='居民' value={partyText(row.residents)} className='report-cell--party' />
      <Cell label='服务对象' value={partyText(row.recipients)} className='report-cell--party' />
      <Cell label='街道' value={scoreText(row.subdistrict?.score)} className='report-cell--party' />
      <Cell label='总分' value={scoreText(row.total)} className='report-cell--total' />
      <View className='report-grade-cell'>
        <Text className={`report-grade report-grade--${GRADE_CLASS[row.grade]}${provisional ? ' report-grade--provisional' : ''}`}>{gradeWords(row.grade, provisional)}</Text>
      </View>
      <View className={`report-cell ${below ? 'report-cell--short' : 'report-cell--grid'}`}>
        <Text className='report-cell__label'>在网格时间</Text>
        {/* Hall days beside grid time (大厅值班 x 天，网格 y%), a line each so neither breaks in two. */}
        {hasHallDays(row) ? <Text className='report-cell__value report-cell__line'>大厅值班 {row.hallDays} 天，</Text> : null}
        <Text className='report-cell__value report-cell__line'>{hasHallDays(row) ? `网格 ${ratioCell(row.gridTimeRatio)}` : ratioCell(row.gridTimeRatio)}</Text>
      </View>
      {isYear ? <Cell label='年终考核' value={scoreText(row.annual?.yearEnd)} className='report-cell--party' /> : null}
      {isYear ? <Cell label='年度成绩' value={scoreText(row.annual?.annual)} className='report-cell--total' /> : null}
      {/* Without a year-end review there is nothing to add up: the flag below says what is missing. */}
      {isYear && row.annual !== undefined && row.annual.annual !== null ? (
        <Text className='report-annual'>
          日常考核 {scoreText(row.annual.yearTotal)} × {percentText(dailyShare)} + 年终考核 {scoreText(row.annual.yearEnd)} × {percentText(1 - dailyShare)} = 年度成绩{' '}
          {scoreText(row.annual.annual)}
        </Text>
      ) : null}
      <View className='report-flags'>
        {row.flagTexts.map((text) => (
          <Text key={text} className='report-flag'>
            · {text}
          </Text>
        ))}
      </View>
      <Text className='report-more'>趋势 ›</Text>
    </View>
  )
}
