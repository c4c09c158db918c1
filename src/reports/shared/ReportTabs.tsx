import { Text, View } from '@tarojs/components'
import type { PeriodKind } from '../../core/periods'
import type { ReportKind } from '../../core/reports'
import { PeriodPicker } from '../../components/PeriodPicker'

const TABS: Array<{ kind: ReportKind; label: string; periodKind: PeriodKind }> = [
  { kind: 'month', label: '月度排名', periodKind: 'month' },
  { kind: 'halfyear', label: '半年报告', periodKind: 'half' },
  { kind: 'year', label: '年度考核', periodKind: 'year' },
]

interface ReportTabsProps {
  kind: ReportKind
  onKind: (kind: ReportKind) => void
  period: string
  onPeriod: (period: string) => void
}

/** The report kinds as tabs, and under them the periods of the chosen kind (a sub-district's report and the city view). */
export function ReportTabs({ kind, onKind, period, onPeriod }: ReportTabsProps) {
  const tab = TABS.find((t) => t.kind === kind) ?? TABS[1]
  return (
    <View>
      <View className='staff-tabs report-tabs'>
        {TABS.map((t) => (
          <View key={t.kind} data-kind={t.kind} className={`staff-tab report-tab${t.kind === kind ? ' staff-tab--on' : ''}`} onClick={() => onKind(t.kind)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      <PeriodPicker value={period} onChange={onPeriod} kinds={[tab.periodKind]} />
    </View>
  )
}
