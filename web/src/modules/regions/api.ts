import type { RegionDto, VillageAttributes } from '@rg/domain/regions/region.schema';
import { api } from '../../app/api/api-client.ts';

export interface RegionSearchHit extends RegionDto {
  /** Names from below the actor's root down to the hit, e.g. 泾阳县王桥镇屈家村. */
  path: string;
}

export interface RegionDetail extends RegionDto {
  ancestors: RegionDto[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export const regionKeys = {
  all: ['regions'] as const,
  search: (q: string) => ['regions', 'search', q] as const,
  detail: (code: string) => ['regions', 'detail', code] as const,
  children: (code: string, page: number, pageSize: number) => ['regions', 'children', code, page, pageSize] as const,
};

export const regionsApi = {
  search: (q: string, signal?: AbortSignal) => api.get<{ items: RegionSearchHit[] }>('/api/regions/search', { q, limit: 20 }, signal),
  detail: (code: string) => api.get<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`),
  children: (code: string, page: number, pageSize: number) =>
    api.get<Page<RegionDto>>(`/api/regions/${encodeURIComponent(code)}/children`, { page, pageSize }),
  updateAttributes: (code: string, attributes: VillageAttributes) =>
    api.patch<RegionDto>(`/api/regions/${encodeURIComponent(code)}`, attributes),
  createGroup: (code: string, name: string) => api.post<RegionDto>(`/api/regions/${encodeURIComponent(code)}/groups`, { name }),
};
