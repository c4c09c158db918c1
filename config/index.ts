import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import type { Input } from 'postcss'
import prodConfig from './prod'

/** NutUI React Taro is drawn for a 375-wide design; our own styles use the 750 design of Taro's default. */
function designWidth(input?: string | number | Input): number {
  const file = typeof input === 'object' && input !== null ? input.file : undefined
  if (typeof file === 'string' && file.replace(/\\+/g, '/').includes('@nutui')) return 375
  return 750
}

const isH5 = process.env.TARO_ENV === 'h5'

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'community-3456',
    date: '2026-1-1',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // weapp and h5 build into separate folders so neither clobbers the other (DESIGN section 7).
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {},
    env: {
      // The WeChat cloud environment id; empty means the mini-program's default environment.
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      // The subscribe-message template of the bad-review loop (README, deploy); empty: never asked.
      TARO_APP_SUBSCRIBE_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID ?? ''),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@core': path.resolve(__dirname, '..', 'src/core'),
    },
    // WeChat reads sitemap.json beside app.json: which pages its search may index (src/sitemap.json says why).
    copy: { patterns: isH5 ? [] : [{ from: 'src/sitemap.json', to: 'dist/sitemap.json' }], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      // The local runtime serves dist-h5 at '/', and the router is hash based, so relative assets work anywhere.
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
