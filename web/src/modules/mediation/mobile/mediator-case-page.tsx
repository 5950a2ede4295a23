import { CameraOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { AttachmentList } from '../../../app/files/attachment-list.tsx';
import { UploadButton } from '../../../app/files/upload-button.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { MobilePage } from '../../../app/layout/mobile-page.tsx';
import { agreementUrl, caseFilesUrl, caseFileUrl, mediationApi, mediationKeys } from '../api.ts';
import { RISK_COLORS, STATUS_COLORS, useMediationLabels } from '../labels.ts';
import { CaseStepModal, STEP_TITLES, stepsOf, type CaseStep } from '../components/case-step-modal.tsx';
import { PartyHistory } from '../components/party-history.tsx';

/**
 * /m/mediation/cases/:id: one case on the mediator's phone — the facts, both sides (masked), the sessions,
 * the next steps as big buttons (the same forms as the console), the agreement to download and print,
 * and a photo of it once signed.
 */
export function MediatorCasePage() {
  const { t } = useI18n();
  const labels = useMediationLabels();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [step, setStep] = useState<CaseStep | null>(null);
  const detail = useQuery({ queryKey: mediationKeys.case(id), queryFn: () => mediationApi.case(id) });
  const dto = detail.data;
  return (
    <MobilePage title={dto?.caseNo ?? t('mediation.case.detail')} back="/m/mediation/cases" testId="mediator-case">
      {detail.isPending && <Spin size="large" style={{ display: 'block', margin: 48 }} />}
      {detail.error && <LoadError error={detail.error} onRetry={() => void detail.refetch()} />}
      {dto && (
        <Flex vertical gap={12}>
          {dto.criminalRisk && dto.concludedOn === null && <Alert type="error" showIcon title={t('mediation.case.criminalRiskAlert')} />}
          <Card size="small">
            <Flex justify="space-between" align="center">
              <Typography.Text strong style={{ fontSize: 17 }}>
                {labels.caseType[dto.caseType]}
              </Typography.Text>
              <Tag color={STATUS_COLORS[dto.status]} style={{ fontSize: 14 }} data-testid="case-status">
                {labels.status[dto.status]}
              </Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {dto.region.path} · {dto.registeredOn}
            </Typography.Text>
            <Typography.Paragraph style={{ margin: '8px 0 0', fontSize: 15 }}>{dto.description}</Typography.Paragraph>
            <Tag color={RISK_COLORS[dto.riskLevel]}>{t('mediation.case.riskTag', { level: labels.risk[dto.riskLevel] })}</Tag>
          </Card>
          <PartyHistory history={dto.partyHistory} onOpen={(caseId) => void navigate(`/m/mediation/cases/${caseId}`)} />
          <Flex vertical gap={8} data-testid="case-actions">
            {stepsOf(dto).map((s) => (
              <Button
                key={s}
                size="large"
                block
                type={['start', 'agree', 'follow_up', 'close'].includes(s) ? 'primary' : 'default'}
                danger={s === 'fail'}
                style={{ height: 48, fontSize: 17 }}
                onClick={() => setStep(s)}
              >
                {t(STEP_TITLES[s])}
              </Button>
            ))}
            {dto.agreement && (
              <Button
                size="large"
                block
                icon={<DownloadOutlined />}
                href={agreementUrl(dto.id)}
                style={{ height: 48, fontSize: 17 }}
                data-testid="agreement-download"
              >
                {t('mediation.case.download')}
              </Button>
            )}
          </Flex>
          <Card size="small" title={<span style={{ fontSize: 16 }}>{t('mediation.case.parties')}</span>}>
            <Descriptions
              column={1}
              size="small"
              items={dto.parties.map((p) => ({
                key: p.id,
                label: t(`mediation.party.${p.role}`),
                children: (
                  <span style={{ fontSize: 15 }}>
                    {p.name} {p.phone ?? ''}
                  </span>
                ),
              }))}
            />
          </Card>
          <Card size="small" title={<span style={{ fontSize: 16 }}>{t('mediation.case.sessions')}</span>}>
            {dto.sessions.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mediation.case.noSessions')} />
            ) : (
              <Timeline
                data-testid="case-sessions"
                items={dto.sessions.map((s) => ({
                  key: s.id,
                  content: (
                    <>
                      <Typography.Text strong>{s.heldOn}</Typography.Text> {s.participants}
                      <br />
                      <Typography.Text type="secondary">{s.notes}</Typography.Text>
                    </>
                  ),
                }))}
              />
            )}
          </Card>
          <Card
            size="small"
            title={<span style={{ fontSize: 16 }}>{t('mediation.case.attachments')}</span>}
            extra={
              dto.abilities.handle && (
                <UploadButton
                  url={caseFilesUrl(dto.id)}
                  label={t('mediation.m.photo')}
                  icon={<CameraOutlined />}
                  doneMessage={t('mediation.case.uploaded')}
                  onUploaded={() => void queryClient.invalidateQueries({ queryKey: mediationKeys.case(dto.id) })}
                  testId="case-upload"
                />
              )
            }
          >
            <AttachmentList
              attachments={dto.attachments}
              urlOf={(fileId) => caseFileUrl(dto.id, fileId)}
              emptyText={t('mediation.case.noAttachments')}
              testId="case-attachments"
            />
          </Card>
          <CaseStepModal key={step ?? 'none'} dto={dto} step={step} onClose={() => setStep(null)} />
        </Flex>
      )}
    </MobilePage>
  );
}
