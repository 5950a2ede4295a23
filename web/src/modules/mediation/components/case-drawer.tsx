import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Flex, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { CaseDto } from '@rg/domain/mediation/case.schema';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { agreementUrl, mediationApi, mediationKeys } from '../api.ts';
import { formatYuan, RISK_COLORS, STATUS_COLORS, useMediationLabels } from '../labels.ts';
import { CaseAttachments } from './case-attachments.tsx';
import { CaseStepModal, STEP_TITLES, stepsOf, type CaseStep } from './case-step-modal.tsx';
import { MaskedText } from './masked-text.tsx';
import { MaskedValue } from './masked-value.tsx';
import { PartiesEditModal } from './parties-edit-modal.tsx';
import { PartyHistory } from './party-history.tsx';

function Detail({
  dto,
  onStep,
  onOpen,
  onEditParties,
}: {
  dto: CaseDto;
  onStep: (step: CaseStep) => void;
  onOpen: (id: string) => void;
  onEditParties: () => void;
}) {
  const { t } = useI18n();
  const labels = useMediationLabels();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {dto.criminalRisk && dto.concludedOn === null && <Alert type="error" showIcon title={t('mediation.case.criminalRiskAlert')} />}
      {dto.overdue && dto.concludedOn === null && (
        <Alert type="warning" showIcon title={t('mediation.case.overdueAlert', { date: dto.dueOn })} />
      )}
      <Flex gap={8} wrap data-testid="case-actions">
        {stepsOf(dto).map((step) => (
          <Button
            key={step}
            type={['start', 'agree', 'follow_up', 'close'].includes(step) ? 'primary' : 'default'}
            danger={step === 'fail'}
            onClick={() => onStep(step)}
          >
            {t(STEP_TITLES[step])}
          </Button>
        ))}
        {dto.agreement && (
          <Button icon={<DownloadOutlined />} href={agreementUrl(dto.id)} data-testid="agreement-download">
            {t('mediation.case.download')}
          </Button>
        )}
      </Flex>
      <Descriptions
        column={2}
        size="small"
        bordered
        items={[
          {
            key: 'status',
            label: t('mediation.case.status'),
            children: (
              <Tag color={STATUS_COLORS[dto.status]} data-testid="case-status">
                {labels.status[dto.status]}
              </Tag>
            ),
          },
          { key: 'type', label: t('mediation.case.type'), children: labels.caseType[dto.caseType] },
          { key: 'place', label: t('mediation.case.place'), children: dto.region.path },
          {
            key: 'source',
            label: t('mediation.case.source'),
            children: `${dto.referrer ? t('mediation.case.sourceReferrer', { source: labels.source[dto.source], referrer: labels.referrer[dto.referrer] }) : labels.source[dto.source]}${dto.online ? t('common.parenthesised', { text: t('mediation.case.online') }) : ''}`,
          },
          { key: 'registered', label: t('mediation.case.registeredOn'), children: dto.registeredOn },
          { key: 'due', label: t('mediation.case.dueOn'), children: dto.dueOn },
          { key: 'committee', label: t('mediation.case.committee'), children: dto.committee?.name ?? '—' },
          { key: 'mediator', label: t('mediation.case.mediator'), children: dto.mediator?.name ?? '—' },
          {
            key: 'risk',
            label: t('mediation.case.risk'),
            children: <Tag color={RISK_COLORS[dto.riskLevel]}>{labels.risk[dto.riskLevel]}</Tag>,
          },
          {
            key: 'reasons',
            label: t('mediation.case.riskReasons'),
            children: dto.riskReasons.map((r) => labels.reason[r]).join(t('common.listSeparator')) || '—',
          },
          { key: 'amount', label: t('mediation.case.amount'), children: formatYuan(dto.amountFen) },
          { key: 'people', label: t('mediation.case.people'), children: dto.peopleCount },
          {
            key: 'description',
            label: t('mediation.case.description'),
            span: 2,
            children: (
              <MaskedText
                text={dto.description}
                canReveal={dto.abilities.reveal}
                label={t('mediation.case.description')}
                reveal={() => mediationApi.revealText(dto.id, 'description')}
              />
            ),
          },
          ...(dto.reopenedFrom
            ? [
                {
                  key: 'from',
                  label: t('mediation.case.reopenedFrom'),
                  span: 2,
                  children: <Typography.Link onClick={() => onOpen(dto.reopenedFrom?.id ?? '')}>{dto.reopenedFrom.caseNo}</Typography.Link>,
                },
              ]
            : []),
          ...(dto.reopenedAs
            ? [
                {
                  key: 'as',
                  label: t('mediation.case.reopenedAs'),
                  span: 2,
                  children: <Typography.Link onClick={() => onOpen(dto.reopenedAs?.id ?? '')}>{dto.reopenedAs.caseNo}</Typography.Link>,
                },
              ]
            : []),
        ]}
      />
      <PartyHistory history={dto.partyHistory} onOpen={onOpen} />
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('mediation.case.parties')}
        </Typography.Title>
        {dto.abilities.editParties && (
          <Button size="small" onClick={onEditParties}>
            {t('mediation.parties.edit')}
          </Button>
        )}
      </Flex>
      <Descriptions
        column={1}
        size="small"
        bordered
        data-testid="case-parties"
        items={dto.parties.map((p) => ({
          key: p.id,
          label: `${p.role === 'applicant' ? t('mediation.party.applicant') : t('mediation.party.respondent')}${t('common.colon')}${p.name}`,
          children: (
            <Space size={16} wrap>
              <MaskedValue
                masked={p.idNumber}
                canReveal={dto.abilities.reveal}
                label={t('mediation.party.idNumber')}
                reveal={() => mediationApi.revealParty(dto.id, p.id, 'idNumber')}
              />
              <MaskedValue
                masked={p.phone}
                canReveal={dto.abilities.reveal}
                label={t('mediation.party.phone')}
                reveal={() => mediationApi.revealParty(dto.id, p.id, 'phone')}
              />
              {p.address && <Typography.Text type="secondary">{p.address}</Typography.Text>}
            </Space>
          ),
        }))}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('mediation.case.sessions')}
      </Typography.Title>
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
      {dto.agreement && (
        <Descriptions
          title={t('mediation.case.agreement')}
          column={2}
          size="small"
          bordered
          items={[
            { key: 'on', label: t('mediation.field.agreedOn'), children: dto.agreement.agreedOn },
            {
              key: 'confirmed',
              label: t('mediation.record.confirm'),
              children: dto.agreement.confirmedOn ?? t('mediation.case.notConfirmed'),
            },
            {
              key: 'terms',
              label: t('mediation.field.terms'),
              span: 2,
              children: (
                <MaskedText
                  text={dto.agreement.terms}
                  canReveal={dto.abilities.reveal}
                  label={t('mediation.field.terms')}
                  reveal={() => mediationApi.revealText(dto.id, 'agreementTerms')}
                />
              ),
            },
            {
              key: 'performance',
              label: t('mediation.field.performance'),
              span: 2,
              children: dto.performance ? labels.performance[dto.performance] : '—',
            },
          ]}
        />
      )}
      {dto.failure && (
        <Descriptions
          title={t('mediation.case.failure')}
          column={2}
          size="small"
          bordered
          items={[
            { key: 'on', label: t('mediation.field.failedOn'), children: dto.failure.failedOn },
            { key: 'route', label: t('mediation.field.route'), children: labels.route[dto.failure.route] },
            { key: 'dest', label: t('mediation.field.destination'), span: 2, children: dto.failure.destination },
          ]}
        />
      )}
      {(dto.followUp.dueOn || dto.closedOn) && (
        <Descriptions
          title={t('mediation.case.followUp')}
          column={2}
          size="small"
          bordered
          items={[
            { key: 'due', label: t('mediation.case.followUpDue'), children: dto.followUp.dueOn ?? '—' },
            { key: 'visited', label: t('mediation.field.visitedOn'), children: dto.followUp.visitedOn ?? '—' },
            { key: 'note', label: t('mediation.field.visitNote'), span: 2, children: dto.followUp.note ?? '—' },
            { key: 'closed', label: t('mediation.case.closedOn'), span: 2, children: dto.closedOn ?? '—' },
          ]}
        />
      )}
      <CaseAttachments dto={dto} />
    </Space>
  );
}

