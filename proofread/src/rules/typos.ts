// Typos and usage: the 公文 typo dictionary (data/typos.json), 截止/截至 before a time, 的/地/得 in clear
// patterns, and doubled words that are slips rather than reduplication (认认真真, 兢兢业业 stay silent).
import { finding } from '../emit.js';
import type { FamilyChecker, Finding, LexEntry, LexiconHit, Paragraph } from '../types.js';

const DICT = '（《现代汉语词典》第7版、《通用规范汉字表》；见 data/typos.json）';
const DE_DI_DE = '（《现代汉语词典》第7版“的”“地”“得”条）';
const JIEZHI = '（《现代汉语词典》第7版“截止”“截至”条）';
const SLIP = '（疑似录入时多打）';
const JIEZHI_RE =
  /截止(?=\d|今年|去年|本年|目前|当前|现在|今天|昨天|本月|上月|本周|上周|年底|年末|发稿|[一二三四五六七八九十]+月)/g;

/** Adverbials that take 地 before a verb (有针对性地加以改正); the verb list keeps the pattern clear. */
const ADVERBIAL =
  '有针对性|有计划|有步骤|有组织|有重点|有序|积极|认真|切实|不断|扎实|深入|稳步|逐步|坚决|严格|主动|大力|持续|彻底|充分|广泛|尽快|及时|自觉|创造性|全方位|实实在在|扎扎实实|踏踏实实|认认真真';
const VERB =
  '加以|推进|开展|做好|落实|贯彻|执行|完成|解决|提高|提升|加强|改进|改正|整改|推动|抓好|发挥|促进|实施|维护|参与|查处|处理|应对|防范|化解|完善|建立|健全|实现|保障|部署|抓|干|做';
/** After the verb, these make a noun phrase (切实的解决办法, 积极的推动作用), where 的 is right. */
const NOUN =
  '办法|方案|措施|途径|机制|作用|效果|思路|能力|路径|态度|力度|方式|方法|手段|政策|模式|体系|精神|成效|成果|经验|作风|法|者|人|员|事|意识|情况|过程|氛围|局面|问题|任务|目标|水平|质量|工作|举措|要求|责任|主体';
// 的 is about one character in thirty: each one is tested with a sticky regex after it and an anchored one
// before it, which is much cheaper than a regex pass that starts at every adverbial.
const DI_AFTER = new RegExp(`(?:${VERB})(?!${NOUN})`, 'y');
const DI_BEFORE = new RegExp(`(?:${ADVERBIAL})$`);
/** 做的很好 → 做得很好: a verb followed by a degree complement takes 得. */
const DE_AFTER = /很(?![多少])|非常|十分|比较|不够|不太|还不|更加|越来越/y;
const DE_BEFORE = /(?:做|干|办|抓|开|写|讲|搞|落实|执行|推进|完成|贯彻)$/;
/** First characters after 的 that can start either pattern; everything else is skipped at once. */
const AFTER_DE = new Set(
  [...VERB.split('|'), '很', '非常', '十分', '比较', '不够', '不太', '还不', '更加', '越来越'].map((w) =>
    w.charCodeAt(0),
  ),
);

/** Function characters that are never doubled in writing, with the neighbours that make a double legit. */
const REPEAT: Record<string, { notPrev: string; notNext: string; certain: boolean }> = {
  的: { notPrev: '目有端', notNext: '确', certain: true },
  把: { notPrev: '一', notNext: '关握持控脉守', certain: true },
  被: { notPrev: '', notNext: '', certain: true },
  与: { notPrev: '参给', notNext: '否', certain: true },
  从: { notPrev: '服自顺随盲听遵跟', notNext: '', certain: true },
  向: { notPrev: '方导倾意面转走动志去取定纵横逆双单', notNext: '', certain: true },
  并: { notPrev: '合兼吞', notNext: '', certain: true },
  或: { notPrev: '抑', notNext: '', certain: true },
  及: { notPrev: '以涉普危顾波提论来不企惠遍触', notNext: '时早格', certain: true },
  将: { notPrev: '即必行终只若大老武', notNext: '', certain: true },
  和: { notPrev: '总缓温暖调柔平谐', notNext: '', certain: true },
  是: { notPrev: '但就还凡总于要正只倒真可若即像算不便也都硬老', notNext: '否非', certain: false },
  了: { notPrev: '为除罢末', notNext: '解结却如然得断之', certain: false },
  在: { notPrev: '存实现正所好自', notNext: '', certain: false },
  要: {
    notPrev: '主重需必纲摘概提简只不想就还将总首紧次',
    notNext: '求素点害务件领闻职塞是么',
    certain: false,
  },
};
const WORDS = [
  '我们',
  '进行',
  '以及',
  '但是',
  '因为',
  '所以',
  '并且',
  '同时',
  '通过',
  '按照',
  '根据',
  '关于',
  '对于',
  '进一步',
  '必须',
  '坚持',
  '加强',
];
const WORDS_BY_START = new Map<number, string[]>();
/** Bitmap of the words' first code units: the Map is only consulted where a word can start. */
const WORD_START = new Uint8Array(0x10000);
for (const word of WORDS) {
  const c = word.charCodeAt(0);
  WORD_START[c] = 1;
  const list = WORDS_BY_START.get(c);
  if (list) list.push(word);
  else WORDS_BY_START.set(c, [word]);
}

