// Shared by the meeting specs (meeting.spec.ts, meeting-reconnect.spec.ts) and the join-time benchmark
// (bench/meeting-join): Chromium with fake devices, pages whose RTCPeerConnections the test can read,
// sign-up and sign-in, scheduling a meeting, joining it, and received media from getStats().
import { expect as baseExpect, type Browser, type BrowserContext, type Page } from '@playwright/test';

// re-exported for the benchmark under bench/, which has no node_modules of its own to import it from
export { test } from '@playwright/test';

// Media takes a few seconds to flow (ICE, DTLS, the first keyframe), more on a busy CI machine.
export const expect = baseExpect.configure({ timeout: 20_000 });
export const MEDIA_TIMEOUT = 45_000;

export const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};

/** For test.use(): Chromium with fake camera, microphone and screen, and no permission prompts. */
export const mediaBrowser = {
  launchOptions: {
    executablePath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--auto-select-desktop-capture-source=Entire screen',
      '--autoplay-policy=no-user-gesture-required'],
  },
  permissions: ['camera', 'microphone'],
};

export const run = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 5);

/** Every RTCPeerConnection the page makes, kept in window.__pcs so the test can read their getStats(). */
export function collectPeerConnections() {
  const Native = window.RTCPeerConnection;
  const all: RTCPeerConnection[] = [];
  (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs = all;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      all.push(this);
    }
  } as typeof RTCPeerConnection;
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', permissions: ['camera', 'microphone'] });
  await context.addInitScript(collectPeerConnections);
  return { context, page: await context.newPage() };
}

export async function signUpOwner(page: Page, id: string, email: string) {
  await page.goto('/signup');
  await page.getByTestId('signup-org').fill(`会议测试 ${id}`);
  await page.getByTestId('signup-name').fill('主持人甲');
  await page.getByTestId('signup-email').fill(email);
  await page.getByTestId('signup-password').fill('correct horse battery');
  await page.getByTestId('signup-submit').click();
  await expect(page.getByTestId('nav-meetings')).toHaveText('会议');
}

/** The owner adds a colleague in the admin UI and hands over the temporary password. */
export async function addColleague(page: Page, email: string): Promise<string> {
  await page.getByTestId('nav-admin-members').click();
  await page.getByRole('button', { name: '添加成员' }).click();
  await page.getByLabel('姓名').fill('同事乙');
  await page.getByLabel('邮箱').fill(email);
  await page.getByRole('button', { name: '保存' }).click();
  return (await page.getByTestId('temporary-password').textContent())!.trim();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-meetings')).toBeVisible();
}

/** The signed-in owner schedules a meeting that guests may join, opens it and is at the device check; → its number. */
export async function scheduleAndStart(page: Page, title: string): Promise<string> {
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-schedule').click();
  await page.getByTestId('schedule-title').fill(title);
  await page.getByTestId('schedule-allow-guests').check();
  await page.getByTestId('schedule-submit').click();
  const item = page.getByTestId('meeting-item').filter({ hasText: title });
  await expect(item).toBeVisible();
  const number = (await item.getAttribute('data-number'))!;
  expect(number).toMatch(/^[1-9]\d{8}$/);
  await expect(item.getByTestId('meeting-item-number')).toHaveText(`${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`);
  await item.getByTestId('meeting-start').click();
  await expect(page).toHaveURL(new RegExp(`/join/${number}$`));
  return number;
}

/** A signed-out page opens the meeting link and gives a name; it is at the device check then. */
export async function openAsGuest(page: Page, number: string, title: string, name: string) {
  await page.goto(`/join/${number}`);
  await expect(page.getByTestId('join-title')).toHaveText(title);
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-continue').click();
}

/** At the device check: camera and microphone on, once the fake camera shows in the preview. */
export async function readyToJoin(page: Page) {
  await expect(page.getByTestId('prejoin')).toBeVisible();
  await expect.poll(() => page.getByTestId('prejoin-video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(0);
  if ((await page.getByTestId('prejoin-mic').getAttribute('aria-pressed')) !== 'true') await page.getByTestId('prejoin-mic').click();
  if ((await page.getByTestId('prejoin-camera').getAttribute('aria-pressed')) !== 'true') await page.getByTestId('prejoin-camera').click();
}

/** Through the pre-join check (camera and microphone on) into the room. */
export async function joinFromPrejoin(page: Page) {
  await readyToJoin(page);
  await page.getByTestId('prejoin-join').click();
  // joining waits for the realtime connection and meeting.join: seconds on a CI machine at load 30+
  await expect(page.getByTestId('meeting-room')).toBeVisible({ timeout: MEDIA_TIMEOUT });
}

export const selfId = (page: Page) => page.locator('[data-testid="participant-tile"][data-self]').getAttribute('data-participant-id');

export const tileOf = (page: Page, participantId: string) => page.locator(`[data-testid="participant-tile"][data-participant-id="${participantId}"]`);

/** Received media by participant, from getStats() of the page's peer connections: audio packets, decoded frames. */
export type Flow = Record<string, { audio: number; video: number; screen: number }>;
export async function received(page: Page): Promise<Flow> {
  return page.evaluate(async () => {
    const byTrack = new Map<string, { packets: number; frames: number }>();
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s: Record<string, unknown>) => {
        if (s.type === 'inbound-rtp' && typeof s.trackIdentifier === 'string') {
          byTrack.set(s.trackIdentifier, { packets: Number(s.packetsReceived ?? 0), frames: Number(s.framesDecoded ?? 0) });
        }
      });
    }
    // the room marks each remote <audio>/<video> with its participant and the receiver track's id
    const out: Record<string, { audio: number; video: number; screen: number }> = {};
    const slot = (id: string) => (out[id] ??= { audio: 0, video: 0, screen: 0 });
    document.querySelectorAll<HTMLElement>('[data-testid="remote-audio"]').forEach((el) => {
      slot(el.dataset.participantId!).audio = byTrack.get(el.dataset.trackId!)?.packets ?? 0;
    });
    document.querySelectorAll<HTMLElement>('[data-testid="tile-video"], [data-testid="screen-share-video"]').forEach((el) => {
      const kind = el.dataset.source === 'screen' ? 'screen' : 'video';
      slot(el.dataset.participantId!)[kind] = byTrack.get(el.dataset.trackId!)?.frames ?? 0;
    });
    return out;
  });
}

/** Waits until each named kind of media from each of `from` grows between two readings. */
export async function expectFlowing(page: Page, from: string[], kinds: ('audio' | 'video' | 'screen')[],
  { timeout = MEDIA_TIMEOUT, interval = 1_000 } = {}) {
  let last: Flow = await received(page);
  await expect.poll(async () => {
    const now = await received(page);
    const growing = from.every((id) => kinds.every((k) => (now[id]?.[k] ?? 0) > (last[id]?.[k] ?? 0)));
    last = now;
    return growing;
  }, { timeout, intervals: [interval] }).toBe(true);
}

/** Waits until no audio packet from any of `from` arrives for a whole second. */
export async function expectSilent(page: Page, from: string[]) {
  let last: Flow = await received(page);
  await expect.poll(async () => {
    const now = await received(page);
    const silent = from.every((id) => (now[id]?.audio ?? 0) === (last[id]?.audio ?? 0));
    last = now;
    return silent;
  }, { timeout: MEDIA_TIMEOUT, intervals: [1_000] }).toBe(true);
}
