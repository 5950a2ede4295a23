import type {
  AttachmentDto,
  ConsultationDto,
  ConsultationListDto,
  MyAdvisorDto,
  MyConsultationsDto,
  ServiceDetailDto,
  ServiceListDto,
  ServiceType,
  ServiceWindow,
  SubjectKind,
} from '@rg/domain/legal/service.schema';
import { api, uploadFile } from '../../app/api/api-client.ts';

/** Query keys of the phone pages (advisors and villagers). */
export const legalMobileKeys = {
  all: ['legal-mobile'] as const,
  me: () => ['legal-mobile', 'me'] as const,
  services: () => ['legal-mobile', 'services'] as const,
  service: (id: string) => ['legal-mobile', 'service', id] as const,
  questions: (status: string) => ['legal-mobile', 'questions', status] as const,
  mine: () => ['legal-mobile', 'mine'] as const,
};

/** What the advisor types for one service (一次一记). */
export interface ServiceFields {
  servedAt: string;
  serviceType: ServiceType;
  subjectKind: SubjectKind;
  subjectName?: string;
  content: string;
  result: string;
  durationMinutes: number;
  attendance?: number;
}

export const fetchMe = () => api.get<MyAdvisorDto>('/api/legal/me');
export const fetchMyServices = () => api.get<ServiceListDto>('/api/legal/services', { pageSize: 50 });
export const fetchService = (id: string) => api.get<ServiceDetailDto>(`/api/legal/services/${id}`);
export const createService = (body: ServiceFields & { villageCode: string; window: ServiceWindow }, idempotencyKey: string) =>
  api.post<ServiceDetailDto>('/api/legal/services', body, idempotencyKey);
export const updateService = (id: string, body: ServiceFields & { version: number; reason?: string }) =>
  api.put<ServiceDetailDto>(`/api/legal/services/${id}`, body);

/** Photos and signed forms: the file's own type goes as the content type; the server checks the bytes. */
export const uploadAttachment = (id: string, file: File) => uploadFile<AttachmentDto>(`/api/legal/services/${id}/attachments`, file);

export const fetchQuestions = (status: 'open' | 'answered') =>
  api.get<ConsultationListDto>('/api/legal/consultations', { status, pageSize: 50 });
export const answerQuestion = (id: string, answer: string, idempotencyKey: string) =>
  api.post<ConsultationDto>(`/api/legal/consultations/${id}/answer`, { answer }, idempotencyKey);

export const fetchMyQuestions = () => api.get<MyConsultationsDto>('/api/legal/consultations/mine');
export const askQuestion = (question: string, idempotencyKey: string) =>
  api.post<ConsultationDto>('/api/legal/consultations', { question }, idempotencyKey);
export const uploadQuestionPicture = (id: string, file: File) => uploadFile<AttachmentDto>(`/api/legal/consultations/${id}/pictures`, file);
