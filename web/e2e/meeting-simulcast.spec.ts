import { test, type Page } from '@playwright/test';
import {
  addColleague, expect, joinFromPrejoin, MEDIA_TIMEOUT, mediaBrowser, newPage, run, scheduleAndStart, selfId, signIn, signUpOwner,
} from './meeting-helpers';

// Simulcast (ADR 0009 §14): the host's camera goes out as three layers, and each receiver gets the layer
// that fits the tile it shows the camera in — a small window the quarter-resolution one, a large window a
// larger one — switched at a keyframe without the picture stopping.

test.use(mediaBrowser);

/** The rids the page is sending with frames encoded, from its publish connection's getStats(). */
async function layersSent(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const out: Record<string, number> = {};
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s: Record<string, unknown>) => {
        if (s.type === 'outbound-rtp' && s.kind === 'video' && typeof s.rid === 'string') out[s.rid] = Number(s.framesEncoded ?? 0);
      });
    }
    return out;
  });
}

/** The remote camera the page receives: the height of its frames and how many it has decoded. */
async function cameraReceived(page: Page): Promise<{ height: number; decoded: number }> {
  return page.evaluate(async () => {
    const video = document.querySelector<HTMLElement>('[data-testid="tile-video"]');
    let found = { height: 0, decoded: 0 };
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s: Record<string, unknown>) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video' && s.trackIdentifier === video?.dataset.trackId) {
          found = { height: Number(s.frameHeight ?? 0), decoded: Number(s.framesDecoded ?? 0) };
        }
      });
    }
    return found;
  });
}

test('a small window gets the low layer of a camera, a large one a larger layer, and the picture goes on', async ({ browser }) => {
  test.setTimeout(180_000);
  const id = run();
  const { page: a } = await newPage(browser);
  const { page: b } = await newPage(browser);
  await signUpOwner(a, id, `jia.${id}@simulcast.example.cn`);
  const emailB = `yi.${id}@simulcast.example.cn`;
  const password = await addColleague(a, emailB);
  const number = await scheduleAndStart(a, `分层 ${id}`);
  await joinFromPrejoin(a);
  await b.setViewportSize({ width: 480, height: 360 }); // a phone-sized window: two small tiles
  await signIn(b, emailB, password);
  await b.goto(`/join/${number}`);
  await joinFromPrejoin(b);
  await expect(b.getByTestId('participant-tile')).toHaveCount(2);
  expect(await selfId(a)).toBeTruthy();

  // the host's browser encodes three layers
  await expect.poll(async () => Object.values(await layersSent(a)).filter((frames) => frames > 0).length,
    { timeout: MEDIA_TIMEOUT }).toBeGreaterThanOrEqual(2);
  expect(Object.keys(await layersSent(a)).sort()).toEqual(['f', 'h', 'q']);

  // the small window decodes the quarter-resolution layer (720p / 4)
  await expect.poll(async () => (await cameraReceived(b)).height, { timeout: MEDIA_TIMEOUT }).toBe(180);

  // a large window: the tile is several times taller, and a larger layer comes, the picture never stopping
  await b.setViewportSize({ width: 1600, height: 1000 });
  await expect.poll(async () => (await cameraReceived(b)).height, { timeout: MEDIA_TIMEOUT }).toBeGreaterThanOrEqual(360);
  const before = (await cameraReceived(b)).decoded;
  await expect.poll(async () => (await cameraReceived(b)).decoded, { timeout: 10_000 }).toBeGreaterThan(before + 10);

  // small again: back to the low layer
  await b.setViewportSize({ width: 480, height: 360 });
  await expect.poll(async () => (await cameraReceived(b)).height, { timeout: MEDIA_TIMEOUT }).toBe(180);
});
