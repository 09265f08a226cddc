import { COLLECTION_ENTITIES } from './collection/collection.entities';
import { NoticeComment } from './comments/notice-comment.entity';
import { COVER_ENTITIES } from './cover/cover.entities';
import { Visit, VisitorQuestion } from './visitors/visitor.entities';

/** Collection (INF-1), notice comments (INF-4), visitors (INF-7) and reception cover (INF-9). */
export const RECEPTION_ENTITIES = [...COLLECTION_ENTITIES, NoticeComment, Visit, VisitorQuestion, ...COVER_ENTITIES];
