import { Button, Drawer, Flex, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { mediationApi, mediationKeys } from '../api.ts';
import { MaskedValue } from './masked-value.tsx';
import { MediatorStatusForm } from './mediator-status-form.tsx';
import { TrainingModal } from './training-modal.tsx';

export function MediatorDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const [training, setTraining] = useState(false);
  const detail = useQuery({
    queryKey: mediationKeys.mediator(id ?? ''),
    queryFn: () => mediationApi.mediator(id ?? ''),
    enabled: id !== null,
  });
  const m = detail.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={m ? t('mediation.mediator.drawerTitle', { name: m.name, committee: m.committeeName }) : ''}
      data-testid="mediator-drawer"
    >
      {m && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text>
            {t('mediation.mediator.phone')}
            {t('common.colon')}
            <MaskedValue
              masked={m.phone}
              canReveal={m.abilities.reveal}
              label={t('mediation.mediator.phone')}
              reveal={() => mediationApi.revealMediator(m.id, 'phone')}
            />
          </Typography.Text>
          {m.abilities.update && <MediatorStatusForm key={m.version} mediator={m} />}
          <Typography.Text>
            {t('mediation.mediator.idNumber')}
            {t('common.colon')}
            <MaskedValue
              masked={m.idNumber}
              canReveal={m.abilities.reveal}
              label={t('mediation.mediator.idNumber')}
              reveal={() => mediationApi.revealMediator(m.id, 'idNumber')}
            />
          </Typography.Text>
          <Flex justify="space-between" align="center">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('mediation.mediator.training')}
              {t('common.colon')}
              {m.trainingHours}
            </Typography.Title>
            {m.abilities.update && <Button onClick={() => setTraining(true)}>{t('mediation.mediator.addTraining')}</Button>}
          </Flex>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={m.trainings}
            columns={[
              { title: t('mediation.mediator.trainedOn'), dataIndex: 'trainedOn' },
              { title: t('mediation.mediator.trainingTitle'), dataIndex: 'title' },
              { title: t('mediation.mediator.hours'), dataIndex: 'hours' },
            ]}
          />
          {training && <TrainingModal mediatorId={m.id} onClose={() => setTraining(false)} />}
        </Space>
      )}
    </Drawer>
  );
}
