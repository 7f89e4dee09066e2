// Meeting quality under random packet loss (bench/meeting-loss.sh, which puts Chromium in a network namespace).
//
// For each loss rate N (LOSS_RATES): nftables tables on the input hook inside the namespace (LOSS_NETNS) and in the
// root namespace (packets from the veth LOSS_VETH_ROOT) drop N % of the UDP in each direction (publisher → SFU and
// SFU → subscriber); then three pages — a host who
// signs up, schedules and starts a meeting, and two guests by link — join it with camera and microphone (fake
// devices), wait until every page receives audio and video from both others, let media settle (LOSS_SETTLE s),
// and read getStats() on all three pages at the start and the end of the window (LOSS_SECONDS s). For each of the
// 6 receiver × sender pairs:
//
//   decoded %      receiver inbound-rtp framesDecoded delta ÷ the sender's outbound-rtp framesSent delta (the frames
//                  the sender's encoder produced and sent to the SFU over the same window: a frame the sender never
//                  made because its bandwidth estimate fell is not counted as lost here; the sender's fps shows that)
//   fps            framesDecoded delta ÷ window;   sender fps = framesSent delta ÷ window
//   freezes/min    freezeCount delta ÷ minutes;   freeze s/min = totalFreezesDuration delta ÷ minutes
//   lost %         packetsLost delta ÷ (packetsReceived + packetsLost) deltas, after retransmission (RTX repairs)
//   NACK/s, PLI/min  sent by the receiver;   jb ms = jitterBufferDelay ÷ jitterBufferEmittedCount (deltas)
//   audio conc. %  concealedSamples delta ÷ totalSamplesReceived delta of that sender's audio
//
// and one row per loss rate: median and worst of the 6 pairs. The sender side (bitrate, resolution, the
// encoder's qualityLimitationReason, NACKs and PLIs it got, RTX it sent, the loss the SFU reports to it) is
// printed per sender for the causes.
import { execFileSync } from 'node:child_process';
import {
  expect, expectFlowing, joinFromPrejoin, mediaBrowser, newPage, openAsGuest, run, scheduleAndStart, selfId, signUpOwner, test,
} from '../../web/e2e/meeting-helpers';
import type { Browser, BrowserContext, Page } from '@playwright/test';

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};

// The pages load the client from the root side of the veth (http://10.77.N.1:port), not from localhost: Chromium
// gives camera and microphone only to secure contexts, so that origin is declared one.
test.use({
  ...mediaBrowser,
  launchOptions: {
    ...mediaBrowser.launchOptions,
    args: [...mediaBrowser.launchOptions.args, `--unsafely-treat-insecure-origin-as-secure=${new URL(env.QUEQIAO_BASE_URL ?? 'http://127.0.0.1:8080').origin}`],
  },
});
const NETNS = env.LOSS_NETNS ?? '';
const RATES = (env.LOSS_RATES ?? '0 5 10 20').trim().split(/[\s,]+/).map(Number);
const SECONDS = Number(env.LOSS_SECONDS ?? 60);
const SETTLE = Number(env.LOSS_SETTLE ?? 15);
const VETH_ROOT = env.LOSS_VETH_ROOT ?? '';
/** Which legs lose packets: both (default), down (SFU → pages only) or up (pages → SFU only), to tell the hops' shares apart. */
const DIRECTION = env.LOSS_DIRECTION ?? 'both';
/** One table name for both namespaces; bench/meeting-loss.sh deletes the root one on exit. */
const TABLE = `queqiao_loss_${NETNS}`;
/** An experiment, not the client's behaviour: every RTCRtpReceiver's jitterBufferTarget (ms) set in the page. */
const JITTER_TARGET = env.LOSS_JITTER_TARGET_MS ? Number(env.LOSS_JITTER_TARGET_MS) : undefined;

/** In the page, before the client loads: sets `jitterBufferTarget` on every receiver a peer connection gets. */
function holdJitterBuffer(ms: number) {
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      this.addEventListener('track', (e) => { (e.receiver as RTCRtpReceiver & { jitterBufferTarget: number }).jitterBufferTarget = ms; });
    }
  } as typeof RTCPeerConnection;
}

/**
 * Replaces the loss tables: `percent` % of UDP dropped at random on the *input* hook on both sides of the veth —
 * inside the namespace (SFU → pages) and in the root namespace for packets from the veth (pages → SFU). Only input:
 * a drop on output makes the sender's sendmsg() fail (EPERM), and Chromium then sends the packet again, so an
 * output rule drops nearly nothing end to end (measured: 5 % "dropped" on output, 0.2 % lost at the SFU).
 */
