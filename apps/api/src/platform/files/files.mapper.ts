import { DRAFT_OWNER, type StoredFile } from './file.entity';
import type { AttachmentDto, FileDto } from './files.dto';

export function toAttachmentDto(file: StoredFile): AttachmentDto {
  return { id: file.id, name: file.originalName, size: file.size, contentType: file.contentType };
}

export function toFileDto(file: StoredFile, uploaderName: string): FileDto {
  return {
    ...toAttachmentDto(file),
    sha256: file.sha256,
    encrypted: file.encrypted,
    draft: file.ownerType === DRAFT_OWNER,
    uploadedBy: { id: file.uploadedBy, name: uploaderName },
    createdAt: file.createdAt.toISOString(),
  };
}
