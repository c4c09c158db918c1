export default definePageConfig({
  navigationBarTitleText: '记录一次服务',
})
