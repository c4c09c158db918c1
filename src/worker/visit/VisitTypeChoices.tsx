import { Text, View } from '@tarojs/components'
import { VISIT_TYPES, type VisitType } from '../../core/visits'

interface VisitTypeChoicesProps {
  value: VisitType | null
  onChange: (type: VisitType) => void
  disabled?: boolean
}

/** The six kinds of service as large choices, two to a row; the chosen one is ticked, not only coloured. */
export function VisitTypeChoices({ value, onChange, disabled }: VisitTypeChoicesProps) {
  return (
    <View className='visit-types' role='radiogroup' aria-label='服务类型'>
      {VISIT_TYPES.map((type) => {
        const chosen = value === type
        return (
          <View
            key={type}
            className={`visit-type${chosen ? ' visit-type--chosen' : ''}`}
            data-type={type}
            role='radio'
            aria-checked={chosen ? 'true' : 'false'}
            onClick={() => {
              if (!disabled) onChange(type)
            }}
          >
            <Text className='visit-type__tick'>{chosen ? '✓' : ''}</Text>
            <Text className='visit-type__label'>{type}</Text>
          </View>
        )
      })}
    </View>
  )
}
