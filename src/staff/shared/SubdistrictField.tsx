import { Input, Text, View } from '@tarojs/components'

interface SubdistrictFieldProps {
  value: string
  onChange: (value: string) => void
  /** The bureau always names a sub-district; someone whose role the app cannot tell may leave it empty. */
  forBureau: boolean
}

export function SubdistrictField({ value, onChange, forBureau }: SubdistrictFieldProps) {
  return (
    <View className='staff-subdistrict'>
      <Text className='staff-subdistrict__label'>
        {forBureau ? '街道编号' : '街道编号（市民政局查看时填写；街道工作人员留空即为本街道）'}
      </Text>
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
