// A small evaluator of CloudBase storage security-rule expressions, the subset the docs describe
// (https://docs.cloudbase.net/storage/security-rules): `auth` and `resource` with their fields, null,
// true, false, '…' strings, == and !=, && and ||, !, parentheses, and a regular-expression literal's
// .test(…) — enough to check what backend/setup/storageRules.ts allows and denies. Anything else is a
// syntax error, so a rule written outside that subset fails the test instead of passing unread. A field of
// a null object throws (the rule denies), as reading auth.openid without a signed-in user would.

export interface RuleRequest {
  /** The caller: null when not signed in. */
  auth: { openid: string } | null
  /** The file: its uploader's openid ('' for one a function wrote) and its path. */
  resource: { openid: string; path: string }
}

type Value = string | boolean | null | undefined

type Token = { kind: 'op'; text: string } | { kind: 'name'; text: string } | { kind: 'string'; text: string } | { kind: 'regex'; source: string }

function tokenize(expression: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < expression.length) {
    const rest = expression.slice(at)
    const space = /^\s+/.exec(rest)
    if (space !== null) {
      at += space[0].length
      continue
    }
    const op = /^(==|!=|&&|\|\||!|\(|\)|\.test\()/.exec(rest)
    if (op !== null) {
      tokens.push({ kind: 'op', text: op[0] })
      at += op[0].length
      continue
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest)
    if (name !== null && !rest.startsWith('.test(')) {
      tokens.push({ kind: 'name', text: name[0] })
      at += name[0].length
      continue
    }
    const string = /^'([^'\\]*)'/.exec(rest)
    if (string !== null) {
      tokens.push({ kind: 'string', text: string[1] ?? '' })
      at += string[0].length
      continue
    }
    if (rest.startsWith('/')) {
      const end = regexEnd(rest)
      tokens.push({ kind: 'regex', source: rest.slice(1, end) })
      at += end + 1
      continue
    }
    throw new SyntaxError(`storage rule: cannot read ${JSON.stringify(rest.slice(0, 20))}`)
  }
  return tokens
}

/** Where a regular-expression literal starting at 0 ends: the first unescaped `/` outside a class. */
function regexEnd(text: string): number {
  let inClass = false
  for (let i = 1; i < text.length; i += 1) {
    const c = text[i]
    if (c === '\\') i += 1
    else if (c === '[') inClass = true
    else if (c === ']') inClass = false
    else if (c === '/' && !inClass) return i
  }
  throw new SyntaxError('storage rule: an unterminated regular expression')
}

/** Evaluates a rule (a boolean or an expression) for a request: true allows. A rule that throws denies. */
export function allows(rule: boolean | string, request: RuleRequest): boolean {
  if (typeof rule === 'boolean') return rule
  const tokens = tokenize(rule)
  let at = 0
  const peek = () => tokens[at]
  const take = (text: string) => {
    const token = tokens[at]
    if (token?.kind !== 'op' || token.text !== text) throw new SyntaxError(`storage rule: expected ${text} at token ${at}`)
    at += 1
  }
  const isOp = (text: string) => {
    const token = peek()
    return token?.kind === 'op' && token.text === text
  }

  function or(): Value {
    let value = and()
    while (isOp('||')) {
      take('||')
      const right = and()
      value = value === true || right === true
    }
    return value
  }
  function and(): Value {
    let value = unary()
    while (isOp('&&')) {
      take('&&')
      // Short-circuit as JavaScript does: `auth != null && auth.openid …` never reads a field of null.
      if (value !== true) {
        skipOperand()
        value = false
      } else value = unary() === true
    }
    return value
  }
  /** Skips one operand of && without evaluating it (its syntax is still checked). */
  function skipOperand(): void {
    const saved = evaluating
    const dry = { auth: { openid: '' }, resource: { openid: '', path: '' } }
    evaluating = dry
    try {
      unary()
    } finally {
      evaluating = saved
    }
  }
  function unary(): Value {
    if (isOp('!')) {
      take('!')
      return unary() !== true
    }
    const left = primary()
    if (isOp('==') || isOp('!=')) {
      const negate = isOp('!=')
      at += 1
      const right = primary()
      return negate ? !same(left, right) : same(left, right)
    }
    return left
  }
  function primary(): Value {
    const token = peek()
    if (token === undefined) throw new SyntaxError('storage rule: ends too early')
    at += 1
    if (token.kind === 'op' && token.text === '(') {
      const value = or()
      take(')')
      return value
    }
    if (token.kind === 'string') return token.text
    if (token.kind === 'regex') {
      take('.test(')
      const subject = or()
      take(')')
      return typeof subject === 'string' && new RegExp(token.source).test(subject)
    }
    if (token.kind === 'name') return field(token.text)
    throw new SyntaxError(`storage rule: unexpected ${token.text}`)
  }
  let evaluating: RuleRequest = request
  function field(path: string): Value {
    if (path === 'null') return null
    if (path === 'true') return true
    if (path === 'false') return false
    const [root, ...rest] = path.split('.')
    if (root !== 'auth' && root !== 'resource') throw new SyntaxError(`storage rule: no variable ${root ?? ''}`)
    let value: unknown = evaluating[root]
    for (const key of rest) {
      if (value === null || value === undefined) throw new TypeError(`storage rule: ${path} of null`)
      value = (value as Record<string, unknown>)[key]
    }
    return value as Value
  }

  try {
    const value = or()
    if (at !== tokens.length) throw new SyntaxError(`storage rule: unread tokens from ${at}`)
    return value === true
  } catch (error) {
    if (error instanceof SyntaxError) throw error
    return false
  }
}

/** == as the rules mean it: null and a missing field are the same. */
function same(left: Value, right: Value): boolean {
  return (left ?? null) === (right ?? null)
}
