import { createRequire } from 'node:module';
import type { Jieba as JiebaType, TfIdf as TfIdfType } from '@node-rs/jieba';

/**
 * jieba does what it is good at here: relevance (is the query a whole word where it stands?) and
 * keywords for "similar materials". It never decides what a query finds: the bigram index does.
 * Loading the dictionaries takes most of a second, so it happens on first use.
 */
const require = createRequire(import.meta.url);
let loaded: { jieba: JiebaType; tfidf: TfIdfType } | null = null;

function segmenter(): { jieba: JiebaType; tfidf: TfIdfType } {
  if (!loaded) {
    const { Jieba, TfIdf } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict, idf } = require('@node-rs/jieba/dict') as { dict: Uint8Array; idf: Uint8Array };
    loaded = { jieba: Jieba.withDict(dict), tfidf: TfIdf.withDict(idf) };
  }
  return loaded;
}

export interface WeightedKeyword {
  keyword: string;
  weight: number;
}

/** Keywords of at least two characters: single characters say little about what a text is about. */
export function keywordsOf(text: string, count = 20): WeightedKeyword[] {
  const { jieba, tfidf } = segmenter();
  return tfidf
    .extractKeywords(jieba, text, count * 2)
    .filter((k) => Array.from(k.keyword).length >= 2 && /\p{L}/u.test(k.keyword))
    .slice(0, count)
    .map((k) => ({ keyword: k.keyword, weight: k.weight }));
}

/** Whether `text[start, start+length)` is a whole jieba word (or a run of whole words) in its context. */
export function isWholeWord(text: string, start: number, length: number, context = 8): boolean {
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, start + length + context);
  let offset = from;
  let startsWord = false;
  for (const word of segmenter().jieba.cut(text.slice(from, to), true)) {
    if (offset === start) startsWord = true;
    offset += word.length;
    if (offset === start + length) return startsWord;
    if (offset > start + length) return false;
  }
  return false;
}
