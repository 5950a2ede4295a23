import type {
  ComplianceDto,
  ConsultationListDto,
  LegalDashboardDto,
  NormCreate,
  NormDto,
  NormListDto,
  NoticeDto,
  RoomDto,
  RoomInput,
  ServiceDetailDto,
  ServiceListDto,
  ServiceStatus,
  ServiceType,
  ServiceWindow,
} from '@rg/domain/legal/service.schema';
import { api, withQuery } from '../../app/api/api-client.ts';

export interface ServiceListQuery {
  regionCode?: string;
  advisorId?: string;
  window?: ServiceWindow;
  serviceType?: ServiceType;
  status?: ServiceStatus;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export type ConsultationStatus = 'open' | 'answered' | 'overdue';

export interface ConsultationListQuery {
  regionCode?: string;
  status?: ConsultationStatus;
  page: number;
  pageSize: number;
}

export interface ComplianceQuery {
  regionCode?: string;
  /** 2026-11, 2026-Q4 or 2026. */
  period: string;
  behindOnly?: 'true' | 'false';
  page: number;
  pageSize: number;
}

/** Every key starts with ['legal'], so `legalKeys.all` invalidates these as well. */
export const legalReportKeys = {
  services: (query: ServiceListQuery) => ['legal', 'services', query] as const,
  service: (id: string) => ['legal', 'service', id] as const,
  consultations: (query: ConsultationListQuery) => ['legal', 'consultations', query] as const,
  norms: ['legal', 'norms'] as const,
  compliance: (query: ComplianceQuery) => ['legal', 'compliance', query] as const,
  dashboard: (regionCode: string | undefined, year: number) => ['legal', 'dashboard', regionCode ?? '', year] as const,
  room: (villageCode: string) => ['legal', 'room', villageCode] as const,
  notice: (villageCode: string) => ['legal', 'notice', villageCode] as const,
};

const servicePath = (id: string) => `/api/legal/services/${encodeURIComponent(id)}`;
const roomPath = (villageCode: string) => `/api/legal/rooms/${encodeURIComponent(villageCode)}`;

export const legalReportsApi = {
  services: (query: ServiceListQuery) => api.get<ServiceListDto>('/api/legal/services', { ...query }),
  service: (id: string) => api.get<ServiceDetailDto>(servicePath(id)),
  returnService: (id: string, input: { version: number; comment: string }) =>
    api.post<ServiceDetailDto>(`${servicePath(id)}/return`, input),
  acceptService: (id: string, input: { version: number }) => api.post<ServiceDetailDto>(`${servicePath(id)}/accept`, input),

  consultations: (query: ConsultationListQuery) => api.get<ConsultationListDto>('/api/legal/consultations', { ...query }),

  norms: () => api.get<NormListDto>('/api/legal/norms'),
  createNorm: (input: NormCreate) => api.post<NormDto>('/api/legal/norms', input),
  deleteNorm: (id: string) => api.delete<void>(`/api/legal/norms/${encodeURIComponent(id)}`),
  compliance: (query: ComplianceQuery) => api.get<ComplianceDto>('/api/legal/compliance', { ...query }),

  dashboard: (regionCode: string | undefined, year: number) => api.get<LegalDashboardDto>('/api/legal/dashboard', { regionCode, year }),

  room: (villageCode: string) => api.get<RoomDto>(roomPath(villageCode)),
  saveRoom: (villageCode: string, input: RoomInput) => api.put<RoomDto>(roomPath(villageCode), input),
  notice: (villageCode: string) => api.get<NoticeDto>(`${roomPath(villageCode)}/notice`),
};

/** An attachment's file (GET, session cookie): opened in a new tab or shown as a thumbnail. */
export function attachmentUrl(serviceId: string, fileId: string): string {
  return `${servicePath(serviceId)}/attachments/${encodeURIComponent(fileId)}`;
}

/** 一村一卷 as Word (.docx) or the village's ledger as Excel (.xlsx): plain downloads the server scopes and audits. */
export function dossierUrl(villageCode: string, format: 'docx' | 'xlsx', year: number): string {
  return withQuery(`/api/legal/dossiers/${encodeURIComponent(villageCode)}.${format}`, { year });
}

/** Every village's dossier of a town or county in one .zip. */
export function dossierBatchUrl(regionCode: string, year: number): string {
  return withQuery(`/api/legal/dossiers/batch/${encodeURIComponent(regionCode)}.zip`, { year });
}

/** The standalone printable 公示牌 page of a village. */
export function noticePagePath(villageCode: string): string {
  return `/legal/notice/${encodeURIComponent(villageCode)}`;
}
