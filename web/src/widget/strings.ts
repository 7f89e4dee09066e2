// The widget's own words, in English and Chinese: a small dictionary of its own, so the script a
// customer's site loads does not carry the whole app's. The Chinese one is typed against the English
// one, so a missing translation is a compile error (and strings.test.ts checks placeholders).

export const widgetEn = {
  title: 'Customer service',
  launcherOpen: 'Chat with us',
  minimize: 'Minimize',
  starting: 'Connecting…',
  reconnecting: 'Connection lost — reconnecting…',
  startFailed: 'The chat could not start: {reason}',
  tryAgain: 'Try again',
  noSuchChannel: 'This chat is not set up correctly (unknown widget key). Please tell the site’s owner.',
  badSignature: 'This site could not confirm who you are. Reload the page; if it keeps happening, tell the site’s owner.',
  networkError: 'No connection to the chat service. Check your network and try again.',
  preChatTitle: 'Before we start',
  preChatExplain: 'Tell us how to reach you, in case we get cut off.',
  name: 'Name',
  email: 'E-mail',
  phone: 'Phone',
  startChat: 'Start chat',
  contactRequired: 'Leave an e-mail address or a phone number so that we can answer.',
  nameRequired: 'Please enter your name.',
  placeholder: 'Type your question…',
  send: 'Send',
  sending: 'Sending…',
  sendFailed: 'Not sent',
  retry: 'Retry',
  discard: 'Discard',
  bot: 'Assistant',
  agent: 'Agent',
  you: 'You',
  talkToPerson: 'Talk to a person',
  endChat: 'End chat',
  endChatConfirm: 'End this conversation?',
  yes: 'Yes',
  no: 'No',
  transcript: 'Download transcript',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  thanksForFeedback: 'Thanks for your feedback.',
  suggestionsTitle: 'Did you mean:',
  queued: 'Waiting for an agent…',
  queuePosition: 'You are number {n} in the queue.',
  queueEta: 'Estimated wait: about {time}.',
  minutes: '{n} min',
  seconds: '{n} s',
  offered: 'An agent is being connected…',
  alreadyWithPeople: 'You are already talking to our team.',
  ev_handoff: 'Connecting you to an agent',
  ev_agent_joined: 'An agent joined the conversation',
  ev_transfer: 'You were transferred to another agent',
  ev_transferred_to_group: 'You were transferred to another team; please wait',
  ev_supervisor_joined: 'A supervisor joined the conversation',
  ev_takeover: 'Another agent took over the conversation',
  ev_closed: 'The conversation has ended',
  ev_missed: 'Nobody could answer in time',
  ev_other: 'The conversation changed',
  offlineTitle: 'Leave us a message',
  offlineClosedHours: 'We are closed right now. Leave a message and we will get back to you.',
  offlineMaxWait: 'Sorry, all our agents are busy. Leave a message and we will get back to you.',
  message: 'Message',
  leaveMessage: 'Send message',
  offlineSent: 'Thank you — we received your message and will get back to you.',
  csatTitle: 'How did we do?',
  csatScore: '{n} of 5',
  csatComment: 'Anything else? (optional)',
  csatSubmit: 'Submit rating',
  csatThanks: 'Thank you for your rating!',
  csatChoose: 'Choose 1 to 5 stars first.',
  ended: 'This conversation has ended.',
  newConversation: 'Start a new conversation',
  err_rate_limited: 'You are sending too fast; wait a moment.',
  err_text_too_long: 'This message is too long.',
  err_no_open_conversation: 'This conversation has ended; start a new one.',
  err_conversation_closed: 'This conversation has ended; start a new one.',
  err_already_rated: 'You rated this already.',
  err_not_closed: 'You can rate the conversation once it has ended.',
  err_contact_required: 'Leave an e-mail address or a phone number so that we can answer.',
  err_invalid_email: 'This e-mail address does not look right.',
  err_invalid_phone: 'This phone number does not look right.',
  err_timeout: 'No answer from the server; it will be sent again when the connection is back.',
  err_disconnected: 'The connection dropped; it will be sent again when the connection is back.',
  err_generic: 'Something went wrong ({detail}). Try again.',
};

export type WidgetKey = keyof typeof widgetEn;

