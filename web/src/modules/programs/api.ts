import type {
  ApplicationDto,
  ApplicationListQuery,
  ApplicationSave,
  ApplicationSummaryDto,
  PlanDiffDto,
  ReviewDecision,
} from '@rg/domain/programs/application.schema';
import type { DesignationAction, DesignationDto } from '@rg/domain/programs/designation.schema';
import type { ProgramCreateInput, ProgramDetailDto, ProgramListDto, ProgramUpdateInput } from '@rg/domain/programs/program.schema';
import type { BoardDto, CaseDto, CaseListDto, CaseListQuery } from '@rg/domain/programs/case.schema';
import type { DesignationDetailDto, EvaluationKind, TemplateDto } from '@rg/domain/programs/evaluation.schema';
import type { AgencyRole, GroupDto, GroupListDto, MemberRole, TaskStatus } from '@rg/domain/programs/organization.schema';
import { api, postRaw, withQuery } from '../../app/api/api-client.ts';

/** The fields of a programme that its form sets, on creation and on edit. */
export type ProgramFieldsInput = Omit<ProgramUpdateInput, 'version'>;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Where an application's file of `kind` is uploaded (the raw file, core/http/files.ts). */
export function applicationUploadUrl(applicationId: string, kind: string): string {
  return withQuery(`/api/programs/applications/${applicationId}/attachments`, { kind });
}

/** One stored file of an application. */
export function applicationFileUrl(applicationId: string, fileId: string): string {
  return `/api/programs/applications/${applicationId}/attachments/${fileId}`;
}

