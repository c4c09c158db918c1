export default definePageConfig({
  navigationBarTitleText: '月度趋势',
})
