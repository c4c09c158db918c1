import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initPlatform } from './platform/api'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initPlatform()
  })
  // children are the pages being shown
  return children
}

export default App
