// What the spreadsheet actions answer for a file they wrote (a template, a report): in the cloud its file
// ID, which the mini-program downloads with wx.cloud.downloadFile — no downloadFile 合法域名 to list, and
// the storage rules apply (README: Cloud storage rules); locally a URL the local runtime serves, which the
// h5 build downloads. A temporary tcb.qcloud.la link would need that domain list on a phone.

export type FileLink = { fileId: string } | { url: string }
