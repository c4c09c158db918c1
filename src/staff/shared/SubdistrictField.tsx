import { useEffect } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { useOrgList } from '../../hooks/org'

interface SubdistrictFieldProps {
  value: string
  onChange: (value: string) => void
}

/**
 * The bureau reads any sub-district and picks the one it wants from org.list (picked from a
 * list, never typed); sub-district staff never see this. With none picked yet, the first is taken.
 */
export function SubdistrictField({ value, onChange }: SubdistrictFieldProps) {
  const { state } = useOrgList(true)
  const subdistricts = state.status === 'ok' ? state.data.subdistricts : []
  const index = subdistricts.findIndex((s) => s.subdistrictId === value)
  useEffect(() => {
    if (index === -1 && subdistricts.length > 0) onChange(subdistricts[0].subdistrictId)
  }, [index, subdistricts, onChange])
  const label = state.status === 'error' ? '街道列表没有读出来，请稍后再试' : index === -1 ? '正在读取街道…' : subdistricts[index].name

  return (
    <View className='staff-subdistrict'>
      <Text className='staff-subdistrict__label'>街道</Text>
      <Picker
        mode='selector'
        range={subdistricts.map((s) => s.name)}
        value={Math.max(0, index)}
        onChange={(event) => {
          const picked = subdistricts[Number(event.detail.value)]
          if (picked) onChange(picked.subdistrictId)
        }}
      >
        <View className='field staff-subdistrict__input staff-subdistrict__picker'>
          <Text>{label} ▾</Text>
        </View>
      </Picker>
    </View>
  )
}
