import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fieldTokens, lexemesOf, queryTerms, RUN_BREAK, runsOf } from '../tokenize.js';

describe('library search tokeniser', () => {
  test('text splits into Han and Latin/digit runs at punctuation, spaces and script changes', () => {
    assert.deepEqual(runsOf('推动5G网络，加快AI发展。党'), [
      { text: '推动', han: true },
      { text: '5g', han: false },
      { text: '网络', han: true },
      { text: '加快', han: true },
      { text: 'ai', han: false },
      { text: '发展', han: true },
      { text: '党', han: true },
    ]);
  });

  test('a Han run gives its overlapping bigrams and its characters; runs are kept apart', () => {
    const t = fieldTokens('人工智能，党建GDP');
    assert.equal(t.grams, ['人工', '工智', '智能', RUN_BREAK, '党建', RUN_BREAK, 'gdp'].join(' '));
    assert.equal(t.chars, '人 工 智 能 党 建');
  });

  test('PostgreSQL lexemes are the distinct characters, bigrams and words', () => {
    assert.deepEqual(lexemesOf('发展发展，A').sort(), ['a', '发', '发展', '展', '展发'].sort());
  });

  test('a query becomes terms at spaces and punctuation; each term a phrase of bigrams or one character', () => {
    assert.deepEqual(queryTerms(' 人工智能  党，GDP增长 人工智能'), [
      { text: '人工智能', parts: [{ kind: 'phrase', tokens: ['人工', '工智', '智能'] }] },
      { text: '党', parts: [{ kind: 'char', token: '党' }] },
      {
        text: 'gdp增长',
        parts: [
          { kind: 'word', token: 'gdp' },
          { kind: 'phrase', tokens: ['增长'] },
        ],
      },
    ]);
    assert.deepEqual(queryTerms('，。！'), []);
  });

  test('characters outside the basic plane stay whole', () => {
    assert.equal(fieldTokens('𠀀𠀁').grams, '𠀀𠀁');
  });
});
