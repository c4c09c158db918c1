export default definePageConfig({
  navigationBarTitleText: '大厅评价码',
})