/** 案件详情: facts, parties (masked, 查看 when allowed), sessions, agreement or failure, follow-up, and the next steps. */
export function CaseDrawer({ caseId, onClose, onOpen }: { caseId: string | null; onClose: () => void; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const [step, setStep] = useState<CaseStep | null>(null);
  const [editingParties, setEditingParties] = useState(false);
  const detail = useQuery({
    queryKey: mediationKeys.case(caseId ?? ''),
    queryFn: () => mediationApi.case(caseId ?? ''),
    enabled: caseId !== null,
  });
  return (
    <Drawer
      open={caseId !== null}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={detail.data ? `${t('mediation.case.detail')}${t('common.colon')}${detail.data.caseNo}` : t('mediation.case.detail')}
      data-testid="case-drawer"
    >
      {detail.isPending ? (
        <Skeleton active />
      ) : detail.error ? (
        <LoadError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <>
          <Detail dto={detail.data} onStep={setStep} onOpen={onOpen} onEditParties={() => setEditingParties(true)} />
          <CaseStepModal key={step ?? 'none'} dto={detail.data} step={step} onClose={() => setStep(null)} />
          {editingParties && <PartiesEditModal key={detail.data.version} dto={detail.data} onClose={() => setEditingParties(false)} />}
        </>
      )}
    </Drawer>
  );
}
