import { Text, View } from '@tarojs/components'
import type { CityFigures, CityOverview, CityRow } from '../../core/city'
import { GRADE_ORDER } from '../../core/flags'
import { ratioCell, scoreText } from '../shared/format'

function Cell({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <View className={`city-cell${className ? ` ${className}` : ''}`}>
      <Text className='city-cell__label'>{label}</Text>
      <Text className='city-cell__value'>{value}</Text>
    </View>
  )
}

const HEAD = ['排名', '街道', '参评人数', ...GRADE_ORDER, '称职及以上', '平均总分', '平均在网格时间', '逾期差评', '待复核申诉', '待复核可疑评价', '']

/**
 * The cells after the rank and the name, in the order of the head (the file's columns too). On a phone the
 * card sets them in lines by `order` (city.css): the four figures, the grades, then what waits; the breaks
 * end a line there (a desktop hides them).
 */
function Figures({ figures, target }: { figures: CityFigures; target: number | null }) {
  const short = figures.avgGridTimeRatio !== null && target !== null && figures.avgGridTimeRatio < target
  return (
    <>
      <View className='city-break city-break--figures' />
      <Cell label='参评人数' value={`${figures.workers}`} className='city-cell--main city-cell--workers' />
      {GRADE_ORDER.map((grade) => (
        <Cell key={grade} label={grade} value={`${figures.grades[grade]}`} className='city-cell--grade' />
      ))}
      <View className='city-break city-break--waiting' />
      <Cell label='称职及以上' value={ratioCell(figures.competentShare)} className='city-cell--main city-cell--share' />
      <Cell label='平均总分' value={scoreText(figures.avgTotal)} className='city-cell--main' />
      <Cell label='在网格时间' value={ratioCell(figures.avgGridTimeRatio)} className={`city-cell--main${short ? ' city-cell--short' : ''}`} />
      <Cell label='逾期差评' value={`${figures.overdueCases}`} className={`city-cell--waiting${figures.overdueCases > 0 ? ' city-cell--overdue' : ''}`} />
      <Cell label='待复核申诉' value={`${figures.pendingAppeals}`} className='city-cell--waiting' />
      <Cell label='待复核可疑评价' value={`${figures.openReviews}`} className='city-cell--waiting' />
    </>
  )
}

function Row({ row, onOpen }: { row: CityRow; onOpen: () => void }) {
  return (
    <View className='city-row' data-subdistrict={row.subdistrictId} onClick={onOpen}>
      <Text className='city-rank'>{row.rank === null ? '—' : row.rank}</Text>
      <Text className='city-name'>{row.subdistrictName}</Text>
      <Figures figures={row} target={row.gridTimeTarget} />
      <Text className='city-more'>看报表 ›</Text>
    </View>
  )
}

/**
 * The sub-districts in ranking order and the city under them: on a phone one card per sub-district (labels
 * beside the numbers, the grades on one line); on a desktop (>= 900 px) the same cells as a table under one
 * header row, the columns of the exported file. Tapping a sub-district opens its report.
 */
export function CityRows({ overview, onOpen }: { overview: CityOverview; onOpen: (subdistrictId: string) => void }) {
  return (
    <View className='city-table'>
      <View className='city-row city-row--head'>
        {HEAD.map((title) => (
          <Text key={title || 'more'} className='city-head'>
            {title}
          </Text>
        ))}
      </View>
      {overview.rows.map((row) => (
        <Row key={row.subdistrictId} row={row} onOpen={() => onOpen(row.subdistrictId)} />
      ))}
      <View className='city-row city-row--total'>
        <Text className='city-rank'> </Text>
        <Text className='city-name'>全市</Text>
        <Figures figures={overview.city} target={overview.gridTimeTarget} />
        <Text className='city-more'> </Text>
      </View>
    </View>
  )
}
