import type { Post } from '../../core/catalog'

/** A duty line being edited; `key` keeps each input in place while lines are added and removed. */
export interface DutyLine {
  key: number
  text: string
}

export interface PostDraft {
  postId?: string
  name: string
  lines: DutyLine[]
}

let nextKey = 1

export function newLine(text = ''): DutyLine {
  nextKey += 1
  return { key: nextKey, text }
}

export function draftOf(post: Post | null): PostDraft {
  if (post === null) return { name: '', lines: [newLine()] }
  return { postId: post.postId, name: post.name, lines: post.duties.map((duty) => newLine(duty)) }
}

/** What post.save is sent: the lines as written (the server trims and checks them, naming any bad line). */
export function payloadOf(draft: PostDraft): { postId?: string; name: string; duties: string[] } {
  const duties = draft.lines.map((line) => line.text)
  return draft.postId === undefined ? { name: draft.name, duties } : { postId: draft.postId, name: draft.name, duties }
}
