export default definePageConfig({
  navigationBarTitleText: '评价社区工作者',
})
