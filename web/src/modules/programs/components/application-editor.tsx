import { Alert, App, Button, Card, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplicationDto } from '@rg/domain/programs/application.schema';
import { PLAN_SECTIONS, type PlanSection } from '@rg/domain/programs/catalog';
import type { ProgramDetailDto } from '@rg/domain/programs/program.schema';
import { useState } from 'react';
import { useErrorMessages } from '../../../app/api/use-error-messages.ts';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { programKeys, programsApi } from '../api.ts';
import { useAreaLabel, useProgramsLabels } from '../labels.ts';
import { ApplicationFiles } from './application-files.tsx';
import { RichTextEditor } from './rich-text-editor.tsx';
import { SafeHtml } from './safe-html.tsx';

/** A field's error from the server's 400 (sections.x, conditions.c1, evidence.c1, attachments.a1). */
function FieldError({ text }: { text: string | undefined }) {
  return text ? (
    <Typography.Text type="danger" style={{ fontSize: 13 }}>
      {text}
    </Typography.Text>
  ) : null;
}

/**
 * 申报书: content areas, answers to the conditions with evidence, the six plan sections and the
 * required attachments. Editable while a draft or returned; 提交 saves first, then submits.
 */
export function ApplicationEditor({ application, program }: { application: ApplicationDto; program: ProgramDetailDto }) {
  const { t } = useI18n();
  const areaLabel = useAreaLabel();
  const { planSection } = useProgramsLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const editable = application.abilities.edit;
  const [areas, setAreas] = useState<string[]>(application.contentAreas);
  const [answers, setAnswers] = useState<Record<string, string>>(
    Object.fromEntries(application.conditionAnswers.map((a) => [a.key, a.answer])),
  );
  const [sections, setSections] = useState<Record<PlanSection, string>>(application.sections);
  const { errorMessage, fieldErrors } = useErrorMessages();
  const [error, setError] = useState<unknown>(null);
  const errors = { message: error === null ? null : errorMessage(error), fields: fieldErrors(error) };

  const save = () =>
    programsApi.save(application.id, {
      version: application.version,
      contentAreas: areas,
      sections,
      conditionAnswers: program.conditions.map((c) => ({ key: c.key, answer: answers[c.key] ?? '' })),
    });
  const onError = (caught: unknown) => setError(caught);
  const refresh = () => queryClient.invalidateQueries({ queryKey: programKeys.all });
  const saving = useMutation({
    mutationFn: save,
    onSuccess: () => {
      setError(null);
      void message.success(t('programs.app.saved'));
      void refresh();
    },
    onError,
  });
  const submitting = useMutation({
    mutationFn: async () => {
      await save();
      return programsApi.submit(application.id);
    },
    onSuccess: () => {
      setError(null);
      void message.success(t('programs.app.submitted'));
      void refresh();
    },
    onError: (error) => {
      onError(error);
      void refresh();
    },
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {errors.message && <Alert type="error" showIcon title={errors.message} data-testid="application-error" />}
      {!editable && application.status !== 'draft' && <Alert type="info" showIcon title={t('programs.app.readonly')} />}
      <Card title={t('programs.app.areas')} size="small">
        <Checkbox.Group
          disabled={!editable}
          value={areas}
          onChange={(v) => setAreas(v)}
          options={application.availableAreas.map((a) => ({ value: a.key, label: areaLabel(a.key, a.label) }))}
        />
        <div>
          <FieldError text={errors.fields.contentAreas} />
        </div>
      </Card>
      <Card title={t('programs.app.conditions')} size="small">
        <Form layout="vertical">
          {program.conditions.map((c, i) => (
            <Form.Item key={c.key} label={`${i + 1}. ${c.text}`} htmlFor={`answer-${c.key}`} style={{ marginBottom: 16 }}>
              {editable ? (
                <Input.TextArea
                  id={`answer-${c.key}`}
                  rows={2}
                  placeholder={t('programs.app.answer')}
                  value={answers[c.key] ?? ''}
                  onChange={(e) => setAnswers({ ...answers, [c.key]: e.target.value })}
                />
              ) : (
                <div id={`answer-${c.key}`} style={{ padding: '4px 12px', background: '#fafafa', borderRadius: 6, whiteSpace: 'pre-wrap' }}>
                  {answers[c.key] || '—'}
                </div>
              )}
              <FieldError text={errors.fields[`conditions.${c.key}`]} />
              {c.evidenceRequired && (
                <div style={{ marginTop: 6 }}>
                  <Typography.Text type="secondary">
                    {t('programs.app.evidence')}
                    {t('common.colon')}
                  </Typography.Text>
                  <ApplicationFiles application={application} kind={`evidence:${c.key}`} editable={editable} testId={`evidence-${c.key}`} />
                  <div>
                    <FieldError text={errors.fields[`evidence.${c.key}`]} />
                  </div>
                </div>
              )}
            </Form.Item>
          ))}
        </Form>
      </Card>
      <Card title={t('programs.app.plan', { version: application.planVersion })} size="small">
        {PLAN_SECTIONS.map((section) => (
          <div key={section} style={{ marginBottom: 16 }} data-testid={`section-${section}`}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {planSection[section]}
            </Typography.Title>
            {editable ? (
              <RichTextEditor
                ariaLabel={planSection[section]}
                value={sections[section]}
                onChange={(html) => setSections((prev) => ({ ...prev, [section]: html }))}
              />
            ) : (
              <SafeHtml html={sections[section]} style={{ padding: '4px 12px', background: '#fafafa', borderRadius: 6 }} />
            )}
            <FieldError text={errors.fields[`sections.${section}`]} />
          </div>
        ))}
      </Card>
      <Card title={t('programs.app.attachments')} size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          {program.requiredAttachments.map((a) => (
            <div key={a.key}>
              <Typography.Text strong>{a.label}</Typography.Text>
              <ApplicationFiles application={application} kind={`required:${a.key}`} editable={editable} testId={`attachment-${a.key}`} />
              <div>
                <FieldError text={errors.fields[`attachments.${a.key}`]} />
              </div>
            </div>
          ))}
          <div>
            <Typography.Text strong>{t('programs.app.other')}</Typography.Text>
            <ApplicationFiles application={application} kind="other" editable={editable} testId="attachment-other" />
          </div>
        </Space>
      </Card>
      {editable && (
        <Space>
          <Button onClick={() => saving.mutate()} loading={saving.isPending}>
            {t('programs.app.save')}
          </Button>
          <Button type="primary" onClick={() => submitting.mutate()} loading={submitting.isPending}>
            {t('programs.app.submit')}
          </Button>
        </Space>
      )}
    </Space>
  );
}
