import { Tag } from 'antd';
import { LIGHT_LABELS, LIGHT_STYLE, type Light } from './labels.js';

/** 红黄绿灯 as a tag with a coloured dot, so it reads without colour too. */
export function LightTag({ light }: { light: Light }) {
  const style = LIGHT_STYLE[light] ?? LIGHT_STYLE.not_started;
  return (
    <Tag color={style.tag} style={{ marginInlineEnd: 0 }} data-light={light}>
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: 8,
          height: 8,
          borderRadius: '50%',
          background: style.dot,
          marginInlineEnd: 4,
          verticalAlign: 'middle',
          position: 'relative',
          top: -1,
        }}
      />
      {LIGHT_LABELS[light] ?? light}
    </Tag>
  );
}