function setLoss(percent: number) {
  const nft = (input: string, inNamespace: boolean) => execFileSync(inNamespace ? 'ip' : 'nft',
    inNamespace ? ['netns', 'exec', NETNS, 'nft', '-f', '-'] : ['-f', '-'], { input, encoding: 'utf8' });
  const rule = `meta l4proto udp numgen random mod 100 < ${percent} counter drop;`;
  nft(`table inet ${TABLE}\ndelete table inet ${TABLE}\n`, true); // create-then-delete: no error when absent
  nft(`table inet ${TABLE}\ndelete table inet ${TABLE}\n`, false);
  if (percent <= 0) return;
  if (DIRECTION !== 'up') nft(`table inet ${TABLE} {\n  chain in { type filter hook input priority 0; policy accept; ${rule} }\n}\n`, true);
  if (DIRECTION !== 'down') nft(`table inet ${TABLE} {\n  chain in { type filter hook input priority 0; policy accept; iifname "${VETH_ROOT}" ${rule} }\n}\n`, false);
}

type Num = Record<string, number>;
type Snapshot = {
  at: number;
  /** by sending participant id */
  video: Record<string, Num>;
  audio: Record<string, Num>;
  /** this page's own camera (outbound-rtp video), plus what the SFU reports back (remote-inbound-rtp) */
  out: Num & { limitation?: string; encoder?: string };
};

/** In the page: getStats() of every live peer connection, keyed by the participant each remote track belongs to. */
function snapshot(): Promise<Snapshot> {
  return (async () => {
    const byTrack = new Map<string, Record<string, unknown>>();
    const out: Record<string, number | string> = {};
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === 'closed') continue;
      const all = new Map<string, Record<string, unknown>>();
      (await pc.getStats()).forEach((s: Record<string, unknown>) => all.set(String(s.id), s));
      for (const s of all.values()) {
        if (s.type === 'inbound-rtp' && typeof s.trackIdentifier === 'string') byTrack.set(s.trackIdentifier, s);
        if (s.type === 'outbound-rtp' && s.kind === 'video' && typeof s.rid === 'string') {
          // per simulcast layer: frames encoded and sent, so a receiver's decoded count compares with its own layer
          for (const k of ['framesEncoded', 'framesSent', 'frameWidth', 'targetBitrate', 'bytesSent']) out[`${s.rid}_${k}`] = Number(s[k] ?? 0);
        }
        if (s.type === 'media-source' && s.kind === 'video') out.sourceFrames = Number(s.frames ?? 0);
        if (s.type === 'outbound-rtp' && s.kind === 'video') {
          for (const k of ['framesEncoded', 'framesSent', 'packetsSent', 'bytesSent', 'retransmittedPacketsSent', 'nackCount', 'pliCount',
            'firCount', 'frameWidth', 'frameHeight', 'targetBitrate', 'keyFramesEncoded', 'hugeFramesSent']) out[k] = Number(s[k] ?? 0);
          out.limitation = String(s.qualityLimitationReason ?? '');
          out.encoder = String(s.encoderImplementation ?? '');
          const d = s.qualityLimitationDurations as Record<string, number> | undefined;
          if (d) for (const [k, v] of Object.entries(d)) out[`limited_${k}`] = v;
          for (const r of all.values()) {
            if (r.type === 'remote-inbound-rtp' && r.localId === s.id) {
              out.remoteFractionLost = Number(r.fractionLost ?? 0);
              out.remotePacketsLost = Number(r.packetsLost ?? 0);
              out.rtt = Number(r.roundTripTime ?? 0);
            }
          }
        }
        if (s.type === 'outbound-rtp' && s.kind === 'audio') {
          out.audioPacketsSent = Number(s.packetsSent ?? 0);
          out.audioRetransmitted = Number(s.retransmittedPacketsSent ?? 0);
          out.audioNacksGot = Number(s.nackCount ?? 0);
          for (const r of all.values()) {
            if (r.type === 'remote-inbound-rtp' && r.localId === s.id) {
              out.audioRemoteFractionLost = Number(r.fractionLost ?? 0);
              out.audioRemotePacketsLost = Number(r.packetsLost ?? 0);
            }
          }
        }
        if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') {
          out.availableOutgoingBitrate = Math.max(Number(out.availableOutgoingBitrate ?? 0), Number(s.availableOutgoingBitrate ?? 0));
        }
      }
    }
    const pick = (s: Record<string, unknown> | undefined, keys: string[]) => Object.fromEntries(keys.map((k) => [k, Number(s?.[k] ?? 0)]));
    const video: Record<string, Num> = {}, audio: Record<string, Num> = {};
    document.querySelectorAll<HTMLElement>('[data-testid="tile-video"]').forEach((el) => {
      if (el.dataset.source === 'screen') return;
      video[el.dataset.participantId!] = pick(byTrack.get(el.dataset.trackId!), ['framesDecoded', 'framesReceived', 'framesDropped',
        'keyFramesDecoded', 'freezeCount', 'totalFreezesDuration', 'pauseCount', 'totalPausesDuration', 'packetsLost', 'packetsReceived',
        'nackCount', 'pliCount', 'firCount', 'jitterBufferDelay', 'jitterBufferEmittedCount', 'frameWidth', 'frameHeight', 'bytesReceived']);
    });
    document.querySelectorAll<HTMLElement>('[data-testid="remote-audio"]').forEach((el) => {
      audio[el.dataset.participantId!] = pick(byTrack.get(el.dataset.trackId!), ['concealedSamples', 'silentConcealedSamples',
        'totalSamplesReceived', 'concealmentEvents', 'packetsLost', 'packetsReceived', 'fecPacketsReceived', 'fecPacketsDiscarded', 'nackCount',
        'insertedSamplesForDeceleration', 'removedSamplesForAcceleration']);
    });
    return { at: performance.now(), video, audio, out: out as Snapshot['out'] };
  })();
}

