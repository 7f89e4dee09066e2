import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { scriptTag } from './channel';
import { faqToForm, filterFaqs, formToFaq, importErrors } from './faq';
import { splitTags } from './ConversationPane';

const faq = (question: string, extra = {}) => ({ id: question, question, alternatives: [], answer: 'a', category: null, ...extra });

describe('the knowledge base form', () => {
  it('takes alternatives one per line (or | as in the CSV), without blanks, repeats or the question itself', () => {
    expect(formToFaq({ question: ' 如何退货？ ', alternatives: '怎么退货\n\n退货流程|怎么退货\n如何退货？', answer: ' 7 天无理由 ', category: ' 售后 ' }))
      .toEqual({ question: '如何退货？', alternatives: ['怎么退货', '退货流程'], answer: '7 天无理由', category: '售后' });
    expect(faqToForm(faq('q', { alternatives: ['a', 'b'], category: null }))).toEqual({ question: 'q', alternatives: 'a\nb', answer: 'a', category: '' });
  });
  it('filters by every word typed, in any phrasing, folding case and width', () => {
    const items = [faq('如何退货？', { alternatives: ['怎么退货'] }), faq('Reset password', { category: 'Account' }), faq('运费怎么算？')];
    expect(filterFaqs(items, '怎么').map((f) => f.question)).toEqual(['如何退货？', '运费怎么算？']);
    expect(filterFaqs(items, 'ＲＥＳＥＴ account').map((f) => f.question)).toEqual(['Reset password']);
    expect(filterFaqs(items, '  ')).toHaveLength(3);
  });
  it('reads the rows of a rejected import in order', () => {
    const e = new ApiError(422, 'import_rejected', undefined, 'rejected', {
      errors: [{ row: 3, field: 'answer', code: 'required', message: 'answer is required' }, { row: 2, field: 'question', code: 'required', message: 'x' }],
    });
    expect(importErrors(e)?.map((r) => r.row)).toEqual([2, 3]);
    expect(importErrors(new ApiError(400, 'other', undefined, ''))).toBeNull();
  });
});

describe('what admins and agents copy or type', () => {
  it('builds the script tag', () => {
    expect(scriptTag('https://desk.example.com', 'qw_1')).toBe('<script src="https://desk.example.com/widget.js" data-key="qw_1" async></script>');
    expect(scriptTag('https://d', 'qw_1', true)).toContain('data-user-id="USER_ID" data-signature="HMAC_SHA256_HEX"');
  });
  it('splits tags on either comma, dropping blanks and repeats', () => {
    expect(splitTags('退货, refund，退货、 ,')).toEqual(['退货', 'refund']);
  });
});
