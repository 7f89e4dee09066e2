import { test, type APIRequestContext, type Page } from '@playwright/test';
import { api, botSays, customerSite, expect } from './desk-helpers';
import { signIn } from './accounts';

// The customer-service desk end to end. Over the API: an organisation with two agents in one skill group,
// a website channel, a Chinese knowledge base and a canned response. A visitor on a customer's page (served
// from another origin, embedding the real script tag) asks the bot, which answers from the FAQ, and asks
// for a person; agent A (signed in through the UI) gets the offer, accepts and replies with a canned
// response; the visitor sees it, reloads the page and is back in the same conversation (the launcher counting
// what A said meanwhile); A transfers to agent B, who closes it with a tag; the visitor rates it;
// the supervisor (the owner) sees the closed conversation with its CSAT and tag.
const run = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 5);
const PASSWORD = 'correct horse battery';
const SIGN_IN_WAIT = 20_000; // as long as desk-helpers' other waits

const FAQS: { question: string; alternatives: string[]; answer: string; category: string }[] = [
  { question: '如何退货？', alternatives: ['怎么退货', '退货流程是什么', '我想退货'], answer: '收货后 7 天内可在“我的订单”中申请退货，审核通过后按页面提示寄回即可。', category: '售后' },
  { question: '退款多久到账？', alternatives: ['退款什么时候到', '钱多久退回来'], answer: '退款审核通过后 1 到 3 个工作日原路退回。', category: '售后' },
  { question: '如何修改收货地址？', alternatives: ['怎么改地址', '地址填错了'], answer: '订单发货前可在“我的订单”里修改收货地址。', category: '订单' },
  { question: '运费怎么算？', alternatives: ['邮费多少', '包邮吗'], answer: '订单满 99 元包邮，不满 99 元收取 8 元运费。', category: '物流' },
  { question: '多久发货？', alternatives: ['什么时候发货', '几天能发货'], answer: '付款后 48 小时内发货，节假日顺延。', category: '物流' },
  { question: '如何查看物流？', alternatives: ['快递到哪了', '怎么查快递'], answer: '在“我的订单”中点击“查看物流”即可看到快递进度。', category: '物流' },
  { question: '可以开发票吗？', alternatives: ['怎么开发票', '发票怎么申请'], answer: '可以，在订单详情页点击“申请发票”，电子发票会发送到你的邮箱。', category: '发票' },
  { question: '会员有什么权益？', alternatives: ['会员福利', '怎么成为会员'], answer: '会员享受 95 折优惠和生日礼券，消费满 500 元自动成为会员。', category: '会员' },
];

interface Org { owner: string; agentA: { id: string; email: string; password: string }; agentB: { id: string; email: string; password: string }; widgetKey: string; groupId: string }

async function setUpOrg(request: APIRequestContext, id: string): Promise<Org> {
  const signup = await api<{ token: string }>(request, 'POST', '/signup',
    null, { orgName: `客服测试 ${id}`, name: '主管老张', email: `owner.${id}@desk.example.cn`, password: PASSWORD, deviceName: 'e2e' });
  const owner = signup.token;
  const member = async (name: string, email: string) => {
    const r = await api<{ member: { id: string }; temporaryPassword: string }>(request, 'POST', '/members', owner, { name, email });
    return { id: r.member.id, email, password: r.temporaryPassword };
  };
  const agentA = await member('客服小王', `wang.${id}@desk.example.cn`);
  const agentB = await member('客服小李', `li.${id}@desk.example.cn`);
  const group = await api<{ id: string }>(request, 'POST', '/desk/groups', owner, { name: '售后服务', routing: 'least_busy', slaFirstResponseSeconds: 300 });
  for (const a of [agentA, agentB]) await api(request, 'POST', '/desk/agents', owner, { memberId: a.id, maxConcurrent: 3, groupIds: [group.id] });
  const channel = await api<{ widgetKey: string }>(request, 'POST', '/desk/channels', owner, { name: '官网商城', kind: 'web', groupId: group.id });
  for (const f of FAQS) await api(request, 'POST', '/desk/faqs', owner, f);
  await api(request, 'POST', '/desk/canned', owner, { shortcut: 'hello', text: '您好，我是客服小王，这就帮您处理退货。' });
  return { owner, agentA, agentB, widgetKey: channel.widgetKey, groupId: group.id };
}

