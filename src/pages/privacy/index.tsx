import { Text, View } from '@tarojs/components'
import { Screen } from '../../components/Screen'
import { ServiceChat } from '../../components/ServiceChat'
import { PRIVACY_LEAD, PRIVACY_SECTIONS } from './content'
import './index.css'

/** 隐私说明: what is stored and why, who sees what. Opened from home and the privacy dialog. */
export default function PrivacyPage() {
  return (
    <Screen className='privacy' hostsPrivacyAgreement={false}>
      <Text className='title'>隐私说明</Text>
      <Text className='lead'>{PRIVACY_LEAD}</Text>
      {PRIVACY_SECTIONS.map((section) => (
        <View key={section.title} className='panel privacy__section'>
          <Text className='privacy__title'>{section.title}</Text>
          {section.points.map((point) => (
            <View key={point} className='privacy__point'>
              <Text className='privacy__dot'>·</Text>
              <Text className='privacy__text'>{point}</Text>
            </View>
          ))}
        </View>
      ))}
      <ServiceChat />
    </Screen>
  )
}
