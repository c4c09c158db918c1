// The four posts and the directory of grids: the actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { postList } from './postList'
import { postSave } from './postSave'
import { gridDirectory } from './gridDirectory'

export const catalogHandlers = {
  'post.list': postList,
  'post.save': postSave,
  'grid.directory': gridDirectory,
} satisfies HandlerTable
