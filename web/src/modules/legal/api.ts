import type { AdvisorCategory, AdvisorDto, AdvisorStatus } from '@rg/domain/legal/advisor.schema';
import type { AssignmentDto, CoverageDto, UncoveredVillageDto } from '@rg/domain/legal/assignment.schema';
import type { AttachmentDto } from '@rg/domain/legal/service.schema';
import { api, postRaw, withQuery } from '../../app/api/api-client.ts';

export interface AdvisorListQuery {
  q?: string;
  status?: AdvisorStatus;
  category?: AdvisorCategory;
  page: number;
  pageSize: number;
}

export interface AdvisorPage {
  items: AdvisorDto[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AdvisorDetail extends AdvisorDto {
  /** Newest first. */
  assignments: AssignmentDto[];
  /** 服务合同文件 */
  contractFiles: AttachmentDto[];
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
  advisors: (query: AdvisorListQuery) => api.get<AdvisorPage>('/api/legal/advisors', { ...query }),
  advisor: (id: string) => api.get<AdvisorDetail>(advisorPath(id)),
  createAdvisor: (input: AdvisorCreateInput) => api.post<AdvisorDto>('/api/legal/advisors', input),
  updateAdvisor: (id: string, input: AdvisorUpdateInput) => api.patch<AdvisorDto>(advisorPath(id), input),
  reveal: (id: string, field: RevealField) => api.post<{ value: string | null }>(`${advisorPath(id)}/reveal`, { field }),

  assignments: (query: AssignmentListQuery) => api.get<{ items: AssignmentDto[]; total: number }>('/api/legal/assignments', { ...query }),
  assign: (input: { advisorId: string; villageCode: string; startDate: string }) =>
    api.post<AssignmentDto>('/api/legal/assignments', input),
  handover: (id: string, input: { advisorId: string; date: string }) => api.post<AssignmentDto>(`${assignmentPath(id)}/handover`, input),
  end: (id: string, input: { date: string; reason?: string }) => api.post<AssignmentDto>(`${assignmentPath(id)}/end`, input),

  coverage: (regionCode: string | undefined) => api.get<CoverageDto>('/api/legal/coverage', { regionCode }),
  uncovered: (query: UncoveredQuery) =>
    api.get<{ items: UncoveredVillageDto[]; total: number }>('/api/legal/coverage/uncovered', { ...query }),
};

/** 导出 Excel: a plain download (GET, session cookie); the server scopes and audits it. */
export function uncoveredExportUrl(query: Omit<UncoveredQuery, 'page' | 'pageSize'>): string {
  return withQuery('/api/legal/coverage/uncovered.xlsx', { ...query });
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 下载模板: a plain download (GET, session cookie). */
export const advisorTemplateUrl = '/api/legal/advisors/template.xlsx';

export interface AdvisorImportError {
  /** The sheet's row number, the header being row 1. */
  row: number;
  /** The column's header text, e.g. 手机号码. */
  field: string;
  message: string;
}

export interface AdvisorImportResult {
  imported: number;
  errors: AdvisorImportError[];
}

/** 批量导入: good rows are registered in `regionCode`, bad rows come back with their reasons. */
export function importAdvisors(regionCode: string, file: Blob): Promise<AdvisorImportResult> {
  return postRaw<AdvisorImportResult>(withQuery('/api/legal/advisors/import', { regionCode }), file, XLSX_CONTENT_TYPE);
}
