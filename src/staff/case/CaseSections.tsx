import { Text, View } from '@tarojs/components'
import { type CaseView, contactLabel } from '../../core/cases'
import { chinaDateOf } from '../../core/periods'
import { device } from '../../platform/device'

/**
 * 联系方式 under its own heading: the number the rater left is a tap to call it (only the handling
 * community's admin gets it, while the case is open); everyone else reads what contactLabel says.
 */
export function ContactSection({ contact }: { contact: CaseView['contact'] }) {
  return (
    <View className='case-detail__section' data-case-contact={contact === undefined ? 'none' : Object.keys(contact)[0]}>
      <Text className='case-detail__heading'>联系方式</Text>
      {contact !== undefined && 'phone' in contact ? (
        <>
          <View className='case-detail__phone' role='link' aria-label={`拨打 ${contact.phone}`} onClick={() => device.makePhoneCall(contact.phone)}>
            <Text>{contact.phone}</Text>
          </View>
          <Text className='case-row__meta'>点号码即可拨打</Text>
        </>
      ) : (
        <Text className='case-detail__line'>{contactLabel(contact)}</Text>
      )}
    </View>
  )
}

/** The upheld appeal that withdrew the rating: why nothing more is asked of the community. */
export function WithdrawalSection({ withdrawal }: { withdrawal: NonNullable<CaseView['withdrawal']> }) {
  return (
    <View className='case-detail__section' data-case-withdrawn={withdrawal.at}>
      <Text className='case-detail__heading'>评价已撤销</Text>
      <Text className='case-detail__line'>街道复核认定工作者的申诉成立，这条评价不再计入考核，社区无需再回访、整改。</Text>
      <Text className='case-detail__line'>复核意见：{withdrawal.note}</Text>
      <Text className='case-row__meta'>
        {withdrawal.byName} · {chinaDateOf(withdrawal.at)}
      </Text>
    </View>
  )
}
