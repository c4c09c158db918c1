import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { REPORT_REASONS, REPORT_RECEIVED, type ReportReason } from '../core/contentReports'
import { BigButton } from './BigButton'
import './LevelChoices.css'
import './ReportSheet.css'

interface ReportSheetProps {
  /** What is reported, in words: 这条留言, 这条整改说明. */
  what: string
  /** Sends the report with the chosen reason (none: not chosen); resolves true once it was taken. */
  send: (reason: ReportReason | undefined) => Promise<boolean>
  sending: boolean
  /** Why the last try failed, in the server's words. */
  problem: string | null
}

/**
 * 投诉/举报: a small 举报 link that opens, in place (no pop-up), the plain reasons as large choices — none
 * pre-selected, none required — then 提交举报 or 取消; once taken, 已提交，我们会尽快处理 stays in its place.
 * Says who reads the report and that the person reported is not told who sent it.
 */
export function ReportSheet({ what, send, sending, problem }: ReportSheetProps) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState<ReportReason | undefined>(undefined)
  const [sent, setSent] = useState(false)
  if (sent) return <Text className='report-sheet__sent'>{REPORT_RECEIVED}</Text>
  if (!open) {
    return (
      <View className='report-sheet__link' role='button' aria-label={`举报${what}`} onClick={() => setOpen(true)}>
        <Text>举报</Text>
      </View>
    )
  }
  return (
    <View className='report-sheet'>
      <Text className='report-sheet__title'>举报{what}</Text>
      <Text className='report-sheet__hint'>举报会交给街道工作人员审核，不会告诉被举报的人是谁举报的。原因可以不选。</Text>
      <View role='radiogroup' aria-label='举报原因'>
        {REPORT_REASONS.map((r) => (
          <View
            key={r}
            className={`level-choice report-sheet__choice${reason === r ? ' level-choice--chosen' : ''}`}
            data-reason={r}
            role='radio'
            aria-checked={reason === r ? 'true' : 'false'}
            onClick={() => setReason(reason === r ? undefined : r)}
          >
            <View className='level-choice__box'>
              <Text className='level-choice__tick'>{reason === r ? '✓' : ''}</Text>
            </View>
            <Text className='level-choice__label'>{r}</Text>
          </View>
        ))}
      </View>
      {problem !== null ? <Text className='report-sheet__problem'>{problem}</Text> : null}
      <BigButton className='report-sheet__submit' loading={sending} onClick={() => void send(reason).then((taken) => setSent(taken))}>
        提交举报
      </BigButton>
      <BigButton className='report-sheet__cancel' variant='secondary' onClick={() => setOpen(false)}>
        取消
      </BigButton>
    </View>
  )
}
