import type { dashboard as zh } from '../zh-CN/dashboard';

/** The director's dashboard (ASM-8). */
export const dashboard: typeof zh = {
  menu: 'Dashboard',
  title: 'Office dashboard',
  month: 'Up to month',
  showTable: 'Table',
  showChart: 'Chart',
  export: 'Export Excel',
  category: 'Item',
  noData: 'no data',
};
