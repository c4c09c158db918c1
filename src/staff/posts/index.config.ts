export default definePageConfig({
  navigationBarTitleText: '四岗职责',
})
