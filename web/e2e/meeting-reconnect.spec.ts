import { test } from '@playwright/test';
import {
  expect, expectFlowing, joinFromPrejoin, mediaBrowser, newPage, openAsGuest, received, run, scheduleAndStart, selfId,
  signUpOwner, tileOf,
} from './meeting-helpers';
import { dropUdp, icePorts, proxyGatewayOf, requireFirewall, type CuttableProxy } from './network-cut';

// Three people in a meeting with media flowing; one of them (a guest) loses the network for 4 s: its
// WebSocket is reset (new ones refused, the browser offline) and its WebRTC UDP dropped both ways. The
// other two see it reconnecting; within 10 s of the network coming back it is the same participant,
// connected, with audio and video flowing to and from it — and still flowing once its client has
// renegotiated after joining again.

test.use(mediaBrowser);

const CUT_MS = 4_000;
const BACK_WITHIN_MS = 10_000;

/** Names what did not happen in time. */
const within = (what: string, p: Promise<unknown>) => p.catch((e: Error) => { throw new Error(`${what}: ${e.message}`); });

test('a page whose connection is cut for 4 s comes back within 10 s, and the others see it reconnecting', async ({ browser }) => {
  test.setTimeout(150_000);
  requireFirewall();
  const id = run();
  const title = `断线 ${id}`;
  const { page: a } = await newPage(browser);
  const { page: b } = await newPage(browser);
  const { context: cContext, page: c } = await newPage(browser);
  let proxy: CuttableProxy | null = null;
  let undoUdp: (() => void) | null = null;
  try {
    proxy = await proxyGatewayOf(c);
    // the subscribe answers the cut page sends (its renegotiation after joining again)
    let answers = 0;
    c.on('websocket', (ws) => ws.on('framesent', (f) => { if (String(f.payload).includes('"op":"media.answer"')) answers++; }));

    await signUpOwner(a, id, `jia.${id}@reconnect.example.cn`);
    const number = await scheduleAndStart(a, title);
    await joinFromPrejoin(a);
    await openAsGuest(b, number, title, '访客乙');
    await joinFromPrejoin(b);
    await openAsGuest(c, number, title, '访客丙');
    await joinFromPrejoin(c);
    for (const p of [a, b, c]) await expect(p.getByTestId('participant-tile')).toHaveCount(3);
    const [idA, idB, idC] = await Promise.all([selfId(a), selfId(b), selfId(c)]) as string[];

    // media flows to and from the page about to be cut
    await Promise.all([
      expectFlowing(a, [idC], ['audio', 'video']),
      expectFlowing(b, [idC], ['video']),
      expectFlowing(c, [idA, idB], ['audio', 'video']),
    ]);

    // the cut
    const ports = await icePorts(c);
    expect(ports.local.length, `ICE ports of the guest's two connections: ${JSON.stringify(ports)}`).toBe(2);
    const cutAt = Date.now();
    undoUdp = dropUdp(ports.local, ports.remote);
    proxy.sever();
    await cContext.setOffline(true);

    // the others see it reconnecting, and so does it; its video stops reaching them
    await Promise.all([a, b].map((p) => expect(tileOf(p, idC).getByTestId('tile-reconnecting')).toBeVisible({ timeout: CUT_MS })));
    await expect(tileOf(a, idC)).toHaveAttribute('data-connection', 'reconnecting');
    await expect(c.getByTestId('meeting-reconnecting')).toBeVisible({ timeout: CUT_MS });
    const frozen = (await received(a))[idC]?.video ?? 0;
    const untilRestore = cutAt + CUT_MS - Date.now();
    if (untilRestore > 0) await a.waitForTimeout(untilRestore); // the length of the outage, not a wait for a result
    expect((await received(a))[idC]?.video ?? 0, 'no video from the cut page while cut').toBeLessThanOrEqual(frozen + 2);

    // the network comes back
    const answersBefore = answers;
    undoUdp();
    proxy.restore();
    await cContext.setOffline(false);
    const restoredAt = Date.now();
    const left = () => Math.max(1_000, restoredAt + BACK_WITHIN_MS - Date.now());

    // within 10 s: the same participant, connected, media both ways again
    await Promise.all([
      within('the host sees the guest connected', expect(tileOf(a, idC)).toHaveAttribute('data-connection', 'connected', { timeout: left() })),
      within('the other guest sees it connected', expect(tileOf(b, idC)).toHaveAttribute('data-connection', 'connected', { timeout: left() })),
      within('the guest is not reconnecting', expect(c.getByTestId('meeting-reconnecting')).toBeHidden({ timeout: left() })),
      within('its audio and video reach the host', expectFlowing(a, [idC], ['audio', 'video'], { timeout: left(), interval: 250 })),
      within('its video reaches the other guest', expectFlowing(b, [idC], ['video'], { timeout: left(), interval: 250 })),
      within('it receives both others', expectFlowing(c, [idA, idB], ['audio', 'video'], { timeout: left(), interval: 250 })),
    ]);
    const back = Date.now() - restoredAt;
    console.log(`reconnect: connected with media both ways ${back} ms after the network came back`);
    expect(back).toBeLessThanOrEqual(BACK_WITHIN_MS);
    for (const p of [a, b, c]) await expect(p.getByTestId('participant-tile')).toHaveCount(3);
    expect(await selfId(c)).toBe(idC);

    // its client renegotiated after joining again (a new subscribe offer answered): media still flows both ways
    await expect.poll(() => answers, { timeout: 15_000 }).toBeGreaterThan(answersBefore);
    await expect.poll(() => c.evaluate(() => (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs
      .filter((pc) => pc.connectionState !== 'closed').every((pc) => pc.signalingState === 'stable'))).toBe(true);
    await Promise.all([
      within('after renegotiating it still receives video', expectFlowing(c, [idA, idB], ['video'], { timeout: 10_000, interval: 500 })),
      within('after renegotiating its video still reaches the host', expectFlowing(a, [idC], ['video'], { timeout: 10_000, interval: 500 })),
    ]);
  } finally {
    undoUdp?.();
    await proxy?.close();
  }
});
