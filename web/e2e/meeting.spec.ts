import { expect as baseExpect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

// Media takes a few seconds to flow (ICE, DTLS, the first keyframe), more on a busy CI machine.
const expect = baseExpect.configure({ timeout: 20_000 });
const MEDIA_TIMEOUT = 45_000;

// Three people in one meeting: the host (who signs up), a colleague (signed in) and a guest (by link).
// Every page decodes video from and receives audio from both others; the host mutes all without
// letting them unmute and their audio stops; a screen share is decoded by the other two; the host ends it.

// Chromium with fake camera, microphone and screen, and no permission prompts.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
test.use({
  launchOptions: {
    executablePath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--auto-select-desktop-capture-source=Entire screen',
      '--autoplay-policy=no-user-gesture-required'],
  },
  permissions: ['camera', 'microphone'],
});

const run = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 5);

/** Every RTCPeerConnection the page makes, kept in window.__pcs so the test can read their getStats(). */
function collectPeerConnections() {
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

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', permissions: ['camera', 'microphone'] });
  await context.addInitScript(collectPeerConnections);
  return { context, page: await context.newPage() };
}

async function signUpOwner(page: Page, id: string, email: string) {
  await page.goto('/signup');
  await page.getByTestId('signup-org').fill(`会议测试 ${id}`);
  await page.getByTestId('signup-name').fill('主持人甲');
  await page.getByTestId('signup-email').fill(email);
  await page.getByTestId('signup-password').fill('correct horse battery');
  await page.getByTestId('signup-submit').click();
  await expect(page.getByTestId('nav-meetings')).toHaveText('会议');
}

/** The owner adds a colleague in the admin UI and hands over the temporary password. */
async function addColleague(page: Page, email: string): Promise<string> {
  await page.getByTestId('nav-admin-members').click();
  await page.getByRole('button', { name: '添加成员' }).click();
  await page.getByLabel('姓名').fill('同事乙');
  await page.getByLabel('邮箱').fill(email);
  await page.getByRole('button', { name: '保存' }).click();
  return (await page.getByTestId('temporary-password').textContent())!.trim();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-meetings')).toBeVisible();
}

