// The sheet page's draft, read as a clerk types it (numbers worked out by hand).
import type { SheetView } from '../../core/sheetSchemas'
import { completeCount, draftOf, draftTotal, isEdited, parseDraft } from './draft'

const CRITERIA = [{ name: '履职尽责', weight: 40 }, { name: '工作实绩', weight: 40 }, { name: '纪律作风', weight: 20 }]

const view: SheetView = {
  subdistrictId: 'fushan', subdistrict: '浮山办事处', kind: 'period', period: '2026-02', status: 'draft', version: 3,
  criteria: CRITERIA, editable: true, changes: [],
  rows: [
    { workerCode: 'YQ01', name: '张敏', community: '银泉社区', points: [38.5, 36, 18.7], score: 93.2 },
    { workerCode: 'YQ02', name: '李强', community: '银泉社区', points: [null, null, null], score: null },
  ],
}

it('shows stored points as text and empty boxes as empty', () => {
  expect(draftOf(view)).toEqual({ YQ01: ['38.5', '36', '18.7'], YQ02: ['', '', ''] })
})

it('totals a row as typed: 30 + 32.5 + 17 = 79.5; an empty or wrong box gives no total', () => {
  expect(draftTotal(['30', '32.5', '17'], CRITERIA)).toBe(79.5)
  expect(draftTotal(['30', '', '17'], CRITERIA)).toBeNull()
  expect(draftTotal(['41', '32.5', '17'], CRITERIA)).toBeNull()
})

it('parses the draft into points, empty boxes as null', () => {
  expect(parseDraft(view, { YQ01: ['38.5', '36', '18.7'], YQ02: ['30', '', ' 17 '] })).toEqual({
    ok: true,
    rows: [{ workerCode: 'YQ01', points: [38.5, 36, 18.7] }, { workerCode: 'YQ02', points: [30, null, 17] }],
  })
})

it('names the wrong box: letters, 40.1 of 40, two decimals', () => {
  expect(parseDraft(view, { YQ01: ['38.5', 'abc', '18.7'], YQ02: ['', '', ''] })).toEqual({ ok: false, message: '张敏的“工作实绩”请填写数字，例如 38' })
  expect(parseDraft(view, { YQ01: ['40.1', '36', '18.7'], YQ02: ['', '', ''] })).toEqual({ ok: false, message: '张敏：“履职尽责”的得分应在 0 到 40 分之间' })
  expect(parseDraft(view, { YQ01: ['38.5', '36', '18.7'], YQ02: ['30', '30', '12.25'] })).toMatchObject({ ok: false, message: expect.stringContaining('李强：“纪律作风”的得分最多保留一位小数') })
})

it('counts complete rows and tells an edit from the loaded sheet', () => {
  const draft = draftOf(view)
  expect(completeCount(view, draft)).toBe(1)
  expect(isEdited(view, draft)).toBe(false)
  expect(isEdited(view, { ...draft, YQ02: ['30', '', ''] })).toBe(true)
})
