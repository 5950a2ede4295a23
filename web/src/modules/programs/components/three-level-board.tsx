import { Alert, Empty, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { BoardRowDto } from '@rg/domain/programs/case.schema';
import { useState } from 'react';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { LoadError } from '../../../app/layout/load-error.tsx';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { programKeys, programsApi } from '../api.ts';

/** 三级创建看板 (plan 3): per town of a county, its title and its demonstration villages, on track or not. */
export function ThreeLevelBoard() {
  const { t } = useI18n();
  const session = useSession();
  const [county, setCounty] = useState<string | null>(session.scope.level === 'county' ? session.scope.code : null);
  const board = useQuery({
    queryKey: programKeys.board(county ?? ''),
    queryFn: () => programsApi.board(county ?? ''),
    enabled: county !== null,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {session.scope.level !== 'county' && (
        <RegionPicker
          placeholder={t('programs.board.county')}
          style={{ width: 260 }}
          value={county}
          onChange={(code) => setCounty(code ?? null)}
        />
      )}
      {county === null ? (
        <Empty description={t('programs.board.county')} />
      ) : board.error ? (
        <LoadError error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <>
          {board.data && (
            <Alert
              type="info"
              showIcon
              data-testid="board-summary"
              title={t('programs.board.summary', {
                county: board.data.countyName,
                towns: board.data.towns.length,
                withVillage: board.data.townsWithVillage,
                designated: board.data.designatedTowns,
              })}
              description={
                board.data.countyTitles.length > 0
                  ? t('programs.board.countyTitles', { titles: board.data.countyTitles.join(t('common.listSeparator')) })
                  : undefined
              }
            />
          )}
          <Table<BoardRowDto>
            size="small"
            rowKey="townCode"
            loading={board.isPending}
            dataSource={board.data?.towns ?? []}
            pagination={false}
            data-testid="three-level-board"
            columns={[
              { title: t('programs.board.town'), dataIndex: 'townName', width: 140 },
              {
                title: t('programs.board.townTitle'),
                width: 200,
                render: (_, r) => (r.townTitle ? <Tag color="gold">{r.townTitle}</Tag> : '—'),
              },
              {
                title: t('programs.board.villages'),
                render: (_, r) =>
                  r.villages.length === 0 ? (
                    <Typography.Text type="secondary">{t('programs.board.none')}</Typography.Text>
                  ) : (
                    <Space wrap>
                      {r.villages.map((v) => (
                        <Tag key={v.code} color={v.onTrack ? 'green' : 'orange'}>
                          {v.name}
                          {t('common.parenthesised', { text: v.title })}
                        </Tag>
                      ))}
                    </Space>
                  ),
              },
              {
                title: t('programs.board.onTrack'),
                width: 110,
                render: (_, r) =>
                  r.villages.length === 0 ? (
                    '—'
                  ) : r.onTrack ? (
                    <Tag color="success">{t('programs.board.yes')}</Tag>
                  ) : (
                    <Tag color="error">{t('programs.board.no')}</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
