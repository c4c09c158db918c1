import { Text, View } from '@tarojs/components'
import { FLAG_TEXT } from '../core/flags'
import type { EvaluationRow, Grade } from '../core/types'
import './EvaluationRowCard.css'

const GRADE_CLASS: Record<Grade, string> = {
  优秀: 'excellent',
  称职: 'competent',
  基本称职: 'basic',
  不称职: 'poor',
  未评定: 'none',
}

function fixed1(value: number): string {
  return value.toFixed(1)
}

function Party({ name, score, note }: { name: string; score: number | null; note: string }) {
  return (
    <View className='party'>
      <Text className='party__name'>{name}</Text>
      <Text className={`party__score${score === null ? ' party__score--none' : ''}`}>
        {score === null ? '暂无' : fixed1(score)}
      </Text>
      <Text className='party__n'>{note}</Text>
    </View>
  )
}

/** One worker's three-party evaluation for the period, with the reasons behind a missing grade. */
export function EvaluationRowCard({ row }: { row: EvaluationRow }) {
  return (
    <View className='eval-row' data-worker={row.workerCode}>
      <View className='eval-row__head'>
        <View className='eval-row__who'>
          <Text className='eval-row__name'>{row.name}</Text>
          <Text className='eval-row__meta'>
            {row.workerCode} · {row.community}
          </Text>
        </View>
        <View className='eval-row__result'>
          <Text className='eval-row__total-label'>总分</Text>
          <Text className={`eval-row__total${row.total === null ? ' eval-row__total--none' : ''}`}>
            {row.total === null ? '暂无' : fixed1(row.total)}
          </Text>
          <Text className={`grade grade--${GRADE_CLASS[row.grade]}`}>{row.grade}</Text>
        </View>
      </View>
      <View className='eval-row__parties'>
        <Party name='居民' score={row.residents?.score ?? null} note={`${row.residents?.n ?? 0} 条评价`} />
        <Party name='服务对象' score={row.recipients?.score ?? null} note={`${row.recipients?.n ?? 0} 条评价`} />
        <Party name='街道' score={row.subdistrict?.score ?? null} note='街道打分' />
      </View>
      {row.flags.length > 0 ? (
        <View className='eval-row__flags'>
          {row.flags.map((flag) => (
            <Text className='eval-row__flag' key={flag}>
              · {FLAG_TEXT[flag]}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}
