export default definePageConfig({
  navigationBarTitleText: '网格与工作者',
})
