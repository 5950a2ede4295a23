import { Card } from 'antd';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { useI18n } from '../../../app/i18n/i18n-context.tsx';
import { DesignationsTable } from './designations-table.tsx';

/**
 * 示范命名 on a region's page, for those who may read programmes: the server lists the units inside
 * the region that the actor sees (on a region above the actor's own, those of their own region).
 */
export function RegionDesignations({ regionCode }: { regionCode: string }) {
  const { t } = useI18n();
  const session = useSession();
  if (!session.permissions.includes('programs.read')) return null;
  return (
    <Card title={t('programs.designations.title')} style={{ marginTop: 16 }} data-testid="region-designations">
      <DesignationsTable regionCode={regionCode} compact />
    </Card>
  );
}