type Pair = {
  decodedPct: number; fps: number; senderFps: number; freezesPerMin: number; freezeSecPerMin: number; lostPct: number;
  nackPerSec: number; pliPerMin: number; jbMs: number; audioConcealedPct: number; keyframes: number; width: number;
};

const median = (xs: number[]) => { const s = xs.filter((x) => Number.isFinite(x)).sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

async function meeting(browser: Browser, percent: number): Promise<{ pairs: Pair[]; row: string; pass: boolean }> {
  const id = run();
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const p = await newPage(browser);
    contexts.push(p.context);
    if (JITTER_TARGET !== undefined) await p.context.addInitScript(holdJitterBuffer, JITTER_TARGET);
    return p.page;
  };
  try {
    const a = await open(), b = await open(), c = await open();
    await signUpOwner(a, id, `jia.${id}@loss.example.cn`);
    const title = `丢包 ${percent}% ${id}`;
    const number = await scheduleAndStart(a, title);
    await joinFromPrejoin(a);
    await openAsGuest(b, number, title, '访客乙');
    await joinFromPrejoin(b);
    await openAsGuest(c, number, title, '访客丙');
    await joinFromPrejoin(c);
    const pages: Page[] = [a, b, c];
    for (const p of pages) await expect(p.getByTestId('participant-tile')).toHaveCount(3);
    const ids = await Promise.all(pages.map((p) => selfId(p))) as string[];
    await Promise.all(pages.map((p, i) => expectFlowing(p, ids.filter((_, j) => j !== i), ['audio', 'video'])));
    await pages[0].waitForTimeout(SETTLE * 1000);

    const metrics0 = await mediaMetrics(a);
    const dropped0 = dropped();
    const load0 = loadAverage();
    const t0 = Date.now();
    const s0 = await Promise.all(pages.map((p) => p.evaluate(snapshot)));
    await pages[0].waitForTimeout(SECONDS * 1000);
    const s1 = await Promise.all(pages.map((p) => p.evaluate(snapshot)));
    const window = (Date.now() - t0) / 1000;
    const metrics1 = await mediaMetrics(a);
    const dropped1 = dropped();
    const minutes = window / 60;

    const pairs: Pair[] = [];
    const d = (x: Num | undefined, y: Num | undefined, k: string) => Number(y?.[k] ?? 0) - Number(x?.[k] ?? 0);
    console.log(`\n── ${DIRECTION === 'both' ? '' : `${DIRECTION}link only; `}${JITTER_TARGET === undefined ? '' : `jitterBufferTarget ${JITTER_TARGET} ms; `}loss ${percent} % each way (≈ ${f1(100 * (1 - (1 - percent / 100) ** 2))} % end to end), window ${f1(window)} s, load ${load0} → ${loadAverage()}`);
    console.log(`  nftables dropped in the window: ${dropped1[0] - dropped0[0]} SFU → pages, ${dropped1[1] - dropped0[1]} pages → SFU`);
    console.log('  server: ' + Object.keys(metrics1).map((k) => `${k} ${Math.round(metrics1[k] - (metrics0[k] ?? 0))}`).join(', '));
    for (let si = 0; si < 3; si++) {
      const o0 = s0[si].out, o1 = s1[si].out;
      const sec = (k: string) => d(o0, o1, k) / window;
      const limited = Object.keys(o1).filter((k) => k.startsWith('limited_')).map((k) => `${k.slice(8)} ${f1(d(o0, o1, k))} s`).join(', ');
      console.log(`  sender ${'ABC'[si]} layers: captured ${d(o0, o1, 'sourceFrames')} frames; ` + ['q', 'h', 'f'].filter((r) => `${r}_framesSent` in o1)
        .map((r) => `${r} ${o1[`${r}_frameWidth`]}px encoded ${d(o0, o1, `${r}_framesEncoded`)} sent ${d(o0, o1, `${r}_framesSent`)} `
          + `${f1(8 * d(o0, o1, `${r}_bytesSent`) / window / 1000)} of ${f1(Number(o1[`${r}_targetBitrate`]) / 1000)} kbit/s`).join('; '));
      console.log(`  sender ${'ABC'[si]}: ${f1(sec('framesSent'))} fps sent (${f1(sec('framesEncoded'))} encoded), ${o1.frameWidth}×${o1.frameHeight}, `
        + `${f1(8 * sec('bytesSent') / 1000)} kbit/s, target ${f1(Number(o1.targetBitrate) / 1000)} kbit/s, available ${f1(Number(o1.availableOutgoingBitrate ?? 0) / 1000)} kbit/s, `
        + `keyframes ${d(o0, o1, 'keyFramesEncoded')}, NACKs got ${d(o0, o1, 'nackCount')}, RTX sent ${d(o0, o1, 'retransmittedPacketsSent')} `
        + `(${f1(100 * d(o0, o1, 'retransmittedPacketsSent') / Math.max(1, d(o0, o1, 'packetsSent')))} % of packets), PLIs got ${d(o0, o1, 'pliCount')}, FIRs ${d(o0, o1, 'firCount')}, `
        + `SFU reports (after its NACK repair) video lost ${d(o0, o1, 'remotePacketsLost')}/${d(o0, o1, 'packetsSent')} `
        + `(last fraction ${f2(Number(o1.remoteFractionLost))}), audio lost ${d(o0, o1, 'audioRemotePacketsLost')}/${d(o0, o1, 'audioPacketsSent')} `
        + `(last fraction ${f2(Number(o1.audioRemoteFractionLost))}; audio NACKs got ${d(o0, o1, 'audioNacksGot')}, resent ${d(o0, o1, 'audioRetransmitted')}), rtt ${f1(1000 * Number(o1.rtt ?? 0))} ms; limitation now "${o1.limitation}" (${limited}); ${o1.encoder}`);
    }
    for (let ri = 0; ri < 3; ri++) {
      for (let si = 0; si < 3; si++) {
        if (ri === si) continue;
        const from = ids[si];
        const v0 = s0[ri].video[from], v1 = s1[ri].video[from];
        const a0 = s0[ri].audio[from], a1 = s1[ri].audio[from];
        const sent = d(s0[si].out, s1[si].out, 'framesSent');
        const decoded = d(v0, v1, 'framesDecoded');
        const lost = d(v0, v1, 'packetsLost'), recv = d(v0, v1, 'packetsReceived');
        const p: Pair = {
          decodedPct: 100 * decoded / sent,
          fps: decoded / window,
          senderFps: sent / window,
          freezesPerMin: d(v0, v1, 'freezeCount') / minutes,
          freezeSecPerMin: d(v0, v1, 'totalFreezesDuration') / minutes,
          lostPct: 100 * lost / Math.max(1, lost + recv),
          nackPerSec: d(v0, v1, 'nackCount') / window,
          pliPerMin: d(v0, v1, 'pliCount') / minutes,
          jbMs: 1000 * d(v0, v1, 'jitterBufferDelay') / Math.max(1, d(v0, v1, 'jitterBufferEmittedCount')),
          audioConcealedPct: 100 * d(a0, a1, 'concealedSamples') / Math.max(1, d(a0, a1, 'totalSamplesReceived')),
          keyframes: d(v0, v1, 'keyFramesDecoded'),
          width: Number(v1?.frameWidth ?? 0),
        };
        pairs.push(p);
        console.log(`  ${'ABC'[ri]} ← ${'ABC'[si]}: decoded ${f1(p.decodedPct)} % (${decoded}/${sent}), ${f1(p.fps)} fps, ${p.width}px, `
          + `freezes ${d(v0, v1, 'freezeCount')} (${f2(d(v0, v1, 'totalFreezesDuration'))} s), dropped ${d(v0, v1, 'framesDropped')}, keyframes ${p.keyframes}, `
          + `lost ${lost}/${lost + recv} (${f2(p.lostPct)} %), NACK ${d(v0, v1, 'nackCount')}, PLI ${d(v0, v1, 'pliCount')}, FIR ${d(v0, v1, 'firCount')}, `
          + `jb ${f1(p.jbMs)} ms, pauses ${d(v0, v1, 'pauseCount')}; audio concealed ${f2(p.audioConcealedPct)} % (events ${d(a0, a1, 'concealmentEvents')}, `
          + `lost ${d(a0, a1, 'packetsLost')}/${d(a0, a1, 'packetsLost') + d(a0, a1, 'packetsReceived')}, FEC packets ${d(a0, a1, 'fecPacketsReceived')}, NACK ${d(a0, a1, 'nackCount')})`);
      }
    }
    const col = (k: keyof Pair) => pairs.map((p) => p[k]);
    const min = (k: keyof Pair) => Math.min(...col(k)), max = (k: keyof Pair) => Math.max(...col(k));
    const pass = min('decodedPct') >= 90 && max('freezesPerMin') <= 1;
    const row = `| ${percent} % (${f1(100 * (1 - (1 - percent / 100) ** 2))} %) | ${f1(median(col('decodedPct')))} / ${f1(min('decodedPct'))} `
      + `| ${f1(median(col('fps')))} / ${f1(min('fps'))} | ${f1(median(col('senderFps')))} | ${f2(median(col('freezesPerMin')))} / ${f2(max('freezesPerMin'))} `
      + `| ${f2(median(col('freezeSecPerMin')))} / ${f2(max('freezeSecPerMin'))} | ${f2(median(col('lostPct')))} | ${f1(median(col('nackPerSec')))} `
      + `| ${f1(median(col('pliPerMin')))} | ${f1(median(col('jbMs')))} | ${f2(median(col('audioConcealedPct')))} / ${f2(max('audioConcealedPct'))} `
      + `| ${median(col('width'))} | ${load0} |`;
    return { pairs, row, pass };
  } finally {
    for (const ctx of contexts) await ctx.close().catch(() => {});
  }
}

