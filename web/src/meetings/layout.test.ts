import { describe, expect, it } from 'vitest';
import { person } from './fixtures.test-util';
import { camerasShown, galleryPage, GALLERY_PAGE_SIZE, pageCount } from './layout';

describe('gallery pages and the cameras they show', () => {
  const people = Array.from({ length: 60 }, (_, i) => person(`p${i}`, { video: i % 2 === 0 }));

  it('pages the gallery 25 at a time, clamping a page that no longer exists', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(25)).toBe(1);
    expect(pageCount(26)).toBe(2);
    expect(pageCount(60)).toBe(3);
    expect(galleryPage(people, 0).map((p) => p.id)).toEqual(people.slice(0, GALLERY_PAGE_SIZE).map((p) => p.id));
    expect(galleryPage(people, 2).map((p) => p.id)).toEqual(['p50', 'p51', 'p52', 'p53', 'p54', 'p55', 'p56', 'p57', 'p58', 'p59']);
    expect(galleryPage(people, 7)).toEqual(galleryPage(people, 2)); // people left while I was on page 8
    expect(galleryPage(people, -1)).toEqual(galleryPage(people, 0));
  });

  it('receives only the cameras on the page that are on, never my own', () => {
    const page = galleryPage(people, 2);
    expect(camerasShown(page, 'p52')).toEqual(['p50', 'p54', 'p56', 'p58']);
    expect(camerasShown([], null)).toEqual([]);
  });
});
