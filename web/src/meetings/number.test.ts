import { describe, expect, it } from 'vitest';
import { formatNumber, formatTyping, isMeetingNumber, parseNumber } from './number';

describe('meeting numbers', () => {
  it('are shown in groups of three', () => {
    expect(formatNumber('123456789')).toBe('123 456 789');
    expect(formatNumber('12345')).toBe('12345');
  });
  it('are read from what people type or paste', () => {
    expect(parseNumber('123 456 789')).toBe('123456789');
    expect(parseNumber(' 123-456-789 ')).toBe('123456789');
    expect(parseNumber('123456789')).toBe('123456789');
    expect(parseNumber('https://q.example.cn/join/987654321')).toBe('987654321');
    expect(parseNumber('https://q.example.cn/join/987%20654%20321?x=1')).toBe('987654321');
  });
  it('have 9 digits and never start with 0', () => {
    expect(parseNumber('012345678')).toBeNull();
    expect(parseNumber('12345678')).toBeNull();
    expect(parseNumber('1234567890')).toBeNull();
    expect(parseNumber('12345678a')).toBeNull();
    expect(parseNumber('ABCDEFGHJK')).toBeNull(); // an invitation code shares /join/
    expect(isMeetingNumber('999999999')).toBe(true);
  });
  it('are grouped while typed', () => {
    expect(formatTyping('1234')).toBe('123 4');
    expect(formatTyping('123 456 7890')).toBe('123 456 789');
    expect(formatTyping('12a3')).toBe('123');
  });
});
