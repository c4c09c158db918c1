export default definePageConfig({
  navigationBarTitleText: '社区工作者与邀请码',
})
