import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RoomContext } from './context';
import { FakeMedia, FakeRt, track } from './fakes.test-util';
import { meeting, person } from './fixtures.test-util';
import { MeetingRoom } from './room';
import { Stage } from './Stage';
import type { ViewMode } from './layout';

afterEach(cleanup);

/** A joined room of 60: me, then 59 others with their cameras on, except every tenth. */
async function room60() {
  const self = person('me');
  const others = Array.from({ length: 59 }, (_, i) => person(`p${i + 1}`, { video: (i + 1) % 10 !== 0 }));
  const rt = new FakeRt().on('meeting.join', () => ({ status: 'joined', meeting: meeting(), self, participants: [self, ...others] }));
  const media = new FakeMedia();
  // my camera off: no video element (jsdom plays none); the others' tiles have no tracks here anyway
  const room = new MeetingRoom({ rt, meetingId: 'm1', microphone: track('audio'), camera: null, audio: true, video: false, media: () => media });
  await room.start();
  return { room, media };
}

const ui = (room: MeetingRoom, mode: ViewMode) => <RoomContext.Provider value={room}><Stage mode={mode} speakerId="" /></RoomContext.Provider>;
const tiles = () => screen.getAllByTestId('participant-tile').map((t) => t.dataset.participantId);

describe('the stage receives only the cameras it shows', () => {
  it('pages the gallery 25 at a time and asks for the cameras of the page on screen', async () => {
    const { room, media } = await room60();
    render(ui(room, 'gallery'));
    expect(tiles()).toHaveLength(25);
    expect(screen.getByTestId('gallery-page').textContent).toBe('1 / 3');
    const withCamera = (ids: (string | undefined)[]) => ids.filter((id) => id !== 'me' && Number(id!.slice(1)) % 10 !== 0).sort();
    const page1 = tiles();
    expect([...media.shown.at(-1)!].sort()).toEqual(withCamera(page1)); // the page's cameras that are on, not mine
    expect(media.shown.at(-1)!.length).toBeGreaterThanOrEqual(20);

    act(() => { fireEvent.click(screen.getByTestId('gallery-next')); });
    const page2 = tiles();
    expect(page2.filter((id) => page1.includes(id))).toEqual([]);
    expect([...media.shown.at(-1)!].sort()).toEqual(withCamera(page2));
    act(() => { fireEvent.click(screen.getByTestId('gallery-next')); });
    expect(tiles()).toHaveLength(10);
    expect((screen.getByTestId('gallery-next') as HTMLButtonElement).disabled).toBe(true);
    expect(new Set([...page1, ...page2, ...tiles()]).size).toBe(60);
  });

  it('in the speaker view: the stage and a strip of eight, the rest counted', async () => {
    const { room, media } = await room60();
    render(ui(room, 'speaker'));
    expect(tiles()).toHaveLength(9); // the stage and a strip of eight
    expect(screen.getByTestId('strip-more').textContent).toBe('+51'); // 59 beside the stage, me among them
    const shown = tiles().filter((id) => id !== 'me' && Number(id!.slice(1)) % 10 !== 0).sort();
    expect([...media.shown.at(-1)!].sort()).toEqual(shown);
  });
});
