export default definePageConfig({
  navigationBarTitleText: '录入街道评分',
})