/** Through the pre-join check (camera and microphone on) into the room. */
async function joinFromPrejoin(page: Page) {
  await expect(page.getByTestId('prejoin')).toBeVisible();
  // the fake camera shows in the preview before joining
  await expect.poll(() => page.getByTestId('prejoin-video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(0);
  if ((await page.getByTestId('prejoin-mic').getAttribute('aria-pressed')) !== 'true') await page.getByTestId('prejoin-mic').click();
  if ((await page.getByTestId('prejoin-camera').getAttribute('aria-pressed')) !== 'true') await page.getByTestId('prejoin-camera').click();
  await page.getByTestId('prejoin-join').click();
  await expect(page.getByTestId('meeting-room')).toBeVisible();
}

const selfId = (page: Page) => page.locator('[data-testid="participant-tile"][data-self]').getAttribute('data-participant-id');

/** Received media by participant, from getStats() of the page's peer connections: audio packets, decoded frames. */
type Flow = Record<string, { audio: number; video: number; screen: number }>;
async function received(page: Page): Promise<Flow> {
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
async function expectFlowing(page: Page, from: string[], kinds: ('audio' | 'video' | 'screen')[]) {
  let last: Flow = await received(page);
  await expect.poll(async () => {
    const now = await received(page);
    const growing = from.every((id) => kinds.every((k) => (now[id]?.[k] ?? 0) > (last[id]?.[k] ?? 0)));
    last = now;
    return growing;
  }, { timeout: MEDIA_TIMEOUT, intervals: [1_000] }).toBe(true);
}

/** Waits until no audio packet from any of `from` arrives for a whole second. */
async function expectSilent(page: Page, from: string[]) {
  let last: Flow = await received(page);
  await expect.poll(async () => {
    const now = await received(page);
    const silent = from.every((id) => (now[id]?.audio ?? 0) === (last[id]?.audio ?? 0));
    last = now;
    return silent;
  }, { timeout: MEDIA_TIMEOUT, intervals: [1_000] }).toBe(true);
}

test('three people meet: video and audio both ways, mute all, a screen share, and the host ends it', async ({ browser }) => {
  test.setTimeout(300_000);
  const id = run();
  const { page: a } = await newPage(browser);
  const { page: b } = await newPage(browser);
  const { page: c } = await newPage(browser);

  // the host signs up, adds a colleague, and schedules a meeting that guests may join
  await signUpOwner(a, id, `jia.${id}@meet.example.cn`);
  const emailB = `yi.${id}@meet.example.cn`;
  const password = await addColleague(a, emailB);
  await a.getByTestId('nav-meetings').click();
  await a.getByTestId('meeting-schedule').click();
  await a.getByTestId('schedule-title').fill(`周会 ${id}`);
  await a.getByTestId('schedule-allow-guests').check();
  await a.getByTestId('schedule-submit').click();
  const item = a.getByTestId('meeting-item').filter({ hasText: `周会 ${id}` });
  await expect(item).toBeVisible();
  const number = (await item.getAttribute('data-number'))!;
  expect(number).toMatch(/^[1-9]\d{8}$/);
  await expect(item.getByTestId('meeting-item-number')).toHaveText(`${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`);

  // the host starts it
  await item.getByTestId('meeting-start').click();
  await expect(a).toHaveURL(new RegExp(`/join/${number}$`));
  await joinFromPrejoin(a);

  // the colleague joins signed in, by the number
  await signIn(b, emailB, password);
  await b.goto(`/join/${number}`);
  await joinFromPrejoin(b);

  // the guest opens the link signed out and gives a name
  await c.goto(`/join/${number}`);
  await expect(c.getByTestId('join-title')).toHaveText(`周会 ${id}`);
  await c.getByTestId('join-name').fill('访客丙');
  await c.getByTestId('join-continue').click();
  await joinFromPrejoin(c);

  // everyone sees three tiles
  for (const p of [a, b, c]) await expect(p.getByTestId('participant-tile')).toHaveCount(3);
  const [idA, idB, idC] = await Promise.all([selfId(a), selfId(b), selfId(c)]) as string[];
  expect(new Set([idA, idB, idC]).size).toBe(3);
  await expect(a.locator(`[data-testid="participant-tile"][data-participant-id="${idC}"]`)).toContainText('访客丙');

  // each page decodes video from both others and receives their audio
  await Promise.all([
    expectFlowing(a, [idB, idC], ['audio', 'video']),
    expectFlowing(b, [idA, idC], ['audio', 'video']),
    expectFlowing(c, [idA, idB], ['audio', 'video']),
  ]);
  // the video elements really play
  for (const p of [a, b, c]) {
    await expect.poll(() => p.getByTestId('tile-video').evaluateAll((vs: HTMLVideoElement[]) => vs.filter((v) => v.videoWidth > 0).length),
      { timeout: MEDIA_TIMEOUT }).toBe(2);
  }

  // the host mutes all and does not let them unmute themselves
  await a.getByTestId('meeting-participants-toggle').click();
  await expect(a.getByTestId('host-panel')).toBeVisible();
  await a.getByTestId('host-mute-all').click();
  await a.getByTestId('mute-all-allow-unmute').uncheck();
  await a.getByTestId('mute-all-confirm').click();
  for (const p of [b, c]) {
    await expect(p.getByTestId('meeting-mute')).toHaveAttribute('aria-pressed', 'true');
    await expect(p.getByTestId('meeting-mute')).toBeDisabled();
    await expect(p.getByTestId('unmute-blocked')).toBeVisible();
    await expect(p.getByTestId('muted-by-host')).toBeVisible();
  }
  await expect(a.locator(`[data-testid="participant-tile"][data-participant-id="${idB}"]`)).toHaveAttribute('data-audio', 'false');
  await expect(a.locator(`[data-testid="participant-tile"][data-participant-id="${idC}"]`)).toHaveAttribute('data-audio', 'false');
  // their audio stops everywhere; their video goes on
  await Promise.all([expectSilent(a, [idB, idC]), expectSilent(b, [idC]), expectSilent(c, [idB])]);
  await expectFlowing(a, [idB, idC], ['video']);

  // the colleague shares the screen; the other two decode it
  await b.getByTestId('meeting-share').click();
  await expect(b.getByTestId('meeting-share')).toHaveAttribute('aria-pressed', 'true');
  for (const p of [a, c]) {
    await expect(p.getByTestId('screen-share')).toHaveAttribute('data-participant-id', idB);
    await expect.poll(() => p.getByTestId('screen-share-video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(0);
  }
  await Promise.all([expectFlowing(a, [idB], ['screen']), expectFlowing(c, [idB], ['screen'])]);
  // one sharer at a time: the others' share button is disabled
  await expect(c.getByTestId('meeting-share')).toBeDisabled();

  // the host ends the meeting for everyone
  await a.getByTestId('meeting-end').click();
  await a.getByTestId('meeting-end-confirm').click();
  for (const p of [a, b, c]) await expect(p.getByTestId('meeting-over')).toHaveAttribute('data-phase', 'ended');
});
