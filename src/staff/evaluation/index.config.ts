export default definePageConfig({
  navigationBarTitleText: '三方评价结果',
})