export const programsApi = {
  list: () => api.get<ProgramListDto>('/api/programs'),
  create: (body: ProgramCreateInput) => api.post<ProgramDetailDto>('/api/programs', body),
  get: (id: string) => api.get<ProgramDetailDto>(`/api/programs/${id}`),
  update: (id: string, body: ProgramUpdateInput) => api.put<ProgramDetailDto>(`/api/programs/${id}`, body),
  withdraw: (id: string, body: { reason: string; version: number }) => api.post<ProgramDetailDto>(`/api/programs/${id}/withdraw`, body),
  removeMilestone: (id: string, milestoneId: string) => api.delete<ProgramDetailDto>(`/api/programs/${id}/milestones/${milestoneId}`),
  addMilestone: (id: string, body: { name: string; dueDate: string; kind: string; closesSubmission: boolean }) =>
    api.post<ProgramDetailDto>(`/api/programs/${id}/milestones`, body),
  extendMilestone: (id: string, milestoneId: string, body: { dueDate: string; reason: string }) =>
    api.post<ProgramDetailDto>(`/api/programs/${id}/milestones/${milestoneId}/extend`, body),
  putQuotas: (id: string, items: { regionCode: string; maxUnits: number; suggested: number | null }[]) =>
    api.put<ProgramDetailDto>(`/api/programs/${id}/quotas`, { items }),
  importQuotas: (id: string, file: Blob) =>
    postRaw<ProgramDetailDto & { skipped: string[] }>(`/api/programs/${id}/quotas/import`, file, XLSX_TYPE),
  applications: (query: ApplicationListQuery) => api.get<{ items: ApplicationSummaryDto[] }>('/api/programs/applications', { ...query }),
  application: (id: string) => api.get<ApplicationDto>(`/api/programs/applications/${id}`),
  createApplication: (programId: string, unitCode: string) =>
    api.post<ApplicationDto>(`/api/programs/${programId}/applications`, { unitCode }),
  save: (id: string, body: ApplicationSave) => api.put<ApplicationDto>(`/api/programs/applications/${id}`, body),
  submit: (id: string) => api.post<ApplicationDto>(`/api/programs/applications/${id}/submit`),
  review: (id: string, body: { decision: ReviewDecision; comment: string }) =>
    api.post<ApplicationDto>(`/api/programs/applications/${id}/review`, body),
  diff: (id: string, from: number, to: number) => api.get<PlanDiffDto>(`/api/programs/applications/${id}/diff`, { from, to }),
  designations: (query: { regionCode?: string; programId?: string }) =>
    api.get<{ items: DesignationDto[] }>('/api/programs/designations', query),
  groups: () => api.get<GroupListDto>('/api/programs/groups'),
  group: (id: string) => api.get<GroupDto>(`/api/programs/groups/${id}`),
  createGroup: (body: { regionCode: string; name: string; officeName: string; officeDirector: string }) =>
    api.post<GroupDto>('/api/programs/groups', body),
  addMember: (id: string, body: { personName: string; position: string; role: MemberRole }) =>
    api.post<GroupDto>(`/api/programs/groups/${id}/members`, body),
  addAgency: (id: string, body: { name: string; role: AgencyRole; duties: string }) =>
    api.post<GroupDto>(`/api/programs/groups/${id}/agencies`, body),
  addTask: (
    id: string,
    body: { title: string; description: string; agencyId?: string | null; assigneeName?: string | null; dueDate: string },
  ) => api.post<GroupDto>(`/api/programs/groups/${id}/tasks`, body),
  setTaskStatus: (taskId: string, body: { status: TaskStatus; version: number }) =>
    api.post<GroupDto>(`/api/programs/tasks/${taskId}/status`, body),
  designation: (id: string) => api.get<DesignationDetailDto>(`/api/programs/designations/${id}`),
  submitReport: (id: string, body: { year: number; content: string }) =>
    api.post<DesignationDetailDto>(`/api/programs/designations/${id}/reports`, body),
  reviewReport: (reportId: string, body: { decision: 'accept' | 'return'; comment: string }) =>
    api.post<DesignationDetailDto>(`/api/programs/reports/${reportId}/review`, body),
  evaluate: (id: string, body: { kind: EvaluationKind; scores: { key: string; score: number; evidence: string }[] }) =>
    api.post<DesignationDetailDto>(`/api/programs/designations/${id}/evaluations`, body),
  putTemplate: (programId: string, body: { criteria: { name: string; weight: number }[]; passMark: number }) =>
    api.put<TemplateDto>(`/api/programs/${programId}/template`, body),
  template: (programId: string) => api.get<TemplateDto | null>(`/api/programs/${programId}/template`),
  cases: (query: Partial<CaseListQuery>) => api.get<CaseListDto>('/api/programs/cases', { ...query }),
  createCase: (body: { unitCode: string; title: string; areas: string[]; summary: string; body: string }) =>
    api.post<CaseDto>('/api/programs/cases', body),
  updateCase: (id: string, body: { version: number; title: string; areas: string[]; summary: string; body: string }) =>
    api.put<CaseDto>(`/api/programs/cases/${id}`, body),
  reviewCase: (id: string, body: { decision: 'publish' | 'return'; comment: string }) =>
    api.post<CaseDto>(`/api/programs/cases/${id}/review`, body),
  board: (countyCode: string) => api.get<BoardDto>('/api/programs/board', { countyCode }),
  actOnDesignation: (id: string, action: DesignationAction, reason: string) =>
    api.post<DesignationDto>(`/api/programs/designations/${id}/${action}`, { reason }),
};

export const programKeys = {
  all: ['programs'] as const,
  list: () => ['programs', 'list'] as const,
  detail: (id: string) => ['programs', 'detail', id] as const,
  applications: (query: ApplicationListQuery) => ['programs', 'applications', query] as const,
  application: (id: string) => ['programs', 'application', id] as const,
  diff: (id: string, from: number, to: number) => ['programs', 'diff', id, from, to] as const,
  designations: (query: { regionCode?: string; programId?: string }) => ['programs', 'designations', query] as const,
  groups: () => ['programs', 'groups'] as const,
  cases: (query: Partial<CaseListQuery>) => ['programs', 'cases', query] as const,
  board: (countyCode: string) => ['programs', 'board', countyCode] as const,
  designation: (id: string) => ['programs', 'designation', id] as const,
  template: (programId: string) => ['programs', 'template', programId] as const,
  group: (id: string) => ['programs', 'group', id] as const,
};
