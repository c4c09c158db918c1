// The harness itself: what it finds must include what Taro renders through its recursive `comp`
// component, which takes over below the base template's 15 levels (dist/base.wxml, tmpl_15_container)
// and whose classes exparser prefixes with `comp--` instead of the page's `main--`.
import { smallOrg } from '../support/smallOrg'
import { createWorld } from './harness'

interface TaroNode {
  nn: string
  sid?: string
  v?: string
  cl?: string
  cn?: TaroNode[]
}

/** The first node of Taro's render data that `pick` accepts, depth first. */
function firstNode(node: TaroNode, pick: (node: TaroNode) => boolean): TaroNode | undefined {
  if (pick(node)) return node
  for (const child of node.cn ?? []) {
    const found = firstNode(child, pick)
    if (found) return found
  }
  return undefined
}

it('finds text and classes below the template depth of 15, inside Taro’s recursive comp', async () => {
  const world = await createWorld({ seed: smallOrg() })
  const page = await world.openPage('pages/index/index')
  await world.settled(page)
  // Node kinds by the numbers this build gave them: a view with children, and a text node.
  const root = (page.component.instance.data as { root: TaroNode }).root
  const view = firstNode(root, (node) => node.cn !== undefined && node.cn.length > 0 && node !== root)
  const text = firstNode(root, (node) => node.v !== undefined)
  if (!view || !text) throw new Error('no view or text node in the home page’s render data')

  let deep: TaroNode = { nn: text.nn, sid: 'deep-text', v: '二十层下的字' }
  for (let depth = 20; depth >= 1; depth -= 1) deep = { nn: view.nn, sid: `deep-${depth}`, cl: `depth-${depth}`, cn: [deep] }
  page.component.instance.setData({ root: { cn: [deep] } })

  await page.waitForText('二十层下的字')
  expect(page.all('.depth-20')).toHaveLength(1)
  expect(page.all('.depth-20')[0].className).toMatch(/^comp--/) // rendered by comp, not by the page's templates
  expect(page.all('.depth-1 .depth-16 .depth-20')).toHaveLength(1)
  expect(page.textsOf('.depth-20')).toEqual(['二十层下的字'])
  await world.close()
})
