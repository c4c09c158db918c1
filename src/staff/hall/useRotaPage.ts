import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { dayLabel } from '../../core/hallRota'
import type { HallDay, HallDuty, HallRotaSetup, HallRotaView } from '../../core/hallSchemas'
import { chinaDateOf, monthOf, periodLabel } from '../../core/periods'
import { useGenerateRota, useHallRota, useSaveRota } from '../../hooks/hall'
import { useIntentKey } from '../../hooks/intentKey'
import { useOrgList } from '../../hooks/org'
import { useSession } from '../../hooks/useSession'
import { decodeOption } from '../../routes'
import { namesOf } from './format'
import type { SwapPick } from './RotaMonth'

/** The last save's outcome, in words, shown in the bar at the bottom until the next action. */
export interface SaveOutcome {
  kind: 'success' | 'error'
  text: string
}


function errorOutcome(...states: Array<{ status: string; error?: { message: string } }>): SaveOutcome {
  const failed = states.find((state) => state.status === 'error')
  return { kind: 'error', text: `没有保存：${failed?.error?.message ?? '请再试一次'}` }
}

/**
 * The rota page's state: which month and community, the rota as the server last answered it (a save
 * answers the whole rota, shown at once), the worker picked for a swap, the day being edited, and the last
 * save's outcome. Every write names the rota's version it edited, so a rota changed meanwhile is refused.
 */
export function useRotaPage() {
  const { params } = useRouter()
  const { session, may } = useSession()
  const isAdmin = session?.role === 'community'
  const reader = session !== null && !isAdmin && may('hall.rota.get')
  const thisMonth = monthOf(new Date())
  const [period, setPeriodState] = useState(thisMonth)
  const orgs = useOrgList(reader)
  const communities = orgs.state.status === 'ok' ? orgs.state.data.subdistricts.flatMap((sub) => sub.communities) : []
  const [chosenCommunity, setChosenCommunity] = useState<string | null>(() => decodeOption(params.communityId))
  const communityId = isAdmin ? undefined : (chosenCommunity ?? communities[0]?.communityId)
  const ready = session !== null && (isAdmin || (reader && communityId !== undefined))
  const query = useHallRota(ready ? period : null, communityId)
  const [fresh, setFresh] = useState<HallRotaView | null>(null)
  const [picked, setPicked] = useState<SwapPick | null>(null)
  const [editingDate, setEditingDate] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null)
  const generate = useGenerateRota()
  const save = useSaveRota()
  const keyFor = useIntentKey()

  const loaded = query.state.status === 'ok' ? query.state.data : null
  const view = fresh !== null && fresh.period === period && (communityId === undefined || fresh.communityId === communityId) ? fresh : loaded
  const nameOf = namesOf(view?.workers ?? [])

  /** A new action starts without the last one's outcome. */
  const forget = () => {
    setOutcome(null)
    generate.reset()
    save.reset()
  }
  const clear = () => {
    forget()
    setFresh(null)
    setPicked(null)
    setEditingDate(null)
  }
  const setPeriod = (next: string) => {
    clear()
    setPeriodState(next)
  }
  const setCommunity = (next: string) => {
    clear()
    setChosenCommunity(next)
  }

  const answered = (data: HallRotaView | null, success: string) => {
    if (data === null) return false
    setFresh(data)
    setOutcome({ kind: 'success', text: success })
    return true
  }

  const runGenerate = async (setup: HallRotaSetup) => {
    setPicked(null)
    setEditingDate(null)
    forget()
    const intent = { period, ...setup }
    const data = await generate.run({ ...intent, idempotencyKey: keyFor(intent) })
    answered(data, `已生成${periodLabel(period)}值班表：${data?.workingDays.length ?? 0} 个工作日，每天 ${setup.staffing} 人`)
  }

  const runSave = async (change: Parameters<typeof save.run>[0]['change'], success: string) => {
    if (view?.rota == null) return false
    forget()
    const intent = { period, version: view.rota.version, change }
    const data = await save.run({ ...intent, idempotencyKey: keyFor(intent) })
    return answered(data, success)
  }

  /** Tap one, tap another: the first picks, a second of another day swaps the two and saves. */
  const tapDuty = (day: HallDay, duty: HallDuty) => {
    if (picked === null || picked.date === day.date) {
      const same = picked !== null && picked.workerCode === duty.workerCode
      setPicked(same ? null : { date: day.date, workerCode: duty.workerCode, name: duty.name })
      forget()
      return
    }
    const first = picked
    setPicked(null)
    void runSave(
      { kind: 'swap', first: { date: first.date, workerCode: first.workerCode }, second: { date: day.date, workerCode: duty.workerCode } },
      `已对调：${first.name}改到${dayLabel(day.date)}，${duty.name}改到${dayLabel(first.date)}`,
    )
  }

  const saveDay = async (date: string, workerCodes: string[]) => {
    const saved = await runSave({ kind: 'day', date, workerCodes }, `${dayLabel(date)}的值班已保存：${workerCodes.map(nameOf).join('、')}`)
    if (saved) setEditingDate(null)
  }

  return {
    session,
    isAdmin,
    reader,
    thisMonth,
    today: chinaDateOf(new Date()),
    period,
    setPeriod,
    communities,
    communityId,
    setCommunity,
    orgs,
    query,
    view,
    nameOf,
    picked,
    cancelPick: () => setPicked(null),
    tapDuty,
    editingDate,
    editDay: (date: string) => {
      setPicked(null)
      forget()
      setEditingDate(date)
    },
    cancelEdit: () => setEditingDate(null),
    saveDay,
    generating: generate.state.status === 'loading',
    saving: save.state.status === 'loading',
    runGenerate,
    /** What the last generate or save came to: the success in words, or the server's reason (nothing was saved). */
    outcome: generate.state.status === 'error' || save.state.status === 'error' ? errorOutcome(generate.state, save.state) : outcome,
    dismissOutcome: forget,
  }
}
