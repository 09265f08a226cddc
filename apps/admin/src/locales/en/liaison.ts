import type { liaison as zh } from '../zh-CN/liaison';

/** The liaison directory (ADM-1). */
export const liaison: typeof zh = {
  menu: 'Department liaisons',
  title: 'Department liaison directory',
  search: 'Department, name, phone or email',
  department: 'Department',
  head: 'Head',
  headPhone: 'Head’s phone',
  liaison: 'Liaison',
  phone: 'Phone',
  email: 'Email',
  print: 'Print',
  export: 'Export',
  editHint: 'Change a liaison by editing the department',
};
