import type { sectionsOf } from './markup.js';

type Section = ReturnType<typeof sectionsOf>[number];

/**
 * A run of one section on one page; `heading` is null for the opening and for a section's continuation,
 * which names the heading it `continues` so the reader knows where a page picks up.
 */
export interface PagePart {
  index: number;
  heading: string | null;
  continues: string | null;
  paragraphs: string[];
}

/** About what a reader takes in before turning the page: two screens of a laptop, four of a phone. */
export const PAGE_CHARACTERS = 2500;

const sizeOf = (s: Section) => (s.heading?.length ?? 0) + s.paragraphs.reduce((n, p) => n + p.length, 0);

/**
 * Pages of the reader. A section that fits on the page so far stays on it; one that does not starts a new
 * page, unless it is longer than a page itself: then it flows on from where it is (if there is still a
 * third of a page left) and breaks between paragraphs. A paragraph is never split.
 */
export function pagesOf(sections: readonly Section[], budget = PAGE_CHARACTERS): PagePart[][] {
  const pages: PagePart[][] = [];
  let page: PagePart[] = [];
  let used = 0;
  const turn = () => {
    if (page.length > 0) pages.push(page);
    page = [];
    used = 0;
  };
  for (const s of sections) {
    const size = sizeOf(s);
    const room = budget - used;
    if (used > 0 && size > room && (size <= budget || room < budget / 3)) turn();
    let part: PagePart = { index: s.index, heading: s.heading, continues: null, paragraphs: [] };
    page.push(part);
    used += s.heading?.length ?? 0;
    for (const p of s.paragraphs) {
      if (part.paragraphs.length > 0 && used + p.length > budget) {
        turn();
        part = { index: s.index, heading: null, continues: s.heading, paragraphs: [] };
        page.push(part);
      }
      part.paragraphs.push(p);
      used += p.length;
    }
  }
  turn();
  return pages;
}

/** The page (from 1) that holds the heading of the section starting at paragraph `index`. */
export function pageOfSection(pages: readonly PagePart[][], index: number): number {
  const at = pages.findIndex((parts) => parts.some((part) => part.index === index && part.heading !== null));
  return at + 1 || 1;
}
