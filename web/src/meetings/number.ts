// Meeting numbers: 9 digits, never starting with 0, shown as `123 456 789`. People type them with
// spaces or dashes, or paste the whole invite link.

/** `123456789` → `123 456 789`; anything else is returned as it is. */
export function formatNumber(n: string): string {
  return /^\d{9}$/.test(n) ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` : n;
}

/** The 9-digit number in what someone typed or pasted (spaces, dashes, an invite URL), or null. */
export function parseNumber(input: string): string | null {
  const s = input.trim();
  const fromUrl = /\/join\/([\d\s%-]+)\/?(?:[?#].*)?$/.exec(s);
  const raw = fromUrl ? decodeURIComponentSafe(fromUrl[1]) : s;
  if (!/^[\d\s\-.]+$/.test(raw)) return null;
  const digits = raw.replace(/[\s\-.]/g, '');
  return isMeetingNumber(digits) ? digits : null;
}

export const isMeetingNumber = (s: string) => /^[1-9]\d{8}$/.test(s);

/** Shows the number as it is being typed: groups of three, at most 9 digits. */
export function formatTyping(input: string): string {
  const digits = input.replace(/\D/g, '').slice(0, 9);
  return digits.replace(/(\d{3})(?=\d)/g, '$1 ');
}

function decodeURIComponentSafe(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
