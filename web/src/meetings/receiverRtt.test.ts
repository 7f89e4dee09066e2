import { describe, expect, it } from 'vitest';
import { withReceiverRtt } from './receiverRtt';

const answer = [
  'v=0', 'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=rtpmap:111 opus/48000/2', 'a=rtcp-fb:111 transport-cc',
  'm=video 9 UDP/TLS/RTP/SAVPF 96 97 102', 'a=rtpmap:96 VP8/90000', 'a=rtcp-fb:96 goog-remb', 'a=rtcp-fb:96 nack',
  'a=rtcp-fb:96 nack pli', 'a=rtpmap:97 rtx/90000', 'a=fmtp:97 apt=96', 'a=rtpmap:102 H264/90000', 'a=rtcp-fb:102 nack', '',
].join('\r\n');

describe('withReceiverRtt', () => {
  it('adds rrtr after the nack line of every payload type that has one, and nowhere else', () => {
    const out = withReceiverRtt(answer).split('\r\n');
    expect(out.filter((l) => l.endsWith(' rrtr'))).toEqual(['a=rtcp-fb:96 rrtr', 'a=rtcp-fb:102 rrtr']);
    expect(out[out.indexOf('a=rtcp-fb:96 nack') + 1]).toBe('a=rtcp-fb:96 rrtr');
    expect(out.at(-1)).toBe(''); // the SDP still ends with its line break
  });

  it('leaves an answer that already asks for it as it is, and keeps bare line feeds', () => {
    const once = withReceiverRtt(answer);
    expect(withReceiverRtt(once)).toBe(once);
    const lf = answer.replaceAll('\r\n', '\n');
    expect(withReceiverRtt(lf)).toBe(once.replaceAll('\r\n', '\n'));
  });
});
