// The main package keeps the resident path only (scan, rate); worker and staff pages are a subpackage.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/rate/index', 'pages/mygrid/index', 'pages/feedback/index', 'pages/privacy/index', 'pages/case/index', 'pages/hall/index'],
  subPackages: [
    {
      root: 'staff',
      name: 'staff',
      pages: ['evaluation/index', 'posts/index', 'workers/index', 'settings/index', 'sheet/index', 'org/index', 'community/index', 'roster/index', 'appeals/index', 'comments/index', 'review/index', 'audit/index', 'cases/index', 'case/index', 'hall/index', 'hallposter/index'],
    },
    {
      root: 'worker',
      name: 'worker',
      pages: ['invite/index', 'home/index', 'visit/index', 'poster/index', 'appeals/index'],
    },
    {
      root: 'reports',
      name: 'reports',
      pages: ['index/index', 'trend/index', 'city/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f2f4f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '社区工作者评价',
    navigationBarTextStyle: 'black',
  },
  // The mini-program asks for WeChat's privacy authorisation before any private API (DESIGN section 6.9).
  __usePrivacyCheck__: true,
  sitemapLocation: 'sitemap.json',
})
