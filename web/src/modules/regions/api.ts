import type { RegionDetailDto, RegionDto, RegionPageDto, RegionSearchHit, VillageAttributes } from '@rg/domain/regions/region.schema';
import { api } from '../../app/api/api-client.ts';

export const regionKeys = {
  all: ['regions'] as const,
  search: (q: string) => ['regions', 'search', q] as const,
  detail: (code: string) => ['regions', 'detail', code] as const,
  children: (code: string, page: number, pageSize: number) => ['regions', 'children', code, page, pageSize] as const,
};

export const regionsApi = {
  search: (q: string, signal?: AbortSignal) => api.get<{ items: RegionSearchHit[] }>('/api/regions/search', { q, limit: 20 }, signal),
  detail: (code: string) => api.get<RegionDetailDto>(`/api/regions/${encodeURIComponent(code)}`),
  children: (code: string, page: number, pageSize: number) =>
    api.get<RegionPageDto>(`/api/regions/${encodeURIComponent(code)}/children`, { page, pageSize }),
  updateAttributes: (code: string, attributes: VillageAttributes) =>
    api.patch<RegionDto>(`/api/regions/${encodeURIComponent(code)}`, attributes),
  createGroup: (code: string, name: string) => api.post<RegionDto>(`/api/regions/${encodeURIComponent(code)}/groups`, { name }),
};
