import type { FormInstance, GetRef } from 'antd';
import { Collapse, Form, Input } from 'antd';
import { useRef } from 'react';
import { ProofreadPanel } from '../../proofread/ProofreadPanel.js';
import { selectInTextArea } from '../../proofread/text-utils.js';

/** 办理要求 with the proofreading panel beneath it: the text is checked before it goes out as a 督办单. */
export function RequirementsField({ form }: { form: FormInstance }) {
  const area = useRef<GetRef<typeof Input.TextArea>>(null);
  const text = (Form.useWatch('requirements', form) as string | undefined) ?? '';
  const locate = (start: number, end: number) => {
    const ta = area.current?.resizableTextArea?.textArea;
    if (ta) selectInTextArea(ta, start, end);
  };
  return (
    <>
      <Form.Item
        label="办理要求"
        name="requirements"
        rules={[{ required: true, whitespace: true, message: '请输入办理要求' }]}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea ref={area} autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20000} />
      </Form.Item>
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'proofread',
            label: '公文校对（办理要求）',
            children: (
              <ProofreadPanel
                text={text}
                onTextChange={(next) => form.setFieldValue('requirements', next)}
                onLocate={locate}
              />
            ),
          },
        ]}
      />
    </>
  );
}
