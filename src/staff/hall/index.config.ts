export default definePageConfig({
  navigationBarTitleText: '大厅值班表',
})
