/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    /** The platform being built; only src/platform looks at it (through file suffixes). */
    TARO_ENV: 'weapp' | 'h5'
    TARO_APP_ID?: string
    /** WeChat cloud environment id, set at build time; empty: the mini-program's default environment. */
    TARO_APP_CLOUD_ENV?: string
  }
}
