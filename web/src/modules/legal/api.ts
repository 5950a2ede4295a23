import type {
  AdvisorCategory,
  AdvisorDetailDto,
  AdvisorDto,
  AdvisorImportResultDto,
  AdvisorListDto,
  AdvisorStatus,
  RevealedDto,
} from '@rg/domain/legal/advisor.schema';
import type { AssignmentDto, AssignmentListDto, CoverageDto, UncoveredListDto } from '@rg/domain/legal/assignment.schema';
import { api, postRaw, withQuery } from '../../app/api/api-client.ts';

export interface AdvisorListQuery {
  q?: string;
  status?: AdvisorStatus;
  category?: AdvisorCategory;
  page: number;
  pageSize: number;
}

/** The fields 新增 and 编辑 share; optional texts are null when cleared. */
export interface AdvisorFields {
  name: string;
  gender: 'male' | 'female';
  phone: string;
  idNumber: string;
  category: AdvisorCategory;
  employerName?: string | null;
  employerUscc?: string | null;
  licenceNo?: string | null;
  contractStart?: string | null;
  contractEnd?: string | null;
  contractFeeFen?: number | null;
}

export interface AdvisorCreateInput extends AdvisorFields {
  regionCode: string;
}

export type AdvisorUpdateInput = Partial<AdvisorFields> & { version: number; status?: AdvisorStatus; userId?: string | null };

export type RevealField = 'phone' | 'idNumber';

export interface AssignmentListQuery {
  regionCode?: string;
  current?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export interface UncoveredQuery {
  regionCode?: string;
  poorOnly?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export const legalKeys = {
  all: ['legal'] as const,
  advisors: (query: AdvisorListQuery) => ['legal', 'advisors', query] as const,
  advisorOptions: (q: string) => ['legal', 'advisor-options', q] as const,
  advisor: (id: string) => ['legal', 'advisor', id] as const,
  assignments: (query: AssignmentListQuery) => ['legal', 'assignments', query] as const,
  coverage: (regionCode: string | undefined) => ['legal', 'coverage', regionCode ?? ''] as const,
  uncovered: (query: UncoveredQuery) => ['legal', 'uncovered', query] as const,
};

const advisorPath = (id: string) => `/api/legal/advisors/${encodeURIComponent(id)}`;
const assignmentPath = (id: string) => `/api/legal/assignments/${encodeURIComponent(id)}`;

export const legalApi = {
  advisors: (query: AdvisorListQuery) => api.get<AdvisorListDto>('/api/legal/advisors', { ...query }),
  advisor: (id: string) => api.get<AdvisorDetailDto>(advisorPath(id)),
  createAdvisor: (input: AdvisorCreateInput) => api.post<AdvisorDto>('/api/legal/advisors', input),
  updateAdvisor: (id: string, input: AdvisorUpdateInput) => api.patch<AdvisorDto>(advisorPath(id), input),
  reveal: (id: string, field: RevealField) => api.post<RevealedDto>(`${advisorPath(id)}/reveal`, { field }),

  assignments: (query: AssignmentListQuery) => api.get<AssignmentListDto>('/api/legal/assignments', { ...query }),
  assign: (input: { advisorId: string; villageCode: string; startDate: string }) =>
    api.post<AssignmentDto>('/api/legal/assignments', input),
  handover: (id: string, input: { advisorId: string; date: string }) => api.post<AssignmentDto>(`${assignmentPath(id)}/handover`, input),
  end: (id: string, input: { date: string; reason?: string }) => api.post<AssignmentDto>(`${assignmentPath(id)}/end`, input),

  coverage: (regionCode: string | undefined) => api.get<CoverageDto>('/api/legal/coverage', { regionCode }),
  uncovered: (query: UncoveredQuery) => api.get<UncoveredListDto>('/api/legal/coverage/uncovered', { ...query }),
};

/** 导出 Excel: a plain download (GET, session cookie); the server scopes and audits it. */
export function uncoveredExportUrl(query: Omit<UncoveredQuery, 'page' | 'pageSize'>): string {
  return withQuery('/api/legal/coverage/uncovered.xlsx', { ...query });
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 下载模板: a plain download (GET, session cookie). */
export const advisorTemplateUrl = '/api/legal/advisors/template.xlsx';

/** 批量导入: good rows are registered in `regionCode`, bad rows come back with their reasons. */
export function importAdvisors(regionCode: string, file: Blob): Promise<AdvisorImportResultDto> {
  return postRaw<AdvisorImportResultDto>(withQuery('/api/legal/advisors/import', { regionCode }), file, XLSX_CONTENT_TYPE);
}
