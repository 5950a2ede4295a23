import { Card } from 'antd';
import { isWithin } from '@rg/domain/regions/region-code';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { DesignationsTable } from './designations-table.tsx';

/**
 * 示范命名 on a region's page: shown to those who may read programmes, and only when the region
 * lies inside their own (the server answers 404 otherwise).
 */
export function RegionDesignations({ regionCode }: { regionCode: string }) {
  const { t } = useI18n();
  const session = useSession();
  if (!session.permissions.includes('programs.read') || !isWithin(regionCode, session.user.regionCode)) return null;
  return (
    <Card title={t('programs.designations.title')} style={{ marginTop: 16 }} data-testid="region-designations">
      <DesignationsTable regionCode={regionCode} compact />
    </Card>
  );
}
