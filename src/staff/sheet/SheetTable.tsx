import { Input, ScrollView, Text, View } from '@tarojs/components'
import type { SheetView } from '../../core/sheetSchemas'
import { type SheetDraft, boxProblem, draftTotal } from './draft'

interface SheetTableProps {
  view: SheetView
  draft: SheetDraft
  /** Boxes can be typed in (a draft, or a submitted sheet in 修改 mode). */
  editable: boolean
  onInput: (workerCode: string, criterion: number, text: string) => void
}

/** Workers x criteria, each criterion's full marks in its head, the running total per worker. */
export function SheetTable({ view, draft, editable, onInput }: SheetTableProps) {
  const wide = view.criteria.length > 3
  const table = (
    <View className={`sheet-table${wide ? ' sheet-table--wide' : ''}`}>
      <View className='sheet-table__row sheet-table__head'>
        <Text className='sheet-table__who'>工作者</Text>
        {view.criteria.map((c) => (
          <View key={c.name} className='sheet-table__cell'>
            <Text className='sheet-table__criterion'>{c.name}</Text>
            <Text className='sheet-table__full'>满分 {c.weight}</Text>
          </View>
        ))}
        <Text className='sheet-table__total'>合计</Text>
      </View>
      {view.rows.map((row) => {
        const texts = draft[row.workerCode] ?? row.points.map(() => '')
        const total = draftTotal(texts, view.criteria)
        return (
          <View key={row.workerCode} className='sheet-table__row' data-worker={row.workerCode}>
            <View className='sheet-table__who'>
              <Text className='sheet-table__name'>{row.name}</Text>
              <Text className='sheet-table__meta'>{row.community}</Text>
            </View>
            {view.criteria.map((c, i) => {
              const problem = editable ? boxProblem(texts[i], c) : null
              return (
                <View key={c.name} className='sheet-table__cell'>
                  {editable ? (
                    <Input
                      className={`sheet-table__input${problem === null ? '' : ' sheet-table__input--bad'}`}
                      type='digit'
                      maxlength={4}
                      value={texts[i]}
                      placeholder='—'
                      placeholderClass='sheet-table__placeholder'
                      aria-label={`${row.name} ${c.name}`}
                      onInput={(event) => onInput(row.workerCode, i, event.detail.value)}
                    />
                  ) : (
                    // Read only: every number with one decimal, as the total beside it (36 → 36.0).
                    <Text className='sheet-table__value'>{texts[i] === '' ? '—' : Number(texts[i]).toFixed(1)}</Text>
                  )}
                  {/* Beside the box, in words (colour is never the only cue): 超过满分 40. */}
                  {problem !== null ? <Text className='sheet-table__problem'>{problem}</Text> : null}
                </View>
              )
            })}
            <Text className={`sheet-table__total${total === null ? ' sheet-table__total--none' : ''}`}>{total === null ? '未完成' : total.toFixed(1)}</Text>
          </View>
        )
      })}
    </View>
  )
  // More than three criteria do not fit a phone's width: the table scrolls sideways, the page does not.
  return wide ? (
    <ScrollView scrollX className='sheet-table__scroll'>
      {table}
    </ScrollView>
  ) : (
    table
  )
}
