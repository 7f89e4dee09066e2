import { test } from '@playwright/test';
import { api, botSays, customerSite, expect } from './desk-helpers';

// The bot's generative assistant (desk.assistant-*) as a visitor sees it. BrowserE2EIT runs the server with an
// OpenAI-compatible model server of its own on loopback that answers questions about the weekend from the first
// FAQ it is given ("根据资料：" + that FAQ's answer) and declines everything else, so the other desk spec is
// answered by the knowledge base as before. A visitor asks something the knowledge base has no entry for; the
// bot's reply is the model's, marked in the widget as generated.
const run = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 5);

test('a question the knowledge base cannot answer is answered by the assistant, marked as generated', async ({ page: visitor, request, baseURL }) => {
  const id = run();
  const owner = (await api<{ token: string }>(request, 'POST', '/signup', null,
    { orgName: `助手测试 ${id}`, name: '主管老周', email: `owner.${id}@assistant.example.cn`, password: 'correct horse battery', deviceName: 'e2e' })).token;
  const group = await api<{ id: string }>(request, 'POST', '/desk/groups', owner, { name: '售前咨询' });
  const channel = await api<{ widgetKey: string }>(request, 'POST', '/desk/channels', owner, { name: '官网', kind: 'web', groupId: group.id });
  await api(request, 'POST', '/desk/faqs', owner, { question: '多久发货？', alternatives: ['什么时候发货'], answer: '付款后 48 小时内发货，周末和节假日顺延。', category: '物流' });
  await api(request, 'POST', '/desk/faqs', owner, { question: '如何退货？', alternatives: ['怎么退货'], answer: '收货后 7 天内可在“我的订单”中申请退货。', category: '售后' });
  const site = await customerSite(baseURL!, channel.widgetKey);
  try {
    await visitor.goto(site.url);
    await visitor.getByTestId('queqiao-launcher').click();
    const w = visitor.frameLocator('[data-testid="queqiao-frame"]');
    await expect(botSays(w, '智能客服')).toBeVisible(); // the greeting
    await w.getByTestId('widget-input').fill('周末可以去门店自提吗');
    await w.getByTestId('widget-input').press('Enter');
    const generated = botSays(w, '根据资料：');
    await expect(generated).toBeVisible();
    await expect(generated).toContainText('周末和节假日顺延');
    await expect(generated.getByTestId('widget-ai-note')).toContainText('由 AI 根据常见问题生成');
    await expect(generated.getByTestId('answer-helpful')).toHaveCount(0); // only the knowledge base's answers are rated
  } finally {
    await site.close();
  }
});
