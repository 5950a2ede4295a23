import { Button, Checkbox, Drawer, Empty, Form, Input, Select, Space, Table, Tag, Typography, App } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDto, CaseListQuery, CaseStatus } from '@rg/domain/programs/case.schema';
import { CONTENT_AREAS, type CatalogueAreaKey } from '@rg/domain/programs/catalog';
import { useState } from 'react';
import { useErrorToast } from '../../../app/api/use-error-messages.ts';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { FormModal } from '../../../app/forms/form-modal.tsx';
import { MODAL_FORM_LAYOUT } from '../../../app/forms/modal-form-layout.ts';
import { useFormSubmit } from '../../../app/forms/use-form-submit.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { programKeys, programsApi } from '../api.ts';
import { useAreaLabel } from '../labels.ts';
import { RichTextEditor } from './rich-text-editor.tsx';
import { SafeHtml } from './safe-html.tsx';

const COLOR: Record<CaseStatus, string> = { submitted: 'processing', returned: 'warning', published: 'success' };

interface CaseValues {
  unitCode: string;
  title: string;
  areas: string[];
  summary: string;
  body: string;
}

/** 提交典型案例, or — with `editing` — change a returned case and send it again. */
function CaseCreateModal({ open, editing, onClose }: { open: boolean; editing?: CaseDto | null; onClose: () => void }) {
  const { t } = useI18n();
  const areaLabel = useAreaLabel();
  const session = useSession();
  const required = [{ required: true, message: t('programs.form.required') }];
  const save = useFormSubmit({
    fields: ['unitCode', 'title', 'areas', 'summary', 'body'],
    mutationFn: (values: CaseValues) =>
      editing
        ? programsApi.updateCase(editing.id, {
            version: editing.version,
            title: values.title,
            areas: values.areas,
            summary: values.summary,
            body: values.body,
          })
        : programsApi.createCase(values),
    successMessage: editing ? t('programs.cases.resubmitted') : t('programs.cases.created'),
    invalidate: programKeys.all,
    onSuccess: onClose,
  });
  return (
    <FormModal
      title={editing ? t('programs.cases.resubmit') : t('programs.cases.create')}
      open={open}
      onClose={onClose}
      save={save}
      width={760}
      testId="case-create-modal"
    >
      <Form<CaseValues>
        form={save.form}
        {...MODAL_FORM_LAYOUT}
        labelCol={{ span: 4 }}
        wrapperCol={{ span: 20 }}
        style={{ marginTop: 16 }}
        initialValues={
          editing
            ? { unitCode: editing.unitCode, title: editing.title, areas: editing.areas, summary: editing.summary, body: editing.body }
            : { unitCode: session.user.regionCode, body: '' }
        }
      >
        <Form.Item name="unitCode" label={t('programs.cases.unit')} rules={required}>
          <RegionPicker initialLabel={editing?.unitPath ?? session.user.regionName} disabled={Boolean(editing)} />
        </Form.Item>
        <Form.Item name="title" label={t('programs.cases.title')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="areas" label={t('programs.cases.areas')} rules={required}>
          <Checkbox.Group options={CONTENT_AREAS.map((a) => ({ value: a.key, label: areaLabel(a.key) }))} />
        </Form.Item>
        <Form.Item name="summary" label={t('programs.cases.summary')} rules={required}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="body" label={t('programs.cases.body')} rules={required}>
          <RichTextEditor ariaLabel={t('programs.cases.body')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function CaseDrawer({ item, onClose, onEdit }: { item: CaseDto | null; onClose: () => void; onEdit: (item: CaseDto) => void }) {
  const { t } = useI18n();
  const areaLabel = useAreaLabel();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const showError = useErrorToast();
  const review = useMutation({
    mutationFn: (decision: 'publish' | 'return') => programsApi.reviewCase(item?.id ?? '', { decision, comment }),
    onSuccess: () => {
      void message.success(t('programs.cases.reviewed'));
      void queryClient.invalidateQueries({ queryKey: programKeys.all });
      onClose();
    },
    onError: showError,
  });
  return (
    <Drawer open={item !== null} onClose={onClose} size={640} title={item?.title} data-testid="case-drawer">
      {item && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            {item.areas.map((a) => (
              <Tag key={a} color="blue">
                {areaLabel(a)}
              </Tag>
            ))}
          </Space>
          <Typography.Text type="secondary">
            {item.unitPath}
            {item.publishedOn ? ` · ${item.publishedOn}` : ''}
          </Typography.Text>
          <Typography.Paragraph strong>{item.summary}</Typography.Paragraph>
          <SafeHtml html={item.body} />
          {item.reviewComment && (
            <Typography.Text type="warning">
              {t('programs.review.comment')}
              {t('common.colon')}
              {item.reviewComment}
            </Typography.Text>
          )}
          {item.abilities.edit && <Button onClick={() => onEdit(item)}>{t('programs.cases.resubmit')}</Button>}
          {item.abilities.review && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                rows={2}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                placeholder={t('programs.review.comment')}
              />
              <Space>
                <Button type="primary" onClick={() => review.mutate('publish')}>
                  {t('programs.cases.publish')}
                </Button>
                <Button onClick={() => review.mutate('return')}>{t('programs.cases.return')}</Button>
              </Space>
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}

/** 典型案例: search by content area, region and words; submit one; reviewers publish from the drawer. */
export function CaseList() {
  const { t } = useI18n();
  const areaLabel = useAreaLabel();
  const [query, setQuery] = useState<Partial<CaseListQuery>>({});
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<CaseDto | null>(null);
  const [editing, setEditing] = useState<CaseDto | null>(null);
  const list = useQuery({ queryKey: programKeys.cases(query), queryFn: () => programsApi.cases(query) });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          style={{ width: 260 }}
          placeholder={t('programs.cases.area')}
          value={query.area}
          onChange={(area?: CatalogueAreaKey) => setQuery({ ...query, area })}
          options={CONTENT_AREAS.map((a) => ({ value: a.key, label: areaLabel(a.key) }))}
          data-testid="case-area-filter"
        />
        <RegionPicker
          allowClear
          placeholder={t('programs.cases.region')}
          style={{ width: 220 }}
          value={query.regionCode ?? null}
          onChange={(regionCode) => setQuery({ ...query, regionCode })}
        />
        <Input.Search
          allowClear
          placeholder={t('programs.cases.search')}
          style={{ width: 220 }}
          onSearch={(q) => setQuery({ ...query, q: q || undefined })}
        />
        {list.data?.abilities.create && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('programs.cases.create')}
          </Button>
        )}
      </Space>
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<CaseDto>
          size="middle"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          data-testid="case-list"
          locale={{ emptyText: <Empty description={t('programs.cases.empty')} /> }}
          columns={[
            {
              title: t('programs.cases.title'),
              render: (_, c) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(c)}>
                  {c.title}
                </Button>
              ),
            },
            { title: t('programs.cases.unit'), dataIndex: 'unitPath', width: 180 },
            {
              title: t('programs.cases.areas'),
              render: (_, c) => (
                <Space wrap size={[2, 2]}>
                  {c.areas.map((a) => (
                    <Tag key={a}>{areaLabel(a)}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('programs.col.status'),
              width: 90,
              render: (_, c) => <Tag color={COLOR[c.status]}>{t(`programs.cases.status.${c.status}`)}</Tag>,
            },
            { title: t('programs.cases.publishedOn'), dataIndex: 'publishedOn', width: 110, render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
      <CaseCreateModal open={creating} onClose={() => setCreating(false)} />
      <CaseDrawer
        item={open}
        onClose={() => setOpen(null)}
        onEdit={(item) => {
          setOpen(null);
          setEditing(item);
        }}
      />
      <CaseCreateModal key={editing?.id ?? 'edit'} open={editing !== null} editing={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
