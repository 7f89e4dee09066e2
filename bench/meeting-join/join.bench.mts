// Join time in Chromium: join pressed → first remote video frame decoded (bench/meeting-join.sh).
//
// A host is in a meeting sending camera and microphone. A colleague (signed in, so no guest session in
// the way) opens the meeting, waits at the device check until the preview shows and its WebSocket is
// ready, and presses Join; then leaves, and does it again, JOIN_RUNS times. Everything is timed in the
// joining page (performance.now()), from the click itself (a capture listener on the document):
//
//   join     meeting.join answered                 sub      media.subscribe answered (the server's offer)
//   pub      media.publish answered                answer   media.answer sent (offer applied, answer made)
//   ice      subscribe connection `connected` (ICE + DTLS)   pubIce  the same for the publish connection
//   decoded  first video frame decoded: getStats() framesDecoded > 0 on the subscribe connection, polled every 10 ms
//   shown    first frame presented: requestVideoFrameCallback on the host's <video>   ← the figure
import {
  addColleague, expect, mediaBrowser, newPage, readyToJoin, run, scheduleAndStart, joinFromPrejoin, selfId, signIn, signUpOwner, test,
} from '../../web/e2e/meeting-helpers';

test.use(mediaBrowser);

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const RUNS = Number(env.JOIN_RUNS ?? 10);

/** In the page, before anything loads: times of WebSocket requests and answers, and of peer connection events. */
function instrument() {
  const w = window as unknown as { __bench: Bench };
  type Bench = { ready: number; sent: Record<string, { op: string; at: number }>; answered: Record<string, number>; pcs: { pc: RTCPeerConnection; created: number; connected: number; track: number }[] };
  const bench: Bench = { ready: 0, sent: {}, answered: {}, pcs: [] };
  w.__bench = bench;
  const NativeWs = window.WebSocket;
  window.WebSocket = class extends NativeWs {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (e) => {
        try {
          const f = JSON.parse(String(e.data));
          if (f.t === 'ready') bench.ready = performance.now();
          else if (f.t === 'res') bench.answered[f.id] = performance.now();
        } catch { /* not ours */ }
      });
    }
    send(data: string) {
      try {
        const f = JSON.parse(data);
        if (f.t === 'req') bench.sent[f.id] = { op: f.op, at: performance.now() };
      } catch { /* not ours */ }
      super.send(data);
    }
  } as typeof WebSocket;
  const NativePc = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePc {
    constructor(config?: RTCConfiguration) {
      super(config);
      const rec = { pc: this as RTCPeerConnection, created: performance.now(), connected: 0, track: 0 };
      bench.pcs.push(rec);
      this.addEventListener('connectionstatechange', () => { if (this.connectionState === 'connected' && !rec.connected) rec.connected = performance.now(); });
      this.addEventListener('track', (e) => { if (e.track.kind === 'video' && !rec.track) rec.track = performance.now(); });
    }
  } as typeof RTCPeerConnection;
}

type Timeline = Record<'joinSent' | 'join' | 'pub' | 'pubIce' | 'sub' | 'answer' | 'ice' | 'track' | 'decoded' | 'shown', number>;

/** In the page: from the next click on Join, wait for the host's first frame; → times relative to the click. */
function watchJoin(hostId: string): Promise<Timeline> {
  type Bench = { sent: Record<string, { op: string; at: number }>; answered: Record<string, number>; pcs: { pc: RTCPeerConnection; created: number; connected: number; track: number }[] };
  const bench = (window as unknown as { __bench: Bench }).__bench;
  return new Promise((resolve) => {
    let t0 = 0, decoded = 0, shown = 0;
    document.addEventListener('click', (e) => {
      if (!t0 && (e.target as HTMLElement).closest('[data-testid="prejoin-join"]')) t0 = performance.now();
    }, { capture: true });
    const pcsBefore = bench.pcs.length;
    const poll = setInterval(async () => {
      if (!t0) return;
      const mine = bench.pcs.slice(pcsBefore);
      const sub = mine[1]?.pc; // MediaSession makes publish, then subscribe
      if (sub && !decoded) {
        (await sub.getStats()).forEach((s: Record<string, unknown>) => {
          if (!decoded && s.type === 'inbound-rtp' && s.kind === 'video' && Number(s.framesDecoded) > 0) decoded = performance.now();
        });
      }
      const v = document.querySelector<HTMLVideoElement & { __watched?: boolean }>(`[data-testid="tile-video"][data-participant-id="${hostId}"]`);
      if (v && !v.__watched) {
        v.__watched = true;
        v.requestVideoFrameCallback(() => { shown = performance.now(); });
      }
      if (shown && (decoded || performance.now() - shown > 1_000)) {
        clearInterval(poll);
        {
          const op = (name: string, edge: 'sent' | 'answered') => {
            for (const [id, s] of Object.entries(bench.sent)) {
              if (s.op !== name || s.at < t0) continue;
              const at = edge === 'sent' ? s.at : bench.answered[id];
              return at ? at - t0 : NaN;
            }
            return NaN;
          };
          const rel = (t: number | undefined) => (t ? t - t0 : NaN);
          resolve({
            join: op('meeting.join', 'answered'), pub: op('media.publish', 'answered'), sub: op('media.subscribe', 'answered'),
            answer: op('media.answer', 'sent'), ice: rel(mine[1]?.connected), track: rel(mine[1]?.track),
            decoded: rel(decoded || undefined), shown: shown - t0, pubIce: rel(mine[0]?.connected), joinSent: op('meeting.join', 'sent'),
          });
        }
      }
    }, 10);
  });
}

