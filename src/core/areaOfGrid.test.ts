import { areaOfGrid } from './org'

it('names a grid by its 小区: 银泉花园网格 is 银泉花园; other names stay', () => {
  expect(['银泉花园网格', '丹桂小区网格', '银泉第一片区', '网格', '青龙街 网格'].map(areaOfGrid)).toEqual(['银泉花园', '丹桂小区', '银泉第一片区', '网格', '青龙街'])
})
