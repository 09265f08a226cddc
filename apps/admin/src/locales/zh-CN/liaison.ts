/** The liaison directory (ADM-1). */
export const liaison = {
  menu: '部门联络人',
  title: '部门联络人名录',
  search: '部门、姓名、电话或邮箱',
  department: '部门',
  head: '部门负责人',
  headPhone: '负责人电话',
  liaison: '联络人',
  phone: '电话',
  email: '邮箱',
  print: '打印',
  export: '导出',
  editHint: '联络人在“部门管理”中修改',
};
