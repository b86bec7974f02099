/**
 * `npm run bench:supervision`: a province-scale data set (generated once and kept in --dir), then on
 * SQLite and PostgreSQL: the whole-organisation weekly circular, the leader dashboard, the first page of
 * the red items, the reminder sweep, the item list of the busiest and of a median department over HTTP,
 * and feedback submissions per second over HTTP.
 * Targets on a 2-core machine with SQLite: circular ≤ 100 ms, dashboard ≤ 50 ms, list p99 ≤ 20 ms and ≥ 3,000 req/s,
 * sweep ≤ 500 ms, ≥ 2,000 feedback submissions/s. Needs `npm run build` (the compiled server).
 *
 *   npm run bench:supervision -- [--scale=1] [--only=sqlite|postgres] [--seconds=10] [--fresh] [--dir=…]
 *     [--part=circular,dashboard,lights,sweep,list,feedback]   (default: all of them)
 *     [--profile=DIR]   (the server over HTTP writes a V8 CPU profile into DIR)
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { onScratchCopy, prepare, type Prepared } from './supervision/database.js';
import { handlerLogin, headLogin, SUPERVISOR } from './supervision/generate.js';
import { measureInProcess, PARTS, type InProcessFigures, type Part } from './supervision/in-process.js';
import {
  measureFeedback,
  measureList,
  withServer,
  type FeedbackFigures,
  type ListFigures,
} from './supervision/over-http.js';
import { ms } from './supervision/timing.js';

const { values: opts } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    only: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    fresh: { type: 'boolean', default: false },
    dir: { type: 'string', default: '/tmp/luoshi-bench' },
    part: { type: 'string', default: PARTS.join(',') },
    profile: { type: 'string' },
  },
});
const parts = new Set(opts.part.split(',') as Part[]);
for (const p of parts)
  if (!PARTS.includes(p)) throw new Error(`--part：未知的测量项 ${p}（可选 ${PARTS.join(',')}）`);
const scale = Number(opts.scale);
const seconds = Number(opts.seconds);
const pgUrl = process.env.DATABASE_URL_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Figures {
  dialect: string;
  inProcess: InProcessFigures;
  lists: ListFigures[];
  feedback: FeedbackFigures | null;
}

async function run(dialect: 'sqlite' | 'postgres'): Promise<Figures> {
  console.log(`\n━━ ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ━━`);
  const prepared: Prepared = await prepare(dialect, { dir: opts.dir, pgUrl, scale, fresh: opts.fresh });
  const { data, url } = prepared;
  const load = new Map(data.load);
  const busiest = data.departmentsByLoad[0] ?? 2;
  const median = data.departmentsByLoad[Math.floor(data.departmentsByLoad.length / 2)] ?? 2;
  console.log('  测量通报与提醒扫描（进程内，含纯 SQL 时间）…');
  const inProcess = await measureInProcess(url, { ...SUPERVISOR, roles: ['supervisor'] }, parts, busiest);
  const figures = {
    dialect: dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL',
    inProcess,
    lists: [],
    feedback: null,
  };
  if (!parts.has('list') && !parts.has('feedback')) return figures;
  console.log('  测量事项列表与反馈报送（HTTP，50 个连接）…');
  const lists = parts.has('list')
    ? await withServer(
        url,
        async (server) => [
          await measureList(server, headLogin(busiest), busiest, load.get(busiest) ?? 0, seconds),
          await measureList(server, headLogin(median), median, load.get(median) ?? 0, seconds),
        ],
        opts.profile,
      )
    : [];
  const feedback = parts.has('feedback')
    ? await onScratchCopy(url, (scratch) =>
        withServer(
          scratch,
          (server) =>
            measureFeedback(
              server,
              scratch,
              data.departmentsByLoad.map((id) => ({ id, handler: handlerLogin(id) })),
              seconds,
            ),
          opts.profile,
        ),
      )
    : null;
  return { ...figures, lists, feedback };
}

const results: Figures[] = [];
console.log(`督查督办基准（规模 ${scale}），CPU：${cpus().length} 核 ${cpus()[0]?.model ?? ''}`);
if (!opts.only || opts.only === 'sqlite') results.push(await run('sqlite'));
if (!opts.only || opts.only === 'postgres') results.push(await run('postgres'));

const cpu = (micros: number | null) => (micros === null ? '—' : `${micros.toFixed(0)} µs`);
const verdict = (ok: boolean) => (ok ? '达到' : '未达到');
for (const f of results) {
  const {
    circularWeek: w,
    circularMonth: m,
    dashboard: d,
    redItems: red,
    listBuilt,
    firstSweep,
    sweep,
  } = f.inProcess;
  const sqlite = f.dialect === 'SQLite';
  console.log(`\n${f.dialect}`);
  if (w)
    console.log(
      `  全机关周通报：中位 ${ms(w.median)}，p95 ${ms(w.p95)}；纯 SQL ${ms(w.sqlMedian)}（${w.queries} 条查询）${sqlite ? `；目标 ≤ 100 ms：${verdict(w.median <= 100)}` : ''}`,
    );
  if (d)
    console.log(
      `  领导驾驶舱（全机关，本周）：中位 ${ms(d.median)}，p95 ${ms(d.p95)}；纯 SQL ${ms(d.sqlMedian)}（${d.queries} 条查询）` +
        (sqlite ? `；目标 ≤ 50 ms：${verdict(d.median <= 50)}` : ''),
    );
  if (red)
    console.log(
      `  全机关红灯事项（列表首页）：中位 ${ms(red.median)}，p95 ${ms(red.p95)}；纯 SQL ${ms(red.sqlMedian)}（${red.queries} 条查询），共 ${red.total} 项`,
    );
  if (m) console.log(`  全机关月通报：中位 ${ms(m.median)}，p95 ${ms(m.p95)}；纯 SQL ${ms(m.sqlMedian)}`);
  if (firstSweep)
    console.log(
      `  首次提醒扫描（库中尚无提醒）：${ms(firstSweep.total)}（CPU ${ms(firstSweep.cpu)}），纯 SQL ${ms(firstSweep.sql)}，发出 ${firstSweep.reminders} 条提醒`,
    );
  if (sweep)
    console.log(
      `  每日提醒扫描（前一工作日已扫描）：${ms(sweep.total)}（CPU ${ms(sweep.cpu)}），纯 SQL ${ms(sweep.sql)}（${sweep.queries} 条查询），发出 ${sweep.reminders} 条提醒，${sweep.notices} 条通知${sqlite ? `；目标 ≤ 500 ms：${verdict(sweep.total <= 500)}` : ''}`,
    );
  for (const [i, l] of f.lists.entries())
    console.log(
      `  事项列表（${i === 0 ? '最忙' : '中位'}部门 ${l.departmentId}，${l.assignments} 个交办）：${l.rps.toFixed(0)} 请求/秒，p50 ${l.p50} ms，p99 ${l.p99} ms，错误 ${l.errors}，服务端 CPU ${cpu(l.cpuMicros)}/请求，压测端 CPU ${cpu(l.clientCpuMicros)}/请求` +
        (sqlite ? `；目标 p99 ≤ 20 ms 且 ≥ 3000 请求/秒：${verdict(l.p99 <= 20 && l.rps >= 3000)}` : ''),
    );
  if (listBuilt)
    console.log(
      `  同一页重新生成（进程内，未命中已存页面时的代价）：中位 ${ms(listBuilt.median)}，p95 ${ms(listBuilt.p95)}；纯 SQL ${ms(listBuilt.sqlMedian)}（${listBuilt.queries} 条查询）`,
    );
  const fb = f.feedback;
  if (fb)
    console.log(
      `  反馈报送：${fb.perSecond.toFixed(0)} 条/秒（成功 ${fb.accepted}，拒绝 ${fb.refused}，可报送交办 ${fb.available}），p99 ${fb.p99} ms，服务端 CPU ${cpu(fb.cpuMicros)}/条` +
        (sqlite ? `；目标 ≥ 2000 条/秒：${verdict(fb.perSecond >= 2000)}` : ''),
    );
}
console.log(
  `\n测量时系统负载（1/5/15 分钟）：${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`,
);
