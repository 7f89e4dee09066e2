import { describe, expect, it } from 'vitest';
import { CAMERA_LAYERS, heightBucket, tileHeights } from './simulcast';

describe('simulcast', () => {
  it('layers go from a quarter to the full picture, each with a bitrate ceiling', () => {
    expect(CAMERA_LAYERS.map((l) => l.rid)).toEqual(['q', 'h', 'f']);
    expect(CAMERA_LAYERS.map((l) => l.scaleResolutionDownBy)).toEqual([4, 2, 1]);
    expect(CAMERA_LAYERS.every((l, i) => i === 0 || l.maxBitrate! > CAMERA_LAYERS[i - 1].maxBitrate!)).toBe(true);
  });

  it('rounds a tile height up to steps of 90 device pixels, within what the server accepts', () => {
    expect(heightBucket(0)).toBe(0);
    expect(heightBucket(1)).toBe(90);
    expect(heightBucket(90)).toBe(90);
    expect(heightBucket(91)).toBe(180);
    expect(heightBucket(150, 2)).toBe(360);
    expect(heightBucket(100_000)).toBe(4320);
    expect(heightBucket(Number.NaN)).toBe(0);
  });

  it('measures the tiles of the cameras shown, leaving out those not laid out', () => {
    document.body.innerHTML = `
      <div data-testid="participant-tile" data-participant-id="a"></div>
      <div data-testid="participant-tile" data-participant-id="b"></div>`;
    const [a, b] = Array.from(document.querySelectorAll('div'));
    a.getBoundingClientRect = () => ({ height: 170 } as DOMRect);
    b.getBoundingClientRect = () => ({ height: 0 } as DOMRect);
    expect(tileHeights(document, ['a', 'b', 'c'], 1)).toEqual({ a: 180 });
    expect(tileHeights(document, ['a'], 2)).toEqual({ a: 360 });
  });
});