/** The server's count of DTLS datagrams dropped (from an address with no DTLS session yet), from /metrics. */
async function dtlsDropped(page: import('@playwright/test').Page): Promise<number> {
  const text = await (await page.request.get('/metrics')).text();
  const m = text.match(/queqiao_media_dropped_total\{[^}]*reason="dtls"[^}]*\} ([0-9.]+)/);
  return m ? Number(m[1]) : NaN;
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const median = (xs: number[]) => { const s = [...xs].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

test(`join time: join pressed → first remote video frame, ${RUNS} runs`, async ({ browser }) => {
  const id = run();
  const { page: host } = await newPage(browser);
  const { context, page } = await newPage(browser);
  await context.addInitScript(instrument);

  await signUpOwner(host, id, `jia.${id}@bench.example.cn`);
  const email = `yi.${id}@bench.example.cn`;
  const password = await addColleague(host, email);
  const number = await scheduleAndStart(host, `测速 ${id}`);
  await joinFromPrejoin(host);
  const hostId = (await selfId(host))!;
  await signIn(page, email, password);

  const rows: Timeline[] = [];
  for (let i = 1; i <= RUNS; i++) {
    await page.goto(`/join/${number}`);
    await readyToJoin(page);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __bench: { ready: number } }).__bench.ready)).toBeGreaterThan(0);
    const droppedBefore = await dtlsDropped(page);
    const timeline = page.evaluate(watchJoin, hostId);
    await page.getByTestId('prejoin-join').click();
    const t = await Promise.race([timeline, page.waitForTimeout(30_000).then(() => { throw new Error(`run ${i}: no frame from the host within 30 s`); })]);
    rows.push(t);
    const f = (x: number) => (Number.isNaN(x) ? '–' : String(Math.round(x)));
    const dropped = await dtlsDropped(page) - droppedBefore;
    console.log(`run ${String(i).padStart(2)}: ${f(t.shown)} ms  (join sent ${f(t.joinSent)}, answered ${f(t.join)}; subscribe ${f(t.sub)}, answer sent ${f(t.answer)}, `
      + `ICE+DTLS ${f(t.ice)}; publish ${f(t.pub)}, ICE+DTLS ${f(t.pubIce)}; track ${f(t.track)}, decoded ${f(t.decoded)}, shown ${f(t.shown)}; `
      + `DTLS datagrams the server dropped ${dropped})`);
    await page.getByTestId('meeting-leave').click();
    await expect(page.getByTestId('meeting-over')).toBeVisible();
  }
  const col = (k: keyof Timeline) => rows.map((r) => r[k]).filter((x) => !Number.isNaN(x));
  const shown = col('shown');
  console.log(`join → first frame shown: median ${Math.round(median(shown))} ms, p90 ${Math.round(pct(shown, 90))} ms, max ${Math.round(Math.max(...shown))} ms (${shown.length} runs)`);
  console.log('medians after the click: ' + (['joinSent', 'join', 'sub', 'answer', 'ice', 'pub', 'pubIce', 'track', 'decoded', 'shown'] as const)
    .map((k) => `${k} ${Math.round(median(col(k)))}`).join(', ') + ' ms');
});
