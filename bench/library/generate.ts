/**
 * 公文-like materials for the library benchmark: an order-1 Markov chain over the jieba words of
 * ../shared/corpus/official-texts, so word frequencies and phrasing follow real official texts.
 * Deterministic (seeded) so runs compare. A few rare words are planted in a known number of materials.
 */
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Jieba } from '@node-rs/jieba';
import { MATERIAL_TYPES, SUGGESTED_TOPICS } from '../../shared/src/library.js';
import type { SearchDocument } from '../../server/src/modules/library/search/index.js';

const require = createRequire(import.meta.url);

/** Words planted in a handful of materials each: the "rare word" queries. */
export const RARE_WORDS = ['低空经济示范区', '数据要素流通', '银发经济', '海绵城市改造', '首发经济'];
const RARE_SHARE = 0.0005;

/** mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Chain {
  next: Map<string, string[]>;
  starts: string[];
}

const END = /^[。！？；]$/u;

export function buildChain(corpusDir: string): Chain {
  const { Jieba: JiebaClass } = require('@node-rs/jieba') as { Jieba: typeof Jieba };
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const jieba = JiebaClass.withDict(dict);
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(corpusDir, file), 'utf8');
    for (const line of text.split('\n')) {
      const words = jieba.cut(line.trim(), false).filter((w) => w.trim() !== '');
      if (words.length < 4) continue;
      let atStart = true;
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        if (atStart && /\p{Script=Han}/u.test(w)) starts.push(w);
        atStart = END.test(w);
        const following = words[i + 1];
        if (following !== undefined) {
          const list = next.get(w);
          if (list) list.push(following);
          else next.set(w, [following]);
        }
      }
    }
  }
  return { next, starts };
}

export interface Generator {
  material(id: number, total: number): SearchDocument;
}

export function generator(chain: Chain, seed = 2026): Generator {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

  function sentence(maxChars: number): string {
    let word = pick(chain.starts);
    let out = '';
    while (out.length < maxChars) {
      out += word;
      if (END.test(word) && out.length > 20) return out;
      const options = chain.next.get(word);
      word = options ? pick(options) : '。';
    }
    return `${out}。`;
  }

  function paragraph(chars: number): string {
    let out = '';
    while (out.length < chars) out += sentence(120);
    return out;
  }

  const end = new Date('2026-11-01T00:00:00Z').getTime();
  const span = 5 * 365 * 86_400_000;
  return {
    material(id, total) {
      const paragraphs: string[] = [];
      let length = 0;
      const target = 2_600 + Math.floor(rand() * 800);
      while (length < target) {
        const p = paragraph(120 + Math.floor(rand() * 250));
        paragraphs.push(p);
        length += p.length;
      }
      for (const rare of RARE_WORDS)
        if (rand() < RARE_SHARE) {
          const at = Math.floor(rand() * paragraphs.length);
          paragraphs[at] = `${paragraphs[at]!.slice(0, 40)}推进${rare}建设，${paragraphs[at]!.slice(40)}`;
        }
      const type = pick(MATERIAL_TYPES);
      const subject = sentence(18)
        .replace(/[，。！？；、：“”]/gu, '')
        .slice(0, 16);
      return {
        materialId: id,
        title: `关于${subject}的${type}`,
        body: paragraphs.join('\n'),
        notes: `导读：${sentence(80)}`,
        type,
        topics: [pick(SUGGESTED_TOPICS), ...(rand() < 0.3 ? [pick(SUGGESTED_TOPICS)] : [])],
        tier: rand() < 0.3 ? 'free' : 'member',
        // Ascending with the id, as materials are published over five years.
        publishedAt: new Date(end - span + Math.floor((span * id) / total)).toISOString(),
      };
    },
  };
}
