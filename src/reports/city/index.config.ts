export default definePageConfig({
  navigationBarTitleText: '全市考核概览',
})
