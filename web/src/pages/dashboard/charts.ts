import type { EChartsCoreOption } from 'echarts/core';
import { LIGHT_STYLE, SOURCE_TYPES, labelOf } from '../supervision/labels.js';
import type { Dashboard } from './types.js';

/** ECharts options of the dashboard, one builder per chart; colours are the lights' own. */

export const LIGHTS = ['red', 'yellow', 'green'] as const;
const LIGHT_NAMES = { red: '红灯', yellow: '黄灯', green: '绿灯' } as const;
const grid = { left: 8, right: 24, top: 36, bottom: 8, containLabel: true };

export function lightsOption(lights: Dashboard['lights']): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['42%', '72%'],
        center: ['50%', '45%'],
        // Counts inside the ring: outside labels get cut off on a narrow card; the legend names the colours.
        label: {
          position: 'inside',
          formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : ''),
          color: '#fff',
          fontWeight: 'bold',
          fontSize: 14,
        },
        data: LIGHTS.map((l) => ({
          name: LIGHT_NAMES[l],
          value: lights[l],
          light: l,
          itemStyle: { color: LIGHT_STYLE[l].dot },
        })),
      },
    ],
  };
}

/** Weeks are named by their Monday (MM-DD), months as 2026年3月 → 3月. */
const bucketName = (unit: 'week' | 'month', start: string) =>
  unit === 'week' ? start.slice(5) : `${Number(start.slice(5, 7))}月`;

export function trendOption(trend: Dashboard['trend']): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: {
      type: 'category',
      data: trend.buckets.map((b) => bucketName(trend.unit, b.start)),
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '交办', type: 'line', data: trend.buckets.map((b) => b.assigned) },
      {
        name: '办结',
        type: 'line',
        data: trend.buckets.map((b) => b.closed),
        itemStyle: { color: LIGHT_STYLE.green.dot },
      },
    ],
    color: ['#b71c1c'],
  };
}

/** Best first at the top; departments with nothing due have no rate and sit at the bottom with 0. */
export function rankingOption(ranking: Dashboard['ranking']): EChartsCoreOption {
  const rows = [...ranking].reverse();
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—'),
    },
    grid,
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: rows.map((r) => `${r.rank}. ${r.departmentName}`),
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: [
      {
        name: '按期办结率',
        type: 'bar',
        barMaxWidth: 22,
        data: rows.map((r) => ({ value: r.onTimeRate ?? 0, departmentId: r.departmentId })),
        itemStyle: { color: '#b71c1c' },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => {
            const rate = rows[p.dataIndex]?.onTimeRate;
            return rate === null || rate === undefined ? '—' : `${rate}%`;
          },
        },
      },
    ],
  };
}

export function sourcesOption(sources: Dashboard['sources']): EChartsCoreOption {
  const rows = [...sources].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((s) => labelOf(SOURCE_TYPES, s.sourceType)),
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: LIGHTS.map((l) => ({
      name: LIGHT_NAMES[l],
      type: 'bar',
      stack: 'lights',
      barMaxWidth: 22,
      itemStyle: { color: LIGHT_STYLE[l].dot },
      data: rows.map((s) => ({ value: s[l], sourceType: s.sourceType, light: l })),
    })),
  };
}
