export default definePageConfig({
  navigationBarTitleText: '差评申诉',
})
