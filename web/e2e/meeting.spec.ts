import { test } from '@playwright/test';
import {
  addColleague, expect, expectFlowing, expectSilent, joinFromPrejoin, MEDIA_TIMEOUT, mediaBrowser, newPage, openAsGuest, run,
  scheduleAndStart, selfId, signIn, signUpOwner, tileOf,
} from './meeting-helpers';

// Three people in one meeting: the host (who signs up), a colleague (signed in) and a guest (by link).
// Every page decodes video from and receives audio from both others; the host mutes all without
// letting them unmute and their audio stops; a screen share is decoded by the other two; the host ends it.

test.use(mediaBrowser);

test('three people meet: video and audio both ways, mute all, a screen share, and the host ends it', async ({ browser }) => {
  test.setTimeout(300_000);
  const id = run();
  const { page: a } = await newPage(browser);
  const { page: b } = await newPage(browser);
  const { page: c } = await newPage(browser);

  // the host signs up, adds a colleague, schedules a meeting that guests may join, and starts it
  await signUpOwner(a, id, `jia.${id}@meet.example.cn`);
  const emailB = `yi.${id}@meet.example.cn`;
  const password = await addColleague(a, emailB);
  const number = await scheduleAndStart(a, `周会 ${id}`);
  await joinFromPrejoin(a);

  // the colleague joins signed in, by the number
  await signIn(b, emailB, password);
  await b.goto(`/join/${number}`);
  await joinFromPrejoin(b);

  // the guest opens the link signed out and gives a name
  await openAsGuest(c, number, `周会 ${id}`, '访客丙');
  await joinFromPrejoin(c);

  // everyone sees three tiles
  for (const p of [a, b, c]) await expect(p.getByTestId('participant-tile')).toHaveCount(3);
  const [idA, idB, idC] = await Promise.all([selfId(a), selfId(b), selfId(c)]) as string[];
  expect(new Set([idA, idB, idC]).size).toBe(3);
  await expect(tileOf(a, idC)).toContainText('访客丙');

  // each page decodes video from both others and receives their audio
  await Promise.all([
    expectFlowing(a, [idB, idC], ['audio', 'video']),
    expectFlowing(b, [idA, idC], ['audio', 'video']),
    expectFlowing(c, [idA, idB], ['audio', 'video']),
  ]);
  // each page told the server whose cameras it shows (media.view), and the server took it: the video above
  // flowed with the view in force
  await expect.poll(async () => {
    const text = await (await a.request.get('/metrics')).text();
    const m = text.match(/^queqiao_gateway_requests_seconds_count\{[^}]*op="media\.view"[^}]*outcome="ok"[^}]*\} ([0-9.]+)$/m);
    return m ? Number(m[1]) : 0;
  }, { timeout: MEDIA_TIMEOUT }).toBeGreaterThanOrEqual(3);
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
  await expect(tileOf(a, idB)).toHaveAttribute('data-audio', 'false');
  await expect(tileOf(a, idC)).toHaveAttribute('data-audio', 'false');
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
