import { Text, View } from '@tarojs/components'

interface ChoiceProps {
  title: string
  detail?: string
  onPick: () => void
}

/** One big choice (a community, a 小区): a whole-width target of at least 60 px, its words at 20 px. */
export function Choice({ title, detail, onPick }: ChoiceProps) {
  return (
    <View className='choice' role='button' onClick={onPick}>
      <View className='choice__text'>
        <Text className='choice__title'>{title}</Text>
        {detail ? <Text className='choice__detail'>{detail}</Text> : null}
      </View>
      <Text className='choice__arrow'>›</Text>
    </View>
  )
}
