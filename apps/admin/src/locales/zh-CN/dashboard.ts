/** 主任工作看板 (ASM-8). */
export const dashboard = {
  menu: '工作看板',
  title: '办公室工作看板',
  month: '截止月份',
  showTable: '表格',
  showChart: '图表',
  export: '导出 Excel',
  category: '项目',
  noData: '无数据',
};