export function typos(): FamilyChecker {
  return {
    paragraph(p, hits, out) {
      dictionary(p, hits, out);
      const t = p.text;
      if (t.includes('截止')) jiezhi(p, out);
      if (t.includes('的')) dediDe(p, out);
      repeated(p, out);
    },
    finish() {},
  };
}

function dictionary(p: Paragraph, hits: readonly LexiconHit<LexEntry>[], out: Finding[]): void {
  const t = p.text;
  let end = -1;
  for (const { at, entry } of hits) {
    if (entry.kind !== 'typo' || at < end) continue;
    const stop = at + entry.text.length;
    if (entry.notBefore.includes(t[at - 1] ?? '\n') || entry.notAfter.includes(t[stop] ?? '\n')) continue;
    end = stop;
    const why = entry.note ? `：${entry.note}` : '';
    out.push(
      finding(p, 'typo.dictionary', 'error', at, stop, `错别字，应为“${entry.right}”${why}${DICT}`, {
        replacement: entry.right,
      }),
    );
  }
}

function jiezhi(p: Paragraph, out: Finding[]): void {
  JIEZHI_RE.lastIndex = 0;
  for (let m = JIEZHI_RE.exec(p.text); m; m = JIEZHI_RE.exec(p.text)) {
    out.push(
      finding(
        p,
        'typo.jiezhi',
        'error',
        m.index,
        m.index + 2,
        `表示到某一时间为止用“截至”，“截止”表示到期停止，后面不直接跟时间${JIEZHI}`,
        { replacement: '截至' },
      ),
    );
  }
}

function dediDe(p: Paragraph, out: Finding[]): void {
  const t = p.text;
  for (let i = t.indexOf('的'); i !== -1; i = t.indexOf('的', i + 1)) {
    if (!AFTER_DE.has(t.charCodeAt(i + 1))) continue;
    DI_AFTER.lastIndex = i + 1;
    DE_AFTER.lastIndex = i + 1;
    let right = '';
    if (DI_AFTER.test(t) && DI_BEFORE.test(t.slice(Math.max(0, i - 4), i))) right = '地';
    else if (DE_AFTER.test(t) && DE_BEFORE.test(t.slice(Math.max(0, i - 2), i))) right = '得';
    if (!right) continue;
    const why = right === '地' ? '状语与动词之间用“地”' : '动词与补语之间用“得”';
    out.push(
      finding(p, 'typo.de-di-de', 'confirm', i, i + 1, `${why}，此处疑应为“${right}”，请确认${DE_DI_DE}`, {
        suggestion: right,
      }),
    );
  }
}

/** One pass over the character codes: a doubled character (的的) or a doubled word (我们我们). */
function repeated(p: Paragraph, out: Finding[]): void {
  const t = p.text;
  for (let i = 0, n = t.length - 1; i < n; i++) {
    const c = t.charCodeAt(i);
    if (t.charCodeAt(i + 1) !== c) {
      if (WORD_START[c] === 0) continue;
      const words = WORDS_BY_START.get(c);
      if (!words) continue;
      for (const word of words)
        if (
          t.charCodeAt(i + word.length) === c &&
          t.startsWith(word, i) &&
          t.startsWith(word, i + word.length)
        ) {
          out.push(
            finding(p, 'typo.repeated', 'warning', i, i + 2 * word.length, `“${word}”重复${SLIP}`, {
              replacement: word,
            }),
          );
          i += 2 * word.length - 1;
          break;
        }
      continue;
    }
    const ch = t[i] ?? '';
    const rule = REPEAT[ch];
    if (!rule) continue;
    // AABB reduplication: 实实在在, 和和气气, 是是非非.
    if ((i >= 2 && t[i - 2] === t[i - 1]) || (t[i + 2] !== undefined && t[i + 2] === t[i + 3])) continue;
    if (rule.notPrev.includes(t[i - 1] ?? '\n') || rule.notNext.includes(t[i + 2] ?? '\n')) continue;
    const message = `“${ch}${ch}”疑为多打了一个字${SLIP}`;
    out.push(
      finding(
        p,
        'typo.repeated',
        rule.certain ? 'warning' : 'confirm',
        i,
        i + 2,
        message,
        rule.certain ? { replacement: ch } : { suggestion: ch },
      ),
    );
    i++;
  }
}
