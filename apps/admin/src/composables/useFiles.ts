import { api } from '../api/client';
import type { UploadedFile } from '../api/platformTypes';
import { i18n } from '../i18n';
import { fileNameFromContentDisposition, saveBlob } from '../utils/download';
import { notifyPlatformError } from './platformErrors';

/** A file as other objects list it (a message's `attachments`): enough to name and fetch it. */
export interface FileRef {
  id: string;
  name: string;
  size?: number;
  contentType?: string;
}

export interface UploadResult {
  file?: UploadedFile;
  /** The API's error body (413 PAYLOAD_TOO_LARGE, 415 FILE_TYPE_REFUSED / NOT_MULTIPART, …), or the network failure. */
  error?: unknown;
}

/**
 * Uploads one file as a draft of the signed-in person (PLT-5): POST /files, multipart field
 * `file`, through the session's client (bearer token, renewal on 401). The answer's `id` is what
 * a module takes to attach it, e.g. a message's `attachmentIds`.
 */
export async function uploadFile(file: File | Blob, options: { classified?: boolean; name?: string } = {}): Promise<UploadResult> {
  const name = options.name ?? (file instanceof File ? file.name : 'file');
  try {
    const { data, error } = await api.POST('/api/v1/files', {
      params: { query: options.classified ? { classified: true } : {} },
      // The generated type says "string (binary)"; the serializer below sends the real file.
      body: { file: file as unknown as string },
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', file, name);
        return form;
      },
    });
    return data ? { file: data } : { error };
  } catch (error) {
    return { error };
  }
}

/** Discards a draft the person uploaded and no longer wants (DELETE /files/{id}); true when gone. */
export async function discardFile(id: string): Promise<boolean> {
  try {
    const { response } = await api.DELETE('/api/v1/files/{id}', { params: { path: { id } } });
    // 404: already removed (or attached meanwhile): nothing left to discard either way.
    return response.ok || response.status === 404;
  } catch {
    return false;
  }
}

/**
 * Downloads a file (GET /files/{id}) with the session's token and saves it under the name the
 * server gives in Content-Disposition (`filename*`), else the file's own. `watermark` asks for the
 * viewer's name and the time on a PDF or image. Returns false, after telling why, when it fails.
 */
export async function downloadFile(file: FileRef, options: { watermark?: boolean } = {}): Promise<boolean> {
  try {
    const { data, error, response } = await api.GET('/api/v1/files/{id}', {
      params: { path: { id: file.id }, query: options.watermark ? { watermark: true } : {} },
      parseAs: 'blob',
    });
    if (!response.ok || !data) {
      notifyPlatformError(error);
      return false;
    }
    saveBlob(data, fileNameFromContentDisposition(response.headers.get('Content-Disposition'), file.name));
    return true;
  } catch {
    ElMessage.error(i18n.global.t('errors.network'));
    return false;
  }
}
