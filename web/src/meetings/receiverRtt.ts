/**
 * Asks the browser to send RTCP receiver reference times (RFC 3611 RRTR) on its subscribe connection by adding
 * `a=rtcp-fb:<pt> rrtr` to every payload type of the answer that has NACK. The server echoes each RRTR at once
 * (DLRR), and the browser, which only receives there and so has no other round-trip measurement, then repeats
 * an unanswered NACK after one round trip instead of its fixed 100 ms: on a lossy link, a retransmission that
 * was itself lost comes back in tens of milliseconds, not after a visible freeze. Browsers never offer rrtr
 * themselves; the server's offer lists it, so the answer stays within what was offered.
 */
export function withReceiverRtt(sdp: string): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = sdp.split(eol);
  const has = new Set(lines.filter((l) => /^a=rtcp-fb:\d+ rrtr$/.test(l)).map((l) => l.slice('a=rtcp-fb:'.length, l.indexOf(' '))));
  const out: string[] = [];
  for (const line of lines) {
    out.push(line);
    const nack = /^a=rtcp-fb:(\d+) nack$/.exec(line);
    if (nack && !has.has(nack[1])) out.push(`a=rtcp-fb:${nack[1]} rrtr`);
  }
  return out.join(eol);
}
