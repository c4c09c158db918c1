export default definePageConfig({
  navigationBarTitleText: '可疑评价复核',
})
