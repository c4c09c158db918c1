import { Image, Text, View } from '@tarojs/components'
import { type VisitType, visitTimeLabel } from '../../core/visits'

interface VisitCodeProps {
  image: string
  type: VisitType
  place: string
  at: Date
}

/** The visit's own code, big enough to scan from the worker's phone, with the one thing to say. */
export function VisitCode({ image, type, place, at }: VisitCodeProps) {
  return (
    <View className='panel visit-code'>
      {/* Two lines, broken where the sentence breaks. */}
      <View className='visit-code__ask'>
        <Text className='block'>请服务对象用微信扫一扫，</Text>
        <Text className='block'>评价这次服务</Text>
      </View>
      {/* A code is square: drawn to fill its square box (aspectFit would follow the centred text sideways in h5). */}
      <Image className='visit-code__image' src={image} showMenuByLongpress />
      <Text className='visit-code__what'>
        {type} · {visitTimeLabel(at.toISOString(), at)}
        {place ? ` · ${place}` : ''}
      </Text>
      <Text className='visit-code__note'>这个码只用于这一次服务，评价一次后就失效。</Text>
    </View>
  )
}
