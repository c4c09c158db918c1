import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS, LEVELS_HIGH_TO_LOW } from '../core/levels'
import type { Level } from '../core/types'
import './LevelChoices.css'

interface LevelChoicesProps {
  value: Level | null
  onChange: (level: Level) => void
  disabled?: boolean
}

/**
 * The five levels as large choices labelled in words; nothing is chosen until the rater taps one, and
 * every level, 不满意 and 非常不满意 included, can be submitted (DESIGN section 3). The choice is shown by
 * a tick and a thick frame, not by colour alone. In h5 the choices are a radio group for screen
 * readers (role, aria-checked); in the mini-program WeChat reads out the words of each choice.
 */
export function LevelChoices({ value, onChange, disabled }: LevelChoicesProps) {
  return (
    <View className='level-choices' role='radiogroup' aria-label='满意程度'>
      {LEVELS_HIGH_TO_LOW.map((level) => {
        const chosen = value === level
        return (
          <View
            key={level}
            className={`level-choice${chosen ? ' level-choice--chosen' : ''}`}
            data-level={level}
            role='radio'
            aria-checked={chosen ? 'true' : 'false'}
            aria-disabled={disabled ? 'true' : 'false'}
            onClick={() => {
              if (!disabled) onChange(level)
            }}
          >
            <View className='level-choice__box'>
              <Text className='level-choice__tick'>{chosen ? '✓' : ''}</Text>
            </View>
            <Text className='level-choice__label'>{LEVEL_LABELS[level]}</Text>
            {chosen ? <Text className='level-choice__state'>已选</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
