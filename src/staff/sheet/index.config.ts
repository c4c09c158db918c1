export default definePageConfig({ navigationBarTitleText: '评分表' })
