import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'

/** The resident's 小区 (grid), picked once and kept on this device only: nothing about it goes to the server. */
export interface MyGrid {
  communityId: string
  gridId: string
}

/** The storage key, in WeChat's storage and in the h5 build's localStorage (as Taro's `{ data }`). */
export const MY_GRID_KEY = 'community3456.myGrid'

function isMyGrid(value: unknown): value is MyGrid {
  if (typeof value !== 'object' || value === null) return false
  const { communityId, gridId } = value as Record<string, unknown>
  return typeof communityId === 'string' && communityId !== '' && typeof gridId === 'string' && gridId !== ''
}

/** What the device remembers; anything unreadable counts as nothing picked yet. */
export function readMyGrid(): MyGrid | null {
  try {
    const value: unknown = Taro.getStorageSync(MY_GRID_KEY)
    return isMyGrid(value) ? { communityId: value.communityId, gridId: value.gridId } : null
  } catch {
    return null
  }
}

export function saveMyGrid(grid: MyGrid): void {
  Taro.setStorageSync(MY_GRID_KEY, { communityId: grid.communityId, gridId: grid.gridId })
}

/** The remembered grid, read again whenever the page shows (after picking one on pages/mygrid). */
export function useMyGrid() {
  const [myGrid, setMyGrid] = useState<MyGrid | null>(readMyGrid)
  useDidShow(() => setMyGrid(readMyGrid()))
  return myGrid
}
