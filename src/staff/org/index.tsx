import { useState } from 'react'
import { Text } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useOrgList, useSaveSubdistrict } from '../../hooks/org'
import { useSession } from '../../hooks/useSession'
import { staffProblem } from '../shared/problems'
import { NameEditor } from './NameEditor'
import { SubdistrictPanel } from './SubdistrictPanel'
import '../../styles/staff.css'
import '../../styles/staffDesktop.css'
import './org.css'

/** 组织架构: the bureau's sub-districts and communities (新增, 改名, staff invites); sub-district staff see theirs. */
export default function OrgPage() {
  const { session, isBureau, may } = useSession()
  const allowed = may('org.list')
  const { state, reload } = useOrgList(allowed)
  const [adding, setAdding] = useState(false)
  const add = useSaveSubdistrict()
  const problem = state.status === 'error' ? staffProblem(state.error) : null
  const refresh = () => reload({ silent: true })

  return (
    <Screen className='staff'>
      <Text className='staff-title'>组织架构</Text>
      <Text className='staff-summary__note'>
        {isBureau ? '全市的街道和社区。改名不影响已有的评价和得分；新来的工作人员用邀请码绑定微信。' : '本街道的社区。给新的社区管理员生成邀请码，请对方用本人微信扫码绑定。'}
      </Text>
      {session !== null && !allowed ? <Notice kind='info' title='这里只对市民政局和街道工作人员开放' detail='社区管理员请在首页进入“网格与工作者”。' /> : null}
      {allowed && (state.status === 'idle' || state.status === 'loading') ? <Notice kind='loading' title='正在读取组织架构…' /> : null}
      {problem ? (
        <Notice kind='error' title={problem.title} detail={problem.detail}>
          {problem.retry ? <BigButton onClick={() => reload()}>再试一次</BigButton> : null}
        </Notice>
      ) : null}
      {state.status === 'ok' && state.data.subdistricts.length === 0 ? (
        <Notice kind='empty' title='还没有街道' detail={isBureau ? '可以在下面新增街道，或导入花名册。' : '请联系市民政局。'} />
      ) : null}
      {state.status === 'ok'
        ? state.data.subdistricts.map((subdistrict) => (
            <SubdistrictPanel key={subdistrict.subdistrictId} subdistrict={subdistrict} isBureau={isBureau} onChanged={refresh} />
          ))
        : null}
      {isBureau && state.status === 'ok' && !adding ? (
        <BigButton variant='secondary' className='org-add' onClick={() => setAdding(true)}>
          新增街道
        </BigButton>
      ) : null}
      {adding ? (
        <NameEditor
          label='新街道名称'
          placeholder='例如 温泉办事处'
          busy={add.state.status === 'loading'}
          error={add.state.status === 'error' ? add.state.error.message : null}
          onSave={(name) =>
            void add.run({ name }).then((result) => {
              if (result === null) return
              setAdding(false)
              add.reset()
              refresh()
            })
          }
          onCancel={() => {
            setAdding(false)
            add.reset()
          }}
        />
      ) : null}
    </Screen>
  )
}