/** An agent opens the desk (shown once desk.me answered) and goes online. */
async function goOnline(page: Page) {
  await page.getByTestId('nav-desk').click();
  await expect(page.getByTestId('agent-desk')).toBeVisible();
  await page.getByTestId('desk-status-online').click();
  await expect(page.getByTestId('desk-status')).toHaveAttribute('data-status', 'online');
}


test('a visitor is answered by the bot, handed to an agent, transferred, closed and rated; the supervisor sees it', async ({ browser, page: visitor, request, baseURL }) => {
  test.setTimeout(240_000);
  const id = run();
  const org = await setUpOrg(request, id);
  const site = await customerSite(baseURL!, org.widgetKey);
  try {
    // agent A is online before the visitor comes; B is not yet (so the routing has one choice)
    const a = await signIn(browser, org.agentA.email, org.agentA.password, SIGN_IN_WAIT);
    await goOnline(a);

    // the visitor opens the widget on the customer's page: the launcher is the site's, the chat is our frame
    await visitor.goto(site.url);
    await visitor.getByTestId('queqiao-launcher').click();
    const w = visitor.frameLocator('[data-testid="queqiao-frame"]');
    await expect(botSays(w, '智能客服')).toBeVisible(); // the greeting
    // the bot answers from the knowledge base (were it unsure, it would suggest the question: picking it asks
    // it as the visitor's own words); the visitor says the answer helped
    await w.getByTestId('widget-input').fill('怎么退货？');
    await w.getByTestId('widget-input').press('Enter');
    await expect(w.locator('[data-testid="widget-message"][data-from="visitor"]').filter({ hasText: '怎么退货？' })).toBeVisible();
    await expect(w.getByTestId('widget-pending')).toHaveCount(0);
    const answer = botSays(w, '7 天内可在“我的订单”中申请退货');
    const suggestion = w.getByTestId('widget-suggestion').filter({ hasText: '如何退货？' });
    await expect(answer.or(suggestion).first()).toBeVisible();
    if (!(await answer.isVisible())) await suggestion.click();
    await expect(answer).toBeVisible();
    await answer.getByTestId('answer-helpful').click();
    await expect(answer.getByTestId('answer-rated')).toBeVisible();

    // a person, please: the visitor waits in the queue; A is offered the conversation with a countdown
    await w.getByTestId('widget-human').click();
    await expect(w.locator('[data-testid="widget-event"][data-event="handoff"]')).toBeVisible();
    const offer = a.getByTestId('desk-offer');
    await expect(offer).toBeVisible();
    await expect(offer.getByTestId('desk-offer-countdown')).toContainText('秒内接受');
    await offer.getByTestId('desk-offer-accept').click();
    const paneA = a.getByTestId('desk-pane');
    await expect(paneA).toHaveAttribute('data-state', 'assigned');
    // the whole conversation came along: the visitor's question and the bot's answer
    await expect(paneA.locator('[data-testid="desk-message"][data-from="visitor"]').filter({ hasText: '退货' }).first()).toBeVisible();
    await expect(paneA.locator('[data-testid="desk-message"][data-from="bot"]').filter({ hasText: '申请退货' })).toBeVisible();
    await expect(w.locator('[data-testid="widget-event"][data-event="agent_joined"]')).toBeVisible();
    await expect(a.getByTestId('desk-conversation')).toHaveCount(1);
    await expect(a.getByTestId('sla').first()).toContainText('首次回复剩余');

    // A replies with a canned response (/hello), and leaves an internal note the visitor never sees
    await a.getByTestId('desk-input').fill('/hel');
    await expect(a.getByTestId('desk-canned')).toHaveCount(1);
    await a.getByTestId('desk-input').press('Enter');
    await expect(a.getByTestId('desk-input')).toHaveValue('您好，我是客服小王，这就帮您处理退货。');
    await a.getByTestId('desk-input').press('Enter');
    await expect(paneA.locator('[data-testid="desk-message"][data-from="me"]').filter({ hasText: '这就帮您处理退货' })).toBeVisible();
    await expect(a.getByTestId('desk-pending')).toHaveCount(0);
    const reply = w.locator('[data-testid="widget-message"][data-from="agent"]').filter({ hasText: '您好，我是客服小王，这就帮您处理退货。' });
    await expect(reply).toBeVisible();

    // the visitor reloads the page: the same visitor (the token kept per widget key) comes back to the same
    // conversation at once, and what the agent says meanwhile shows on the closed launcher
    await visitor.reload();
    await a.getByTestId('desk-input').fill('请问订单号是多少？');
    await a.getByTestId('desk-input').press('Enter');
    await expect(visitor.getByTestId('queqiao-unread')).toHaveText('1');
    await visitor.getByTestId('queqiao-launcher').click();
    await expect(reply).toBeVisible();
    await expect(w.locator('[data-testid="widget-message"][data-from="agent"]').filter({ hasText: '请问订单号是多少？' })).toBeVisible();
    await expect(visitor.getByTestId('queqiao-unread')).toBeHidden();
    await a.getByTestId('desk-mode-note').click();
    await a.getByTestId('desk-input').fill('老客户，优先处理');
    await a.getByTestId('desk-send').click();
    await expect(a.getByTestId('desk-note').filter({ hasText: '老客户，优先处理' })).toBeVisible();

    // the visitor answers; A sees it live
    await w.getByTestId('widget-input').fill('好的，订单号是 20270101');
    await w.getByTestId('widget-send').click();
    await expect(paneA.locator('[data-testid="desk-message"][data-from="visitor"]').filter({ hasText: '20270101' })).toBeVisible();

    // B comes online; A transfers the conversation to B, picked from the seats with their status and load
    const b = await signIn(browser, org.agentB.email, org.agentB.password, SIGN_IN_WAIT);
    await goOnline(b);
    const pick = a.getByTestId('desk-transfer-agent');
    const optionB = pick.locator('option', { hasText: '客服小李' });
    await expect(optionB).toHaveCount(1);
    await pick.selectOption((await optionB.getAttribute('value'))!);
    await a.getByTestId('desk-transfer-submit').click();
    await expect(a.getByTestId('desk-conversation')).toHaveCount(0);
    await expect(w.locator('[data-testid="widget-event"][data-event="transfer"]')).toBeVisible();

    // B has it, with the note; closes it with a tag
    const atB = b.getByTestId('desk-conversation');
    await expect(atB).toHaveCount(1);
    await atB.click();
    const paneB = b.getByTestId('desk-pane');
    await expect(paneB.locator('[data-testid="desk-message"][data-from="visitor"]').filter({ hasText: '20270101' })).toBeVisible();
    await expect(b.getByTestId('desk-note').filter({ hasText: '老客户，优先处理' })).toBeVisible();
    await b.getByTestId('desk-input').fill('已为您登记退货，请留意短信。');
    await b.getByTestId('desk-input').press('Enter');
    await expect(w.locator('[data-testid="widget-message"][data-from="agent"]').filter({ hasText: '已为您登记退货' })).toBeVisible();
    await b.getByTestId('desk-close-tags').fill('退货');
    await b.getByTestId('desk-close').click();
    await expect(paneB).toHaveAttribute('data-state', 'closed');

    // the visitor is asked how it went, and rates it; the internal note never reached them
    await expect(w.getByTestId('csat-form')).toBeVisible();
    await w.getByTestId('csat-5').click();
    await w.getByTestId('csat-comment').fill('很快，谢谢');
    await w.getByTestId('csat-submit').click();
    await expect(w.getByTestId('csat-thanks')).toBeVisible();
    await expect(w.getByTestId('widget-messages')).not.toContainText('老客户');

    // the supervisor (the owner) sees the closed conversation with its CSAT, tag and agent
    const owner = await signIn(browser, `owner.${id}@desk.example.cn`, PASSWORD, SIGN_IN_WAIT);
    await owner.getByTestId('nav-desk-floor').click();
    await expect(owner.getByTestId('floor-agent')).toHaveCount(2);
    await owner.getByTestId('floor-state-filter').selectOption('closed');
    const row = owner.getByTestId('floor-conversation');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('floor-conversation-csat')).toContainText('5');
    await expect(row.getByTestId('floor-conversation-tags')).toHaveText('退货');
    await expect(row.getByTestId('floor-conversation-agent')).toHaveText('客服小李');
  } finally {
    await site.close();
  }
});
