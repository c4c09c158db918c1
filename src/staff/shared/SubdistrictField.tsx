import { Input, Text, View } from '@tarojs/components'

interface SubdistrictFieldProps {
  value: string
  onChange: (value: string) => void
}

/** The bureau reads any sub-district and names the one it wants; sub-district staff never see this. */
export function SubdistrictField({ value, onChange }: SubdistrictFieldProps) {
  return (
    <View className='staff-subdistrict'>
      <Text className='staff-subdistrict__label'>街道编号</Text>
      <Input
        className='field staff-subdistrict__input'
        placeholderClass='placeholder'
        placeholder='例如 fushan'
        value={value}
        maxlength={64}
        onInput={(event) => onChange(event.detail.value)}
      />
    </View>
  )
}
