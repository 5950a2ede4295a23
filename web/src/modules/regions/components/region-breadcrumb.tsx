import { Breadcrumb } from 'antd';
import type { RegionDetailDto, RegionDto } from '@rg/domain/regions/region.schema';
import { Link } from 'react-router';
import { regionPath } from '../region-paths.ts';

/** Ancestors link only where the server says the user may go (their own subtree); above it they are plain text. */
export function RegionBreadcrumb({ region, ancestors }: { region: RegionDto; ancestors: RegionDetailDto['ancestors'] }) {
  const items = ancestors.map((ancestor) => ({
    key: ancestor.code,
    title: ancestor.abilities.open ? <Link to={regionPath(ancestor.code)}>{ancestor.name}</Link> : ancestor.name,
  }));
  items.push({ key: region.code, title: region.name });
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} data-testid="region-breadcrumb" />;
}
