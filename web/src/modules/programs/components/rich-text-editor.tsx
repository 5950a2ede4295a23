import { BoldOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { purify } from './safe-html.tsx';

interface RichTextEditorProps {
  id?: string;
  value?: string;
  onChange?: (html: string) => void;
  disabled?: boolean;
  ariaLabel: string;
  testId?: string;
}

/**
 * A small rich-text field for plan sections: paragraphs, bold and lists, which is all a 试点方案
 * needs. What the user pastes is purified on every change; the server sanitizes again on save.
 */
export function RichTextEditor({ id, value = '', onChange, disabled, ariaLabel, testId }: RichTextEditorProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);

  // Only write into the editable element when the value changed from outside (not while typing).
  useEffect(() => {
    const element = ref.current;
    if (element && element.innerHTML !== value) element.innerHTML = purify(value);
  }, [value]);

  const emit = () => {
    if (ref.current) onChange?.(purify(ref.current.innerHTML));
  };
  const command = (name: string) => {
    ref.current?.focus();
    document.execCommand(name);
    emit();
  };

  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6, background: disabled ? '#fafafa' : '#fff' }}>
      {!disabled && (
        <Space size={4} style={{ padding: '4px 8px', borderBottom: '1px solid #f0f0f0', width: '100%' }}>
          <Tooltip title={t('programs.editor.bold')}>
            <Button
              size="small"
              type="text"
              icon={<BoldOutlined />}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => command('bold')}
            />
          </Tooltip>
          <Tooltip title={t('programs.editor.ol')}>
            <Button
              size="small"
              type="text"
              icon={<OrderedListOutlined />}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => command('insertOrderedList')}
            />
          </Tooltip>
          <Tooltip title={t('programs.editor.ul')}>
            <Button
              size="small"
              type="text"
              icon={<UnorderedListOutlined />}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => command('insertUnorderedList')}
            />
          </Tooltip>
        </Space>
      )}
      <div
        id={id}
        ref={ref}
        role="textbox"
        aria-multiline="true"
        aria-label={ariaLabel}
        data-testid={testId}
        contentEditable={!disabled}
        suppressContentEditableWarning
        onInput={emit}
        onBlur={emit}
        style={{ minHeight: 72, padding: '8px 12px', outline: 'none', lineHeight: 1.7 }}
      />
    </div>
  );
}