export const widgetZh: Record<WidgetKey, string> = {
  title: '在线客服',
  launcherOpen: '联系客服',
  minimize: '最小化',
  starting: '正在连接…',
  reconnecting: '连接已断开，正在重连…',
  startFailed: '无法开始对话：{reason}',
  tryAgain: '重试',
  noSuchChannel: '客服窗口配置有误（未知的 widget key），请告知网站管理员。',
  badSignature: '网站无法确认你的身份。请刷新页面；如仍然出现，请告知网站管理员。',
  networkError: '无法连接客服服务，请检查网络后重试。',
  preChatTitle: '开始对话前',
  preChatExplain: '请留下联系方式，以便断线后我们能联系到你。',
  name: '姓名',
  email: '邮箱',
  phone: '手机号',
  startChat: '开始对话',
  contactRequired: '请留下邮箱或手机号，方便我们回复你。',
  nameRequired: '请填写姓名。',
  placeholder: '请输入你的问题…',
  send: '发送',
  sending: '发送中…',
  sendFailed: '未发送',
  retry: '重试',
  discard: '删除',
  bot: '智能客服',
  agent: '客服',
  you: '我',
  talkToPerson: '转人工',
  endChat: '结束对话',
  endChatConfirm: '确定结束本次对话？',
  yes: '确定',
  no: '取消',
  transcript: '下载聊天记录',
  helpful: '有用',
  notHelpful: '没用',
  thanksForFeedback: '感谢你的反馈。',
  suggestionsTitle: '你是不是想问：',
  queued: '正在为你排队等待人工客服…',
  queuePosition: '你排在第 {n} 位。',
  queueEta: '预计等待约 {time}。',
  minutes: '{n} 分钟',
  seconds: '{n} 秒',
  offered: '正在为你接通客服…',
  alreadyWithPeople: '你已经在和我们的客服对话了。',
  ev_handoff: '正在为你转接人工客服',
  ev_agent_joined: '客服已加入对话',
  ev_transfer: '已为你转接到另一位客服',
  ev_transferred_to_group: '已为你转接到其他客服组，请稍候',
  ev_supervisor_joined: '客服主管已加入对话',
  ev_takeover: '另一位客服接管了对话',
  ev_closed: '对话已结束',
  ev_missed: '抱歉，暂时没有客服能及时接待',
  ev_other: '对话状态已更新',
  offlineTitle: '留言',
  offlineClosedHours: '现在是非工作时间。请留言，我们会尽快回复你。',
  offlineMaxWait: '抱歉，客服都在忙。请留言，我们会尽快回复你。',
  message: '留言内容',
  leaveMessage: '提交留言',
  offlineSent: '谢谢！我们已收到你的留言，会尽快回复。',
  csatTitle: '请对本次服务评价',
  csatScore: '{n} 星（满分 5 星）',
  csatComment: '还有什么想说的？（选填）',
  csatSubmit: '提交评价',
  csatThanks: '感谢你的评价！',
  csatChoose: '请先选择 1 到 5 星。',
  ended: '本次对话已结束。',
  newConversation: '开始新的对话',
  err_rate_limited: '发送太快了，请稍等片刻。',
  err_text_too_long: '消息太长了。',
  err_no_open_conversation: '本次对话已结束，请开始新的对话。',
  err_conversation_closed: '本次对话已结束，请开始新的对话。',
  err_already_rated: '你已经评价过了。',
  err_not_closed: '对话结束后才能评价。',
  err_contact_required: '请留下邮箱或手机号，方便我们回复你。',
  err_invalid_email: '邮箱格式不正确。',
  err_invalid_phone: '手机号格式不正确。',
  err_timeout: '服务器没有响应；连接恢复后会自动重发。',
  err_disconnected: '连接中断；连接恢复后会自动重发。',
  err_generic: '出错了（{detail}），请重试。',
};

export type WidgetLang = 'zh-CN' | 'en';

/** `data-lang` of the script tag when given ("zh", "zh-CN", "en-US" …), else the browser's language. */
export function widgetLang(requested: string | null | undefined, browser: string | undefined): WidgetLang {
  const l = (requested || browser || 'zh').toLowerCase();
  return l.startsWith('zh') ? 'zh-CN' : 'en';
}

export function wt(lang: WidgetLang, key: WidgetKey, vars: Record<string, string | number> = {}): string {
  const dict = lang === 'en' ? widgetEn : widgetZh;
  return dict[key].replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? `{${v}}`));
}

/** An error from the server (or the connection) in the visitor's words. */
export function widgetError(lang: WidgetLang, e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string') {
    if (code === 'network_error') return wt(lang, 'networkError');
    if (code === 'no_such_channel') return wt(lang, 'noSuchChannel');
    if (code === 'bad_visitor_signature') return wt(lang, 'badSignature');
    const key = `err_${code}` as WidgetKey;
    if (key in widgetEn) return wt(lang, key);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return wt(lang, 'err_generic', { detail: typeof code === 'string' ? code : detail });
}

/** "about 3 min" / "about 40 s" for a queue estimate. */
export function waitText(lang: WidgetLang, seconds: number): string {
  if (seconds < 60) return wt(lang, 'seconds', { n: Math.max(1, Math.round(seconds / 10) * 10) });
  return wt(lang, 'minutes', { n: Math.round(seconds / 60) });
}
