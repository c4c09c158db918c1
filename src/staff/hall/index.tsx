import { Text, View } from '@tarojs/components'
import { dayLabel } from '../../core/hallRota'
import { periodLabel } from '../../core/periods'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { openPage, routes } from '../../routes'
import { StaffProblemNotice } from '../shared/StaffProblemNotice'
import { DayEditor } from './DayEditor'
import { monthChipLabel, rotaMonths } from './format'
import { GeneratePanel } from './GeneratePanel'
import { RotaMonth } from './RotaMonth'
import { useRotaPage } from './useRotaPage'
import { WorkerDays } from './WorkerDays'
import '../../styles/staff.css'
import '../../styles/staffDesktop.css'
import './index.css'

/**
 * 大厅值班表: the community's service hall, month by month — who is on duty each working day and their B
 * (AB岗), each worker's hall days, and for the community's admin generating the month, editing a day and
 * swapping two workers (tap one, tap another). Sub-district staff and the bureau read it, community by community.
 */
export default function HallRotaPage() {
  const page = useRotaPage()
  const { view, session } = page
  const rota = view?.rota ?? null
  const editingDay = rota?.days.find((day) => day.date === page.editingDate) ?? null
  const generatePanel =
    view !== null && view.editable ? (
      <GeneratePanel
        key={`${view.communityId}-${view.period}-${rota?.version ?? 0}`}
        period={view.period}
        setup={view.setup}
        workingDays={view.workingDays.length}
        hasRota={rota !== null}
        generating={page.generating}
        workers={view.workers}
        nameOf={page.nameOf}
        onGenerate={(setup) => void page.runGenerate(setup)}
      />
    ) : null

  return (
    <Screen className='staff hall'>
      <Text className='staff-title'>大厅值班表</Text>
      <Text className='staff-summary__note'>
        {view ? `${view.communityName} 便民服务大厅` : '社区便民服务大厅'}
        {page.isAdmin || view === null || view.editable ? '' : ' · 只读，由社区管理员安排'}
      </Text>

      {session !== null && !page.isAdmin && !page.reader ? <Notice kind='info' title='这里只对社区、街道和市民政局的工作人员开放' /> : null}

      {page.reader && page.communities.length > 1 ? (
        <View className='hall-chips'>
          {page.communities.map((community) => (
            <View
              key={community.communityId}
              data-community={community.communityId}
              className={`staff-chip hall-chip${community.communityId === page.communityId ? ' staff-chip--on' : ''}`}
              onClick={() => page.setCommunity(community.communityId)}
            >
              <Text>{community.name}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className='hall-chips'>
        {rotaMonths(page.thisMonth).map((month) => (
          <View
            key={month}
            data-period={month}
            className={`staff-chip hall-chip hall-month-chip${month === page.period ? ' staff-chip--on' : ''}`}
            onClick={() => page.setPeriod(month)}
          >
            <Text>{monthChipLabel(month, page.thisMonth)}</Text>
          </View>
        ))}
      </View>

      {page.orgs.state.status === 'error' ? <StaffProblemNotice error={page.orgs.state.error} onRetry={() => page.orgs.reload()} /> : null}
      {page.query.state.status === 'error' ? <StaffProblemNotice error={page.query.state.error} onRetry={() => page.query.reload()} /> : null}
      {view === null && page.query.state.status !== 'error' && page.orgs.state.status !== 'error' && (page.isAdmin || page.reader) ? (
        <Notice kind='loading' title={`正在读取${periodLabel(page.period)}的值班表…`} />
      ) : null}

      {view !== null ? (
        <View>
          {/* Without a rota, generating it is the thing to do; with one, the month comes first. */}
          {rota === null ? generatePanel : null}
          {rota === null ? (
            <Notice
              kind='empty'
              title={`${periodLabel(view.period)}还没有值班表`}
              detail={view.editable ? '按上面的编组生成后，每个工作日的值班人员会显示在这里。' : '社区管理员生成值班表后，这里会显示每天谁在大厅值班。'}
            />
          ) : (
            <View className='staff-panel hall-panel hall-panel--wide'>
              <Text className='staff-heading'>{periodLabel(view.period)} · 每天 {rota.staffing} 人值班</Text>
              <Text className='staff-note'>
                {view.editable ? '点一位工作人员，再点另一天的一位，两人对调；点“调整”可以重排这一天。' : '每个工作日在大厅值班的人；“B岗”后面是替 TA 顶岗的人。'}
                最后修改：{rota.updatedBy}
              </Text>
              <RotaMonth
                days={rota.days}
                today={page.today}
                editable={view.editable}
                picked={page.picked}
                onTapDuty={page.tapDuty}
                editingDate={page.editingDate}
                onEdit={page.editDay}
                editor={
                  editingDay !== null ? (
                    <DayEditor
                      key={editingDay.date}
                      day={editingDay}
                      workers={view.workers}
                      staffing={rota.staffing}
                      saving={page.saving}
                      onSave={(codes) => void page.saveDay(editingDay.date, codes)}
                      onCancel={page.cancelEdit}
                    />
                  ) : null
                }
              />
            </View>
          )}
          {rota !== null ? <WorkerDays rota={rota} nameOf={page.nameOf} /> : null}
          {rota !== null ? generatePanel : null}
          <View className='staff-link hall-poster-link' onClick={() => openPage(routes.hallPoster(page.communityId))}>
            <Text>大厅评价码海报 ›</Text>
          </View>
        </View>
      ) : null}

      {page.picked !== null || page.outcome !== null || page.saving || page.generating ? (
        <View className={`hall-bar${page.outcome?.kind === 'error' ? ' hall-bar--error' : ''}`} role='status'>
          <Text className='hall-bar__text'>
            {page.saving || page.generating
              ? '正在保存…'
              : page.picked !== null
                ? `已选 ${page.picked.name}（${dayLabel(page.picked.date)}），再点另一天的一位工作人员，两人对调`
                : (page.outcome?.text ?? '')}
          </Text>
          {page.picked !== null ? (
            <View className='hall-bar__button' role='button' onClick={page.cancelPick}>
              <Text>取消</Text>
            </View>
          ) : page.outcome !== null ? (
            <View className='hall-bar__button' role='button' onClick={page.dismissOutcome}>
              <Text>知道了</Text>
            </View>
          ) : null}
        </View>
      ) : null}
    </Screen>
  )
}
