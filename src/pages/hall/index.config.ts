export default definePageConfig({
  navigationBarTitleText: '评价大厅服务',
})
