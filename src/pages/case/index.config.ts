export default definePageConfig({
  navigationBarTitleText: '整改结果',
})
