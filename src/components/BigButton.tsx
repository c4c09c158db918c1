import { Button } from '@nutui/nutui-react-taro'
import './BigButton.css'

interface BigButtonProps {
  children: string
  onClick: () => void
  /** `secondary`: outlined, for the less important of two actions. */
  variant?: 'primary' | 'secondary'
  disabled?: boolean
  loading?: boolean
  className?: string
}

/** A full-width button at least 60 px high (DESIGN section 8), labelled in words. */
export function BigButton({ children, onClick, variant = 'primary', disabled, loading, className }: BigButtonProps) {
  return (
    <Button
      block
      type='primary'
      fill={variant === 'primary' ? 'solid' : 'outline'}
      shape='square'
      disabled={disabled}
      loading={loading}
      className={`big-button big-button--${variant}${className ? ` ${className}` : ''}`}
      onClick={() => {
        if (!disabled && !loading) onClick()
      }}
    >
      {children}
    </Button>
  )
}
