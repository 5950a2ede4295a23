import { Breadcrumb } from 'antd';
import type { RegionDto } from '@rg/domain/regions/region.schema';
import { Link } from 'react-router';
import { useSession } from '../../../app/auth/auth-context.tsx';
import { regionPath } from '../region-paths.ts';
import { isWithin } from '../region-scope.ts';

/** Ancestors link only where the user may go (their own subtree); above it they are plain text. */
export function RegionBreadcrumb({ region, ancestors }: { region: RegionDto; ancestors: RegionDto[] }) {
  const session = useSession();
  const items = ancestors.map((ancestor) => ({
    key: ancestor.code,
    title: isWithin(ancestor.code, session.user.regionCode) ? <Link to={regionPath(ancestor.code)}>{ancestor.name}</Link> : ancestor.name,
  }));
  items.push({ key: region.code, title: region.name });
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} data-testid="region-breadcrumb" />;
}
