import { useState } from 'react'
import { Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { periodLabel } from '../../core/periods'
import { Notice } from '../../components/Notice'
import { PeriodPicker } from '../../components/PeriodPicker'
import { Screen } from '../../components/Screen'
import { useSheet } from '../../hooks/sheets'
import { StaffProblemNotice } from '../shared/StaffProblemNotice'
import { SubdistrictField } from '../shared/SubdistrictField'
import { staffProblem } from '../shared/problems'
import { useStaffScope } from '../shared/useStaffScope'
import { completeCount, draftStatusTitle, isEdited, submitHint } from './draft'
import { SheetActions } from './SheetActions'
import { SheetKindTabs, type SheetTab } from './SheetKindTabs'
import { SheetHistory, SheetStatus } from './SheetStatus'
import { SheetTable } from './SheetTable'
import { firstPeriodOf, pickerKinds, sheetKindOf, tabOf } from './tabs'
import { useSheetEditor } from './useSheetEditor'
import '../../styles/staff.css'
import '../../styles/staffCards.css'
import '../../styles/staffDesktop.css'
import './index.css'

/** 评分表: the sub-district scores every worker on the bureau's criteria; draft, submit (locked), change with a reason. */
export default function SheetPage() {
  const { params } = useRouter()
  const scope = useStaffScope()
  const [tab, setTab] = useState<SheetTab>(() => tabOf(params.kind, scope.period))
  const kind = sheetKindOf(tab)
  const { state, reload } = useSheet(kind, scope.period, scope.subdistrictId, scope.ready && (scope.canEnterScores || scope.subdistrictId !== null))
  const view = state.status === 'ok' ? state.data : null
  const editor = useSheetEditor(view, scope.subdistrictId, () => reload({ silent: true }))
  const serverProblem = editor.error === null ? null : staffProblem(editor.error)
  const complete = view === null ? 0 : completeCount(view, editor.draft)
  const title = tab === 'yearEnd' ? `${periodLabel(scope.period)}年终评议` : `${periodLabel(scope.period)}街道评分`

  return (
    <Screen className='staff sheet-page'>
      <Text className='staff-title'>评分表</Text>
      <Text className='staff-summary__note'>街道按评分项为每名社区工作者打分，合计即街道评分（满分 100）</Text>
      <SheetKindTabs
        value={tab}
        onChange={(next) => {
          setTab(next)
          scope.setPeriod(firstPeriodOf(next, new Date()))
        }}
      />
      <PeriodPicker value={scope.period} onChange={scope.setPeriod} kinds={pickerKinds(tab)} />
      {scope.isBureau ? <SubdistrictField value={scope.subdistrictInput} onChange={scope.setSubdistrictInput} /> : null}

      {scope.ready && !scope.canEnterScores && !scope.isBureau ? (
        <Notice kind='info' title='评分表只对街道工作人员开放' detail='如需开通，请联系街道办事处的管理员。' />
      ) : null}
      {state.status === 'loading' || (!scope.ready && scope.sessionError === null) ? <Notice kind='loading' title='正在读取评分表…' /> : null}
      {state.status === 'error' ? <StaffProblemNotice error={state.error} onRetry={() => reload()} /> : null}
      {scope.sessionError !== null ? <StaffProblemNotice error={scope.sessionError} onRetry={() => scope.retrySession()} /> : null}

      {view !== null && view.rows.length === 0 ? (
        <Notice kind='empty' title='还没有可以打分的工作者' detail='请社区管理员先录入本街道的社区工作者。' />
      ) : null}
      {view !== null && view.rows.length > 0 ? (
        <>
          <Text className='staff-summary'>
            {view.subdistrict} · {title}
          </Text>
          <SheetStatus view={view} draftTitle={draftStatusTitle(view, editor.draft, complete)} edited={editor.typing && isEdited(view, editor.draft)} />
          {!view.editable ? <Text className='staff-summary__note'>市民政局可查看各街道的评分表，由街道工作人员填写和提交。</Text> : null}
          <SheetTable view={view} draft={editor.draft} editable={editor.typing} onInput={editor.onInput} />
          {editor.problem !== null ? <Notice kind='error' title={editor.problem} /> : null}
          {serverProblem !== null ? <Notice kind='error' title={serverProblem.title} detail={serverProblem.detail} /> : null}
          {editor.done !== null ? <Notice kind='success' title={editor.done} /> : null}
          {editor.unsaved.length > 0 ? (
            <Notice kind='error' title={`有 ${editor.unsaved.length} 格没有保存，其余已保存为草稿`}>
              {editor.unsaved.map((line) => (
                <Text key={line} className='sheet-refused__line'>
                  {line}
                </Text>
              ))}
              <Text className='staff-note'>请按格子旁的红字改好后再保存。</Text>
            </Notice>
          ) : null}
          <SheetActions
            mode={editor.mode}
            busy={editor.busy}
            submitHint={submitHint(view.rows.length, complete)}
            reason={editor.reason}
            onReason={editor.setReason}
            onSave={() => void editor.saveDraft()}
            onAskSubmit={editor.askSubmit}
            onSubmit={() => void editor.submitSheet()}
            onStartChange={editor.startChange}
            onChange={() => void editor.changeSheet()}
            onCancel={editor.cancel}
          />
          <SheetHistory view={view} />
        </>
      ) : null}
    </Screen>
  )
}
