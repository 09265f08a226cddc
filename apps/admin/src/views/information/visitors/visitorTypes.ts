import type { ResponseOf } from '../../../api/types';

export type VisitRow = ResponseOf<'/api/v1/information/reception/visits', 'get'>['items'][number];
export type VisitorQuestionRow = ResponseOf<'/api/v1/information/reception/questions', 'get'>['items'][number];
export type VisitStats = ResponseOf<'/api/v1/information/reception/visits/statistics', 'get'>;
