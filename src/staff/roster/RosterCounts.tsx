import { Text, View } from '@tarojs/components'
import type { RosterImportResult } from '../../core/rosterSchemas'

/** Before the import, a few names are enough to see who is left out; the 导入 button stays near. */
const MISSING_PREVIEW = 5

/** What an import does (checked) or did (imported), in counts; then the workers it leaves out. */
export function RosterCounts({ result, done }: { result: RosterImportResult; done: boolean }) {
  const { created, updated, units, missing } = result
  const unchanged = created === 0 && updated === 0 && units.subdistricts + units.communities + units.grids === 0
  const lines = [
    `新增工作者 ${created} 名`,
    `更新工作者 ${updated} 名`,
    units.subdistricts > 0 ? `新建街道 ${units.subdistricts} 个` : null,
    units.communities > 0 ? `新建社区 ${units.communities} 个` : null,
    units.grids > 0 ? `新建或更新户数的网格 ${units.grids} 个` : null,
  ].filter((line): line is string => line !== null)
  return (
    <View className='roster-counts'>
      <Text className='staff-heading staff-heading--small roster-counts__title'>
        {unchanged ? (done ? '花名册与系统一致，没有需要更新的内容' : '检查通过：花名册与系统一致，无需导入') : done ? '导入完成' : '检查通过，可以导入'}
      </Text>
      {unchanged ? null : lines.map((line) => <Text className='roster-counts__line' key={line}>{line}</Text>)}
      {missing.length > 0 ? (
        <View className='roster-missing'>
          <Text className='staff-heading staff-heading--small'>{missing.length} 名工作者不在新花名册中</Text>
          <Text className='staff-summary__note'>这些工作者不在新花名册中，如已离岗请到社区管理中停用。导入不会删除任何人，也不会删除他们的评价。</Text>
          {(done ? missing : missing.slice(0, MISSING_PREVIEW)).map((worker) => (
            <Text className='roster-missing__row' key={worker.workerCode}>
              {worker.name}（{worker.workerCode}）· {worker.community}
            </Text>
          ))}
          {!done && missing.length > MISSING_PREVIEW ? <Text className='staff-summary__note'>……等 {missing.length} 名，导入后列出全部</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
