// Shapes of the service's answers, as far as the pages read them.
export type Role = 'intake' | 'reviewer' | 'reader' | 'admin';
export type Permission =
  | 'procedure:read'
  | 'dossier:create'
  | 'dossier:read'
  | 'file:upload'
  | 'file:read'
  | 'review:read'
  | 'review:write'
  | 'subject:read'
  | 'audit:read';

export interface Session {
  name: string;
  role: Role;
  permissions: Permission[];
}

export interface Procedure {
  code: string;
  name: string;
  field?: string;
  processingWorkingDays: number;
  required: string[];
  optional: string[];
}

export interface ComponentTypeInfo {
  code: string;
  name: string;
  fields: Record<string, string>;
}

export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type FieldState = 'machine' | 'needs_review' | 'confirmed';

export interface FieldView {
  value: string;
  confidence: number;
  page: number;
  bbox: BBox | null;
  state: FieldState;
}

export interface ComponentView {
  id: string;
  type: string;
  pages: [number, number];
  confidence: number;
  status: 'accepted' | 'needs_review';
  reasons: string[];
  fields: Record<string, FieldView>;
}

export type FileStatus = 'queued' | 'processing' | 'done' | 'failed';

export interface FileView {
  id: string;
  fileName: string;
  status: FileStatus;
  error?: string;
  pageCount: number | null;
  pages: Array<{ number: number; rotation: number; textSource: string; confidence: number }>;
  components: ComponentView[];
}

export interface DossierSummary {
  id: string;
  code: string;
  procedureCode: string;
  applicantId: string;
  applicantName?: string | null;
  receivedAt: string;
  dueDate: string;
}

export interface Dossier extends DossierSummary {
  procedure: { code: string; name: string; processingWorkingDays: number };
  status: 'awaiting_files' | 'processing' | 'processed';
  files: FileView[];
  missing: Array<{ type: string; name: string; reusableComponentId: string | null }>;
  findings: Array<{ code: string; severity: 'error' | 'warning' | 'info'; detail: string; componentId?: string }>;
}

export interface ReuseItem {
  type: string;
  name: string;
  status: 'on_file' | 'must_submit';
  document: SubjectDocument | null;
}

export interface SubjectDocument {
  componentId: string;
  type: string;
  status: 'accepted' | 'needs_review';
  validUntil: string | null;
  fields: Record<
    string,
    { value: string; state: FieldState; confidence: number; page: number; correction?: { by: string; at: string } }
  >;
  provenance: {
    sourceSha256: string;
    fileNames: string[];
    pages: [number, number];
    recognizedAt: string;
    versions: { pipeline: string; rulePack: string; ocrEngine: string | null; ocrModel: string | null };
  };
}

export interface ReviewItem {
  componentId: string;
  type: string;
  pages: [number, number];
  reasons: string[];
  dossierId: string | null;
  dossierCode: string | null;
  dueDate: string | null;
}
