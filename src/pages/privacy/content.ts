// What the privacy page says (DESIGN trust rules 5, 6, 9): what is stored and why, who
// sees what, how long, in plain Chinese. Kept true to the code: the openid only (src/core/contract.ts takes
// no name or place of a rater; a phone number only when a rater of a bad review chooses to leave one, case.contact), the level, comment and time (backend/store/records.ts), a keyed hash of the
// network address (for suspicious patterns), pseudonyms for staff (backend/secrets/pseudonyms.ts), aggregates of
// n >= 5 of closed periods for workers (src/core/workerResults.ts), a worker's own bad ratings of closed months
// for appeals (backend/appeals/appealMine.ts), a case only after the call-back (caseReachesWorker, src/core/cases.ts),
// comments checked before anyone sees them (commentModeration.ts) and masked for contact data (contactMask.ts),
// a call-back number erased at the case's close or after 30 days (backend/cases/caseContacts.ts), one person counted
// once per worker and month (recipients.ts).

export interface PrivacySection {
  title: string
  points: string[]
}

export const PRIVACY_LEAD = '您给社区工作者的评价不记名。这里说清楚我们保存什么、为什么保存、谁能看到。'

export const PRIVACY_SECTIONS: PrivacySection[] = [
  {
    title: '我们保存什么',
    points: [
      '您的微信识别码（openid）：微信给本小程序的一串编号，用来保证每人每月只评一次同一位工作者。我们不要您的姓名，也不读取您的位置；手机号只在您给出差评后自愿留下时才保存（见下文“差评的回访和整改”）。',
      '您选的满意程度、写的留言，以及提交的时间。',
      '同一位工作者一个月里为您服务多次，每次服务都可以评价；算分时，您这个月对这位工作者的几次评价取平均，只算一个人。',
      '您上网地址的加密摘要：只用来发现同一地址短时间内大量评价的刷票行为，无法还原成地址。',
    ],
  },
  {
    // WeChat's privacy APIs the app calls (saveImageToPhotosAlbum, chooseMessageFile) and the phone number a
    // rater types, as declared in the 用户隐私保护指引 (README, deploy step 3).
    title: '需要您同意的微信功能',
    points: [
      '保存到相册（只写入，不读取您的照片）：社区工作者把自己的评价码海报保存到手机相册，方便打印张贴。',
      '选择聊天中的文件：民政局工作人员从微信聊天里选出花名册表格导入，只读取选中的这一个文件。',
      '手机号：只在您给出差评后自己填写、自愿留下时保存，只给负责回访的社区管理员看；不读取您微信绑定的手机号。',
      '第一次保存到相册或选择文件之前，微信会请您先同意本隐私说明；不同意的话，这一次什么也不保存、不选择，下次使用时会再问您。扫一扫和接收整改通知不需要这一步。',
    ],
  },
  {
    title: '谁能看到什么',
    points: [
      '社区工作者：看到自己的汇总分数（一类评价不少于 5 条时才显示）和审核通过的留言（只标明月份），看不到是谁评的。',
      '您评价之后，被评价的工作者那里不会马上有任何变化：分数和留言要等这个月（或半年、全年）结束后才公布；您评价过的那次服务，工作者也看不到您评没评、怎么评的。所以即使您当着工作者的面扫码，工作者也无法从分数的变化里猜出您给了什么评价。',
      '给工作者的差评（不满意、非常不满意），要等当月结束后才列给工作者，只标明月份，不标哪一天；工作者可以从下月 1 日起在规定的天数内（目前是 10 天）申诉，但同样看不到是谁评的。',
      '社区收到差评后，先由社区工作人员回访您（联系不上也会记下来），再把整改交给工作者；在这之前，工作者不会知道有这条差评。',
      '社区、街道和民政局的工作人员：看到评价的等级和留言，评价人只显示成化名（例如“评价人 K7QM2A”），用来发现刷票等异常，看不到您的微信身份。',
      '任何工作者和工作人员都看不到“谁评了谁”。',
    ],
  },
  {
    title: '留言先检查再显示',
    points: [
      '留言提交时会经过微信的内容安全检查。可能含有辱骂或个人信息（如手机号）的留言先暂缓显示，由街道工作人员审核；不适宜的内容不会被保存。',
      '留言里的手机号、身份证号和微信号，除了您自己，任何人看到的都是隐去后的样子（例如 139****5678）。',
      '工作者可以举报写给自己的不当留言，评价人可以举报社区写的整改说明。举报交给街道工作人员审核，不会告诉被举报的人是谁举报的；审核不通过的内容不再显示。',
    ],
  },
  {
    title: '差评的回访和整改',
    points: [
      '如果您选了“不满意”或“非常不满意”，这条评价会转给工作者所在的社区，社区要在规定的工作日内回访、整改。',
      '给出“不满意”或“非常不满意”后，您可以自愿留下手机号，方便社区回访；号码只给负责回访的社区管理员看，街道和民政局只看到“已留电话”，被评价的工作者看不到。这条差评办结时，或留下号码满 30 天时（以先到者为准），号码会从系统中删除。您也可以选择不需要回访。',
      '整改结果通过微信订阅消息（您同意接收后）或本小程序首页告诉您，请您再评一下整改是否满意。',
      '工作者可以对差评提出申诉，由街道复核；申诉过程中也看不到是谁评的。',
    ],
  },
  {
    title: '保存多久',
    points: [
      '评价要用于月度、半年和年度考核，并可能被复核，目前会一直保存，不会用于考核以外的用途。',
      '为回访留下的手机号：差评办结或满 30 天即删除。',
    ],
  },
]
