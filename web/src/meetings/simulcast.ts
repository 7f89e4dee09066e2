// Simulcast (ADR 0009 §14): the camera is sent as three layers — a quarter, half and the full
// resolution — and the SFU forwards each receiver the smallest layer that fills the tile it shows that
// camera in. A receiver of a 5 × 5 gallery gets 180p thumbnails instead of 25 full pictures; the speaker
// view's large tile gets the full one. The browser drops the top layers by itself when its uplink is short.

/** rid, scale and ceiling of each layer, lowest first (the order the server answers and numbers them in). */
export const CAMERA_LAYERS: readonly RTCRtpEncodingParameters[] = [
  { rid: 'q', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'f', scaleResolutionDownBy: 1, maxBitrate: 1_500_000 },
];

/** Heights are sent in steps of this many device pixels, so that a window resized by a few pixels says nothing. */
const STEP = 90;
/** What the server accepts (media.view). */
const MAX_HEIGHT = 4320;

/** A tile's height in device pixels, rounded up to the next step; 0 for a tile not laid out (hidden). */
export function heightBucket(cssPixels: number, devicePixelRatio = 1): number {
  const px = Math.ceil(cssPixels * devicePixelRatio);
  if (!(px > 0)) return 0;
  return Math.min(MAX_HEIGHT, Math.ceil(px / STEP) * STEP);
}

/**
 * How tall each participant's camera tile is under `root` (tiles carry `data-participant-id`), in device
 * pixels by {@link heightBucket}; tiles not laid out are left out (the server then sends the largest layer).
 */
export function tileHeights(root: ParentNode, ids: readonly string[], devicePixelRatio = 1): Record<string, number> {
  const wanted = new Set(ids);
  const out: Record<string, number> = {};
  root.querySelectorAll<HTMLElement>('[data-testid="participant-tile"]').forEach((tile) => {
    const id = tile.dataset.participantId;
    if (!id || !wanted.has(id)) return;
    const h = heightBucket(tile.getBoundingClientRect().height, devicePixelRatio);
    if (h > 0) out[id] = Math.max(out[id] ?? 0, h);
  });
  return out;
}