/** Packets the loss table dropped since the rate was set: [SFU → pages, pages → SFU]. */
function dropped(): [number, number] {
  if (!NETNS) return [0, 0];
  const count = (args: string[]) => {
    try { return Number(/counter packets (\d+)/.exec(execFileSync(args[0], args.slice(1), { encoding: 'utf8' }))?.[1] ?? 0); } catch { return 0; }
  };
  return [count(['ip', 'netns', 'exec', NETNS, 'nft', 'list', 'table', 'inet', TABLE]), count(['nft', 'list', 'table', 'inet', TABLE])];
}

/** The server's media counters (/metrics, queqiao_media_*), by name and tags. */
async function mediaMetrics(page: Page): Promise<Record<string, number>> {
  const text = await (await page.request.get('/metrics')).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^queqiao_media_([a-z_]+(?:\{[^}]*\})?) ([0-9.eE+-]+)$/gm)) {
    out[m[1].replace(/"/g, '')] = Number(m[2]);
  }
  return out;
}

function loadAverage(): string {
  return execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
}

test(`quality under loss: three pages, ${RATES.join(' / ')} % loss each way, ${SECONDS} s windows`, async ({ browser }) => {
  expect(NETNS, 'LOSS_NETNS: run this through bench/meeting-loss.sh').not.toBe('');
  const rows: string[] = [];
  let verdict = 'no run at 10 %';
  try {
    for (const percent of RATES) {
      setLoss(percent);
      const r = await meeting(browser, percent);
      rows.push(r.row);
      if (percent === 10) {
        verdict = `at 10 % loss: ${r.pass ? 'MET' : 'NOT MET'} (worst pair ${f1(Math.min(...r.pairs.map((p) => p.decodedPct)))} % decoded, `
          + `${f2(Math.max(...r.pairs.map((p) => p.freezesPerMin)))} freezes/min; goal ≥ 90 %, ≤ 1/min on every pair)`;
      }
      console.log(rows.at(-1));
    }
  } finally {
    setLoss(0);
  }
  console.log('\n| loss each way (end to end) | decoded % median / min | decoded fps median / min | sender fps | freezes/min median / max '
    + '| freeze s/min median / max | video packetsLost % (before RTX repair) | NACK/s | PLI/min | jitter buffer ms | audio concealed % median / max | width px | load avg |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(`\nverdict ${verdict}`);
});
