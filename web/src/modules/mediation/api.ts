import type { AidDto, AidListDto, AidStatus } from '@rg/domain/mediation/aid.schema';
import type {
  CaseDto,
  CaseListDto,
  CaseListQuery,
  CaseRegisteredDto,
  CaseTextField,
  MyApplicationDto,
  MyApplicationsDto,
} from '@rg/domain/mediation/case.schema';
import type {
  CommitteeDto,
  CommitteeLevel,
  CommitteeListDto,
  MediatorDetailDto,
  MediatorListDto,
  StaffingDto,
} from '@rg/domain/mediation/committee.schema';
import type { RevealedDto } from '@rg/domain/mediation/common.schema';
import type { ScreeningCompletenessDto, ScreeningDto } from '@rg/domain/mediation/screening.schema';
import type { SettingsDto } from '@rg/domain/mediation/settings.schema';
import type { StatsDto } from '@rg/domain/mediation/stats.schema';
import { api, withQuery } from '../../app/api/api-client.ts';

/** The case list's filters (the server's query schema without the region and the paging). */
export type CaseFilters = Partial<Omit<CaseListQuery, 'regionCode' | 'page' | 'pageSize'>>;
export type CaseQuery = CaseFilters & Pick<CaseListQuery, 'page' | 'pageSize'> & { regionCode?: string };

export const mediationKeys = {
  all: ['mediation'] as const,
  cases: (query: CaseQuery) => ['mediation', 'cases', query] as const,
  case: (id: string) => ['mediation', 'case', id] as const,
  committees: (query: object) => ['mediation', 'committees', query] as const,
  mediators: (query: object) => ['mediation', 'mediators', query] as const,
  mediator: (id: string) => ['mediation', 'mediator', id] as const,
  staffing: (regionCode?: string) => ['mediation', 'staffing', regionCode ?? ''] as const,
  screening: (period: string, regionCode?: string) => ['mediation', 'screening', period, regionCode ?? ''] as const,
  aid: (status?: AidStatus, page = 1) => ['mediation', 'aid', status ?? '', page] as const,
  stats: (year: number, regionCode?: string) => ['mediation', 'stats', year, regionCode ?? ''] as const,
  settings: () => ['mediation', 'settings'] as const,
  mine: () => ['mediation', 'mine'] as const,
};

export const mediationApi = {
  cases: (query: CaseQuery) => api.get<CaseListDto>('/api/mediation/cases', { ...query }),
  case: (id: string) => api.get<CaseDto>(`/api/mediation/cases/${id}`),
  register: (body: unknown, idempotencyKey?: string) => api.post<CaseRegisteredDto>('/api/mediation/cases', body, idempotencyKey),
  step: (id: string, path: string, body: unknown) => api.post<CaseDto>(`/api/mediation/cases/${id}/${path}`, body),
  updateParties: (id: string, body: unknown) => api.put<CaseDto>(`/api/mediation/cases/${id}/parties`, body),
  revealParty: (caseId: string, partyId: string, field: 'phone' | 'idNumber') =>
    api.post<RevealedDto>(`/api/mediation/cases/${caseId}/parties/${partyId}/reveal`, { field }),
  /** A case text with the numbers typed into it in full (SECURITY.md 30; audited). */
  revealText: (caseId: string, field: CaseTextField) => api.post<RevealedDto>(`/api/mediation/cases/${caseId}/texts/reveal`, { field }),
  committees: (query: { level?: CommitteeLevel; q?: string; page: number; pageSize: number }) =>
    api.get<CommitteeListDto>('/api/mediation/committees', { ...query }),
  createCommittee: (body: unknown) => api.post<CommitteeDto>('/api/mediation/committees', body),
  updateCommittee: (id: string, body: unknown) => api.patch<CommitteeDto>(`/api/mediation/committees/${id}`, body),
  mediators: (query: { committeeId?: string; assignableTo?: string; employment?: string; q?: string; page: number; pageSize: number }) =>
    api.get<MediatorListDto>('/api/mediation/mediators', { ...query }),
  mediator: (id: string) => api.get<MediatorDetailDto>(`/api/mediation/mediators/${id}`),
  createMediator: (body: unknown) => api.post<MediatorDetailDto>('/api/mediation/mediators', body),
  updateMediator: (id: string, body: unknown) => api.patch<MediatorDetailDto>(`/api/mediation/mediators/${id}`, body),
  addTraining: (id: string, body: unknown) => api.post<MediatorDetailDto>(`/api/mediation/mediators/${id}/trainings`, body),
  revealMediator: (id: string, field: 'phone' | 'idNumber') => api.post<RevealedDto>(`/api/mediation/mediators/${id}/reveal`, { field }),
  staffing: (regionCode?: string) => api.get<StaffingDto>('/api/mediation/staffing', { regionCode }),
  screening: (period: string, regionCode?: string) =>
    api.get<ScreeningCompletenessDto>('/api/mediation/screenings/completeness', { period, regionCode }),
  submitScreening: (body: unknown, idempotencyKey?: string) => api.post<ScreeningDto>('/api/mediation/screenings', body, idempotencyKey),
  aid: (status: AidStatus | undefined, page: number) => api.get<AidListDto>('/api/mediation/aid', { status, page, pageSize: 20 }),
  createAid: (body: unknown) => api.post<AidDto>('/api/mediation/aid', body),
  aidStep: (id: string, step: 'review' | 'assign' | 'close', body: unknown) => api.post<AidDto>(`/api/mediation/aid/${id}/${step}`, body),
  revealAid: (id: string, field: 'phone' | 'idNumber') => api.post<RevealedDto>(`/api/mediation/aid/${id}/reveal`, { field }),
  stats: (year: number, regionCode?: string) => api.get<StatsDto>('/api/mediation/stats', { year, regionCode }),
  settings: () => api.get<SettingsDto>('/api/mediation/settings'),
  putSettings: (body: unknown) => api.put<SettingsDto>('/api/mediation/settings', body),
  apply: (body: unknown, idempotencyKey: string) => api.post<MyApplicationDto>('/api/mediation/applications', body, idempotencyKey),
  mine: () => api.get<MyApplicationsDto>('/api/mediation/applications/mine'),
};

/** Plain downloads (GET with the session cookie); the server scopes and audits them. */
export const agreementUrl = (id: string) => `/api/mediation/cases/${id}/agreement.docx`;
/** 给予／不予法律援助决定书 after review (full ID number only for those who may reveal it; audited). */
export const aidDecisionUrl = (id: string) => `/api/mediation/aid/${id}/decision.docx`;
export const caseFilesUrl = (id: string) => `/api/mediation/cases/${id}/attachments`;
export const caseFileUrl = (id: string, fileId: string) => `${caseFilesUrl(id)}/${fileId}`;
export const staffingExportUrl = (regionCode?: string) => withQuery('/api/mediation/staffing/gaps.xlsx', { regionCode });
/** 调解案件登记台账 with the list's filters (every matching case, not one page). */
export const casesExportUrl = (filters: CaseFilters) => withQuery('/api/mediation/cases.xlsx', { ...filters });
export const statsExportUrl = (year: number, regionCode?: string) => withQuery('/api/mediation/stats.xlsx', { year, regionCode });
