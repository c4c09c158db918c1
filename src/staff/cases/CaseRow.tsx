import { Text, View } from '@tarojs/components'
import { STAGE_LABELS, type CaseView, caseFinished } from '../../core/cases'
import { LEVEL_LABELS } from '../../core/levels'

const STEP = { callback: '回访', rectify: '整改' } as const

/** One case in the list: who was rated, the level in words, where it stands (评价已撤销 too); overdue in red with the working days over. */
export function CaseRow({ item, onOpen }: { item: CaseView; onOpen: () => void }) {
  const tone = item.overdue !== null ? 'overdue' : caseFinished(item.stage) ? 'closed' : 'open'
  return (
    <View className={`case-row case-row--${tone}`} data-case={item.caseId} onClick={onOpen}>
      <View className='case-row__top'>
        <Text className='case-row__who'>{item.workerName}</Text>
        <Text className={`case-row__stage case-row__stage--${tone}`}>
          {item.overdue !== null ? `${STEP[item.overdue.step]}逾期 ${item.overdue.workingDays} 个工作日` : STAGE_LABELS[item.stage]}
        </Text>
      </View>
      <Text className='case-row__meta'>
        {item.communityName} · {LEVEL_LABELS[item.level]} · {item.kind} · {Number(item.openedOn.slice(5, 7))}月{Number(item.openedOn.slice(8))}日
      </Text>
      {item.stage === 'callback' ? <Text className='case-row__due'>回访期限 {item.callbackDue}</Text> : null}
      {item.stage === 'rectify' ? <Text className='case-row__due'>整改期限 {item.rectifyDue}</Text> : null}
      {item.verdict !== undefined ? <Text className='case-row__due'>评价人：{item.verdict.verdict}</Text> : null}
    </View>
  )
}
