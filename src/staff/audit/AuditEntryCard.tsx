import { Text, View } from '@tarojs/components'
import { auditActorLine } from '../../core/auditLabels'
import type { AuditEntryView } from '../../core/auditSchemas'
import { chinaDateTime } from '../../core/fieldSessions'
import { chinaDateOf } from '../../core/periods'

/** One audit entry: what was done, by whom (name and role), when, where, to what, why, and what changed. */
export function AuditEntryCard({ entry }: { entry: AuditEntryView }) {
  const year = chinaDateOf(entry.at).slice(0, 4)
  return (
    <View className='audit-entry'>
      <View className='audit-entry__head'>
        <Text className='audit-entry__action'>{entry.actionLabel}</Text>
        <Text className='staff-note'>{year}年{chinaDateTime(entry.at)}</Text>
      </View>
      <Text className='audit-entry__meta'>
        {auditActorLine(entry.by)}
        {entry.subdistrictName ? ` · ${entry.subdistrictName}` : ''}
      </Text>
      <Text className='audit-entry__meta'>对象：{entry.targetLabel}</Text>
      {entry.reason ? <Text className='audit-entry__reason'>{entry.reasonLabel ?? '理由'}：{entry.reason}</Text> : null}
      {entry.summary.map((line, i) => (
        <Text key={i} className='audit-entry__line'>
          {line}
        </Text>
      ))}
    </View>
  )
}
