export default definePageConfig({
  navigationBarTitleText: '考核报表',
})
