// The sheet page's draft, read as a clerk types it (numbers worked out by hand).
import type { SheetView } from '../../core/sheetSchemas'
import { boxProblem, completeCount, draftAfterSave, draftOf, draftRows, draftStatusTitle, draftTotal, isEdited, parseDraft, submitHint } from './draft'

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

it('names the wrong box for a submit: letters, 40.1 of 40, two decimals', () => {
  expect(parseDraft(view, { YQ01: ['38.5', 'abc', '18.7'], YQ02: ['', '', ''] })).toEqual({ ok: false, message: '张敏的“工作实绩”请填数字，例如 38' })
  expect(parseDraft(view, { YQ01: ['40.1', '36', '18.7'], YQ02: ['', '', ''] })).toEqual({ ok: false, message: '张敏：“履职尽责”填了 40.1，超过满分 40' })
  expect(parseDraft(view, { YQ01: ['38.5', '36', '18.7'], YQ02: ['30', '30', '12.25'] })).toEqual({ ok: false, message: '李强：“纪律作风”填了 12.25，最多一位小数' })
})

it('says beside a box what is wrong with it: 45 of 40, 18.75, letters; an empty box and 40 say nothing', () => {
  expect(boxProblem('45', CRITERIA[0])).toBe('超过满分 40')
  expect(boxProblem('18.75', CRITERIA[2])).toBe('最多一位小数')
  expect(boxProblem('3o', CRITERIA[1])).toBe('请填数字')
  expect(boxProblem('', CRITERIA[0])).toBeNull()
  expect(boxProblem('40', CRITERIA[0])).toBeNull()
})

it('sends a draft as typed, numbers that do not fit included; a box of letters keeps its loaded points and is named', () => {
  expect(draftRows(view, { YQ01: ['45', '36', 'abc'], YQ02: ['30', '', ''] })).toEqual({
    rows: [{ workerCode: 'YQ01', points: [45, 36, 18.7] }, { workerCode: 'YQ02', points: [30, null, null] }],
    unsaved: ['张敏的“纪律作风”填了 abc，请填数字，没有保存'],
  })
})

it('after a save keeps the wrong boxes as typed and shows the rest as stored', () => {
  const stored: SheetView = { ...view, version: 4, rows: [{ ...view.rows[0], points: [38.5, 36, 18.7] }, { ...view.rows[1], points: [30, 32, null] }] }
  expect(draftAfterSave(stored, { YQ01: ['45', '36', '18.7'], YQ02: ['30', '32.0', ''] })).toEqual({ YQ01: ['45', '36', '18.7'], YQ02: ['30', '32', ''] })
})

it('says 尚未填写 only while nothing is scored, else 草稿, with the count as typed', () => {
  const fresh: SheetView = { ...view, status: 'new', version: 0, rows: view.rows.map((row) => ({ ...row, points: [null, null, null], score: null })) }
  expect(draftStatusTitle(fresh, draftOf(fresh), 0)).toBe('尚未填写 · 已评 0 / 2 人')
  const typed = { YQ01: ['38.5', '36', '18.7'], YQ02: ['', '', ''] }
  expect(draftStatusTitle(fresh, typed, completeCount(fresh, typed))).toBe('草稿 · 已评 1 / 2 人')
  expect(draftStatusTitle(view, draftOf(view), 1)).toBe('草稿 · 已评 1 / 2 人')
})

it('keeps 提交 closed while rows are incomplete, saying how many: 30 workers, 2 complete, 28 left', () => {
  expect(submitHint(30, 2)).toBe('还有 28 人没有评完，全部评完后才能提交')
  expect(submitHint(30, 30)).toBeNull()
})

it('counts complete rows and tells an edit from the loaded sheet', () => {
  const draft = draftOf(view)
  expect(completeCount(view, draft)).toBe(1)
  expect(isEdited(view, draft)).toBe(false)
  expect(isEdited(view, { ...draft, YQ02: ['30', '', ''] })).toBe(true)
})
