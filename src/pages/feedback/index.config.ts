export default definePageConfig({
  navigationBarTitleText: '评价这次服务',
})
