// What the privacy page says (issue 9, item 9; DESIGN trust rules 5, 6, 9): what is stored and why, who
// sees what, how long, in plain Chinese. Kept true to the code: the openid only (src/core/contract.ts takes
// no name or place of a rater; a phone number only when a rater of a bad review chooses to leave one, case.contact), the level, comment and time (stores/records.ts), a keyed hash of the
// network address (issue 9, suspicious patterns), pseudonyms for staff (domain/pseudonyms.ts), aggregates of
// n >= 5 for workers (src/core/workerResults.ts), a worker's own bad ratings for appeals (handlers/appeals/appealMine.ts),
// comments checked before anyone sees them (commentModeration.ts).

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
      '您上网地址的加密摘要：只用来发现同一地址短时间内大量评价的刷票行为，无法还原成地址。',
    ],
  },
  {
    title: '谁能看到什么',
    points: [
      '社区工作者：看到自己的汇总分数（一类评价不少于 5 条时才显示）和审核通过的留言（只标明月份），看不到是谁评的。',
      '给工作者的差评（不满意、非常不满意），工作者能看到等级、日期和审核通过的留言，以便提出申诉，但同样看不到是谁评的。',
      '社区、街道和民政局的工作人员：看到评价的等级和留言，评价人只显示成化名（例如“评价人 K7QM2A”），用来发现刷票等异常，看不到您的微信身份。',
      '任何工作者和工作人员都看不到“谁评了谁”。',
    ],
  },
  {
    title: '留言先检查再显示',
    points: [
      '留言提交时会经过微信的内容安全检查。可能含有辱骂或个人信息（如手机号）的留言先暂缓显示，由街道工作人员审核；不适宜的内容不会被保存。',
    ],
  },
  {
    title: '差评的回访和整改',
    points: [
      '如果您选了“不满意”或“非常不满意”，这条评价会转给工作者所在的社区，社区要在规定的工作日内回访、整改。',
      '给出“不满意”或“非常不满意”后，您可以自愿留下手机号，方便社区回访；号码只保存在这条差评的处理记录里，只给负责处理的社区工作人员看，不会告诉被评价的工作者，您也可以选择不需要回访。',
      '整改结果通过微信订阅消息（您同意接收后）或本小程序首页告诉您，请您再评一下整改是否满意。',
      '工作者可以对差评提出申诉，由街道复核；申诉过程中也看不到是谁评的。',
    ],
  },
  {
    title: '保存多久',
    points: [
      '评价要用于月度、半年和年度考核，并可能被复核，目前会一直保存，不会用于考核以外的用途。',
    ],
  },
]
