export default definePageConfig({
  navigationBarTitleText: '选择我住的小区',
})
