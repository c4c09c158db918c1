import { Text, View } from '@tarojs/components'
import { FLAG_TEXT } from '../core/flags'
import { SMALL_SAMPLE_WORD, gradeWords, isSmallSample } from '../core/provisional'
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

/** A party's count, and 样本不足 beside it below 5 ratings. */
const ratingsNote = (party: { n: number } | null) => `${party?.n ?? 0} 条评价${isSmallSample(party) ? ` · ${SMALL_SAMPLE_WORD}` : ''}`

/**
 * The names of a row's columns, shown at a desk only, where the rows line up as a table (a phone reads
 * each card's own labels).
 */
export function EvaluationTableHead() {
  return (
    <View className='eval-table__head'>
      <Text className='eval-table__col eval-table__col--who'>社区工作者</Text>
      <Text className='eval-table__col'>居民</Text>
      <Text className='eval-table__col'>服务对象</Text>
      <Text className='eval-table__col'>街道</Text>
      <Text className='eval-table__col eval-table__col--total'>总分</Text>
      <Text className='eval-table__col eval-table__col--grade'>等次</Text>
      <Text className='eval-table__col eval-table__col--flags'>提示</Text>
    </View>
  )
}

/**
 * One worker's three-party evaluation for the period, with the reasons behind a missing grade. A running
 * period's grade is 暂定, drawn without the grade's colour so a 不称职 from one rating does not read as final.
 */
export function EvaluationRowCard({ row, provisional = false }: { row: EvaluationRow; provisional?: boolean }) {
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
          <Text className={`grade grade--${GRADE_CLASS[row.grade]}${provisional ? ' grade--provisional' : ''}`}>{gradeWords(row.grade, provisional)}</Text>
        </View>
      </View>
      <View className='eval-row__parties'>
        <Party name='居民' score={row.residents?.score ?? null} note={ratingsNote(row.residents)} />
        <Party name='服务对象' score={row.recipients?.score ?? null} note={ratingsNote(row.recipients)} />
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
