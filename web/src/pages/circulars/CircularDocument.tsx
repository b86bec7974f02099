import { Grid, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { DepartmentTable, OverdueTable } from './StatsTables.js';
import type { CircularDetail } from './types.js';

/** 2026-03-09 → 2026年3月9日, as the document prints dates. */
const chineseDate = (date: string) =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

const RED = '#c00000';
const BODY: CSSProperties = {
  fontFamily: '"FangSong", "STFangsong", "仿宋", serif',
  fontSize: 16,
  lineHeight: 1.9,
};

const Para = ({ children, style }: { children: ReactNode; style?: CSSProperties }) => (
  <p style={{ textIndent: '2em', margin: '0 0 4px', ...style }}>{children}</p>
);
const Heading = ({ children }: { children: ReactNode }) => (
  <Para style={{ fontFamily: '"SimHei", "黑体", sans-serif', marginTop: 12 }}>{children}</Para>
);
const Subheading = ({ children }: { children: ReactNode }) => (
  <Para style={{ fontFamily: '"KaiTi", "楷体", serif' }}>{children}</Para>
);

/**
 * The circular as its .docx prints it (GB/T 9704 layout: red 版头 and rule, title, 主送, body with its four
 * parts, 落款), so the supervisor reads what departments will receive before publishing.
 */
export function CircularDocument({ circular }: { circular: CircularDetail }) {
  const isPhone = Grid.useBreakpoint().md === false;
  const { text: t, stats, sentences } = circular;
  return (
    <div
      data-testid="circular-document"
      style={{
        ...BODY,
        background: '#fff',
        maxWidth: 860,
        margin: '0 auto',
        padding: isPhone ? '20px 14px' : '48px 64px',
        boxShadow: '0 1px 6px rgba(0,0,0,0.12)',
        color: '#000',
      }}
    >
      <div
        style={{
          color: RED,
          textAlign: 'center',
          fontSize: isPhone ? 26 : 40,
          fontWeight: 700,
          letterSpacing: isPhone ? 2 : 6,
          fontFamily: '"FZXiaoBiaoSong-B05S", "STZhongsong", "SimSun", serif',
          lineHeight: 1.3,
        }}
      >
        {t.organName}
      </div>
      {t.docNumber && <div style={{ textAlign: 'center', marginTop: 12 }}>{t.docNumber}</div>}
      <div style={{ borderBottom: `2px solid ${RED}`, margin: '8px 0 28px' }} />
      <Typography.Title
        level={3}
        style={{ textAlign: 'center', fontSize: isPhone ? 19 : 24, lineHeight: 1.5, margin: '0 0 20px' }}
      >
        {t.title}
      </Typography.Title>
      <p style={{ margin: '0 0 4px' }}>{t.recipients}</p>
      {t.lead.map((p, i) => (
        <Para key={`lead-${i}`}>{p}</Para>
      ))}
      <Heading>一、本期总体情况</Heading>
      <Subheading>（一）办理情况</Subheading>
      <Para>{sentences.overall}</Para>
      <Subheading>（二）与上期比较</Subheading>
      <Para>{sentences.comparison}</Para>
      <Heading>二、各部门办理情况</Heading>
      <Para>{sentences.departments}</Para>
      {stats.departments.length > 0 && (
        <div style={{ margin: '8px 0 12px' }}>
          <DepartmentTable rows={stats.departments} isPhone={isPhone} />
        </div>
      )}
      <Heading>三、逾期未办结事项</Heading>
      <Para>{sentences.overdue}</Para>
      {stats.overdue.items.length > 0 && (
        <div style={{ margin: '8px 0 12px' }}>
          <OverdueTable rows={stats.overdue.items} isPhone={isPhone} />
        </div>
      )}
      {t.closing.length > 0 && (
        <>
          <Heading>四、有关要求</Heading>
          {t.closing.map((p, i) => (
            <Para key={`closing-${i}`}>{p}</Para>
          ))}
        </>
      )}
      <div style={{ textAlign: 'right', marginTop: 40, paddingRight: isPhone ? 0 : '2em' }}>
        <div>{t.issuer}</div>
        <div>{chineseDate(t.issuedOn)}</div>
      </div>
      <div
        style={{
          borderTop: '1px solid #000',
          borderBottom: '1px solid #000',
          marginTop: 32,
          padding: '4px 0',
          display: 'flex',
          justifyContent: 'space-between',
          flexWrap: 'wrap',
          fontSize: 14,
        }}
      >
        <span>{t.printedBy}</span>
        <span>{chineseDate(t.printedOn)}印发</span>
      </div>
    </div>
  );
}
