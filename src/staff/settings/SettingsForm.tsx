import { useEffect, useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import type { SettingsInForce } from '../../core/settingsSchemas'
import type { Settings } from '../../core/types'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { useSaveSettings } from '../../hooks/settings'
import { scroll } from '../../platform/scroll'
import { CriteriaEditor } from './CriteriaEditor'
import { SettingsConfirm } from './SettingsConfirm'
import { type ScalarKey, type SettingsDraft, draftOf, settingsOf } from './draft'

const LEVELS = ['1 非常不满意', '2 不满意', '3 基本满意', '4 满意', '5 非常满意']
const PARTIES: Array<[keyof SettingsDraft['weights'], string]> = [
  ['residents', '居民'],
  ['recipients', '服务对象'],
  ['subdistrict', '街道'],
]
const RULES: Array<[ScalarKey, string, string]> = [
  ['excellentMin', '优秀最低分', '总分达到这个分数，且没有提示，才能评为优秀'],
  ['excellentQuota', '优秀比例上限', '0 到 1，例如 0.2 表示每个街道最多 20% 的人优秀'],
  ['minResidents', '居民评价最少条数', '少于这个条数，结果旁提示“居民评价偏少”'],
  ['minRecipients', '服务对象评价最少条数', '少于这个条数，结果旁提示“服务对象评价偏少”'],
  ['priorWeight', '先验权重', '评价很少时向全街道平均分靠拢的程度，默认 5'],
  ['dailyShare', '日常考核占比', '年度考核中日常考核的比重，0.6 到 1'],
  ['feedbackWindowDays', '服务对象评价期限（天）', '走访后多少天内可以评价，1 到 90'],
]
const GRID_TIME: Array<[ScalarKey, string, string]> = [
  ['gridTimeTarget', '网格工作时间目标', '占工作时间的比例，例如 0.5 表示一半时间在网格'],
  ['workMinutesPerDay', '每个工作日分钟数', '默认 480，即 8 小时'],
]

/** The trust settings: how often one person may submit, and the deadlines of the bad-review loop and of appeals. */
const TRUST: Array<[ScalarKey, string, string]> = [
  ['rateLimitPerMinute', '每人每分钟最多提交', '同一人一分钟内最多提交几次评价，超过要等一分钟，默认 10'],
  ['rateLimitPerDay', '每人每天最多提交', '同一人一天内最多提交几次评价，超过要等到第二天，默认 30'],
  ['visitsPerDay', '每位工作者每天最多登记服务', '一位工作者一天内最多登记几次服务，超过要等到第二天，默认 30'],
  ['callbackWorkingDays', '差评回访期限（工作日）', '收到差评后几个工作日内回访评价人，默认 1'],
  ['rectifyWorkingDays', '差评整改期限（工作日）', '收到差评后几个工作日内完成整改，默认 15'],
  ['appealDays', '申诉期限（天）', '工作者收到差评后几天内可以申诉，默认 10'],
]

/** Beside its box the setting's English key adds nothing: 'dailyShare（日常考核占比）必须…' reads '日常考核占比必须…'. */
function forClerk(message: string, field: string): string {
  return message.replace(new RegExp(`${field}（([^）]+)）`, 'g'), '$1')
}

interface SettingsFormProps {
  current: SettingsInForce
  onSaved: () => void
}

/**
 * The settings in seven groups; 保存 first shows what changes and asks why (a change for the whole city),
 * then sends them all, and the server's error shows beside its setting.
 */
export function SettingsForm({ current, onSaved }: SettingsFormProps) {
  const [draft, setDraft] = useState(() => draftOf(current.settings))
  /** The settings being confirmed; null while editing. */
  const [confirming, setConfirming] = useState<Settings | null>(null)
  const { state, run, reset } = useSaveSettings()
  const failed = state.status === 'error' ? state.error : null
  // The setting to fix may be far above 保存: bring its red message into view (a clerk at 保存 would not see it).
  // A refusal naming a setting closes the confirmation, so the setting's message is what the clerk reads next.
  const settingFailed = failed?.field !== undefined && failed.field !== 'reason'
  // The confirmation opens where 保存 was: bring all of it into view.
  useEffect(() => {
    if (confirming !== null) scroll.toFirst('.settings-confirm')
  }, [confirming])
  useEffect(() => {
    if (!settingFailed) return
    setConfirming(null)
    scroll.toFirst('.settings-error')
  }, [failed, settingFailed])
  const fieldError = (field: keyof Settings) =>
    failed !== null && failed.field === field ? <Text className='settings-error'>{forClerk(failed.message, field)}</Text> : null
  const edit = (change: Partial<SettingsDraft>) => {
    reset()
    setConfirming(null)
    setDraft({ ...draft, ...change })
  }
  const save = async (settings: Settings, reason: string) => {
    if ((await run({ settings, reason })) === null) return
    setConfirming(null)
    onSaved()
  }
  const scalar = ([key, label, hint]: [ScalarKey, string, string]) => (
    <View className='settings-item' key={key} data-setting={key}>
      <View className='settings-row'>
        <Text className='settings-row__label'>{label}</Text>
        <Input className='field settings-input' type='digit' value={draft[key]} onInput={(e) => edit({ [key]: e.detail.value })} />
      </View>
      <Text className='staff-note settings-hint'>{hint}</Text>
      {fieldError(key)}
    </View>
  )

  return (
    <View>
      <View className='staff-panel settings-group' data-setting='weights'>
        <Text className='staff-heading settings-group__title'>三方权重</Text>
        <Text className='staff-note settings-hint'>三项之和必须等于 1</Text>
        {PARTIES.map(([party, label]) => (
          <View className='settings-row' key={party}>
            <Text className='settings-row__label'>{label}</Text>
            <Input className='field settings-input' type='digit' value={draft.weights[party]} onInput={(e) => edit({ weights: { ...draft.weights, [party]: e.detail.value } })} />
          </View>
        ))}
        {fieldError('weights')}
      </View>

      <View className='staff-panel settings-group' data-setting='levelPoints'>
        <Text className='staff-heading settings-group__title'>等级分值</Text>
        <Text className='staff-note settings-hint'>0 到 100，从 1 级到 5 级逐级升高</Text>
        {LEVELS.map((level, i) => (
          <View className='settings-row' key={level}>
            <Text className='settings-row__label'>{level}</Text>
            <Input
              className='field settings-input'
              type='digit'
              value={draft.levelPoints[i]}
              onInput={(e) => edit({ levelPoints: draft.levelPoints.map((p, j) => (j === i ? e.detail.value : p)) as SettingsDraft['levelPoints'] })}
            />
          </View>
        ))}
        {fieldError('levelPoints')}
      </View>

      <View className='staff-panel settings-group'>
        <Text className='staff-heading settings-group__title'>评定规则</Text>
        {RULES.map(scalar)}
      </View>

      <View className='staff-panel settings-group'>
        <Text className='staff-heading settings-group__title'>网格时间</Text>
        {GRID_TIME.map(scalar)}
      </View>

      <View className='staff-panel settings-group'>
        <Text className='staff-heading settings-group__title'>节假日与调休</Text>
        {(['holidays', 'makeupWorkdays'] as const).map((key) => (
          <View className='settings-item' key={key} data-setting={key}>
            <Text className='settings-row__label'>{key === 'holidays' ? '节假日（不上班）' : '调休上班日'}</Text>
            <Textarea
              className='field settings-dates'
              placeholder='每行一个日期，例如 2026-10-01'
              placeholderClass='placeholder'
              value={draft[key]}
              autoHeight
              onInput={(e) => edit({ [key]: e.detail.value })}
            />
            {fieldError(key)}
          </View>
        ))}
      </View>

      <View className='staff-panel settings-group' data-setting='trust'>
        <Text className='staff-heading settings-group__title'>防刷、差评整改与申诉</Text>
        {TRUST.map(scalar)}
      </View>

      <View className='staff-panel settings-group' data-setting='sheetCriteria'>
        <Text className='staff-heading settings-group__title'>评分表评分项</Text>
        <Text className='staff-note settings-hint'>街道评分表按这些项目打分，每项分值即满分；已开始的评分表不受修改影响</Text>
        <CriteriaEditor criteria={draft.sheetCriteria} onChange={(sheetCriteria) => edit({ sheetCriteria })} />
        {fieldError('sheetCriteria')}
      </View>

      {failed !== null && settingFailed ? <Notice kind='error' title='没有保存' detail={failed.field === undefined ? failed.message : '请按红字提示修改后再保存。'} /> : null}
      {state.status === 'ok' ? <Notice kind='success' title={`已保存为第 ${state.data.version} 版`} detail='之后的考核结果按新的设置计算。' /> : null}
      {confirming !== null ? (
        <SettingsConfirm
          before={current.settings}
          after={confirming}
          busy={state.status === 'loading'}
          error={failed !== null && !settingFailed ? failed : null}
          onConfirm={(reason) => void save(confirming, reason)}
          onBack={() => setConfirming(null)}
        />
      ) : (
        <BigButton className='settings-save' onClick={() => setConfirming(settingsOf(draft))}>
          保存
        </BigButton>
      )}
    </View>
  )
}
