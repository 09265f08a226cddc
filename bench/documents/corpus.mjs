import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Realistic Chinese text for incoming documents (收文): titles, sources, sender numbers and body
 * text, from the school-office vocabulary plus a bank of education topics. Titles follow the
 * grammar of 公文 titles (关于 + action + subject + 的 + type), so term frequencies are skewed the
 * way real registers are: 通知 everywhere, 食品安全 often, a person's name or a building rarely.
 */
const VOCABULARY_PATHS = [
  new URL('../../../shared/data/school-office-vocabulary.json', import.meta.url),
  new URL('../../apps/api/src/database/seeds/vocabulary.json', import.meta.url),
];

export function loadVocabulary() {
  for (const url of VOCABULARY_PATHS) {
    try {
      return JSON.parse(readFileSync(fileURLToPath(url), 'utf8'));
    } catch {
      // try the next copy
    }
  }
  throw new Error('No vocabulary: ../shared/data/school-office-vocabulary.json or apps/api/src/database/seeds/vocabulary.json');
}

const ACTIONS = [
  '开展',
  '做好',
  '加强',
  '印发',
  '转发',
  '组织',
  '报送',
  '召开',
  '举办',
  '推进',
  '落实',
  '规范',
  '征集',
  '评选',
  '调整',
  '公布',
  '启动',
  '部署',
  '检查',
  '申报',
  '进一步做好',
  '切实加强',
  '全面推进',
  '深入开展',
];
const TOPICS = [
  '校园安全',
  '食品安全',
  '教师培训',
  '学生资助',
  '课后服务',
  '防溺水',
  '消防安全',
  '传染病防控',
  '招生',
  '中考',
  '高考',
  '体质健康监测',
  '近视防控',
  '心理健康教育',
  '劳动教育',
  '研学旅行',
  '校园文化建设',
  '法治教育',
  '禁毒宣传',
  '国家安全教育',
  '垃圾分类',
  '节能减排',
  '网络安全',
  '教育信息化',
  '教育督导',
  '师德师风',
  '职称评审',
  '继续教育',
  '档案管理',
  '保密工作',
  '财务审计',
  '固定资产清查',
  '政府采购',
  '基建维修',
  '安全生产',
  '防汛防台',
  '冬季取暖',
  '交通安全',
  '校车安全',
  '实验室安全',
  '图书馆建设',
  '中小学生运动会',
  '艺术展演',
  '科技创新大赛',
  '读书月活动',
  '家校共育',
  '家长学校',
  '班主任培训',
  '新教师入职培训',
  '教学质量监测',
  '学业水平考试',
  '教研活动',
  '课程改革',
  '作业管理',
  '睡眠管理',
  '手机管理',
  '课外读物管理',
  '卫生健康',
  '控烟',
  '爱国卫生运动',
  '志愿服务',
  '少先队',
  '共青团',
  '工会',
  '退休教师',
  '关心下一代工作',
  '民族团结教育',
  '语言文字规范化',
  '普通话水平测试',
  '教师资格定期注册',
  '教职工体检',
  '绩效工资',
  '住房公积金',
  '社会保险',
  '预算编制',
  '年度决算',
  '资产报废',
  '校服采购',
  '教材征订',
  '校园欺凌防治',
  '应急演练',
  '疫苗接种查验',
  '营养改善计划',
  '寄宿制管理',
  '随迁子女入学',
  '特殊教育',
  '学前教育',
  '民办学校年检',
  '教育收费',
];
const SCOPES = ['', '', '', '全市', '全区', '中小学', '全市教育系统', '各级各类学校', '寒假期间', '暑期', '秋季学期', '春季学期'];
const TYPES = [
  ['通知', 'notice', 46],
  ['意见', 'opinion', 6],
  ['通报', 'circular', 8],
  ['报告', 'report', 4],
  ['批复', 'reply', 5],
  ['函', 'letter', 12],
  ['决定', 'decision', 5],
  ['纪要', 'minutes', 6],
  ['请示', 'request', 2],
  ['公告', 'announcement', 2],
  ['通告', 'public-notice', 2],
  ['紧急通知', 'notice', 2],
];
const TYPE_BY_WORD = Object.fromEntries(TYPES.map(([word, code]) => [word, code]));
TYPE_BY_WORD['意见建议的函'] = 'letter';

const OPENINGS = [
  '为深入贯彻落实上级有关文件精神，进一步{a}{t}工作，经研究，现将有关事项通知如下。',
  '根据{y}年度工作安排，结合我市教育系统实际，决定{a}{t}相关工作。',
  '近期，部分地区发生{t}方面的问题，暴露出一些学校思想不重视、责任不落实等情况。',
  '为切实保障师生生命财产安全，维护正常教育教学秩序，现就{t}工作提出如下要求。',
  '你校《关于{t}有关事项的请示》收悉。经研究，现批复如下。',
];
const SENTENCES = [
  '各校要高度重视，成立以校长为组长的工作领导小组，明确分管领导和具体责任人。',
  '要结合本校实际制定具体实施方案，细化工作措施，确保各项任务落到实处。',
  '请于{m}月{d}日前将工作总结和统计表报送至市教育局{dept}，逾期不报的予以通报。',
  '要加强宣传教育，充分利用班会、国旗下讲话、家长会等形式，提高师生和家长的{t}意识。',
  '要建立健全{t}长效机制，定期开展自查自纠，发现问题及时整改，形成闭环管理。',
  '市教育局将适时组织专项督查，对工作不力、造成严重后果的单位和个人依法依规追究责任。',
  '各校要做好经费保障，统筹安排专项资金，严格执行财务制度，不得挪作他用。',
  '联系人：{name}，联系电话：0571-8{p}。',
  '要加强与卫生健康、公安、消防等部门的沟通协作，形成工作合力。',
  '要严格落实值班值守和信息报送制度，遇有重大情况须在第一时间报告。',
  '请各校认真组织学习，并将学习情况纳入年度考核。',
  '本次{t}工作时间为{m}月{d}日至{m2}月{d2}日，具体安排见附件。',
  '各校在{loc}等重点区域要加强巡查，排查安全隐患，建立台账，逐项销号。',
  '学校{dept}负责具体实施，{position}要亲自部署、亲自过问。',
  '附件：1.{t}工作实施方案 2.{t}情况统计表',
];

/** A generator of incoming documents' texts over one vocabulary and one PRNG. */
export function corpus(vocabulary, random) {
  const { pick, int, chance, weighted } = random;
  const v = vocabulary;
  const departments = v.departments.map((d) => d.name);
  const locations = v.maintenance.locations;
  const sources = [...v.incoming.sources, '某区教师发展中心', '某市青少年活动中心', '某区教育局安全科', '某市体育局', '某区科学技术协会'];
  const name = () => pick(v.surnames) + pick(v.givenNameChars) + (chance(0.7) ? pick(v.givenNameChars) : '');
  const fill = (template, year, topic) =>
    template
      .replace(/\{year\}|\{y\}/g, String(year))
      .replace(/\{a\}/g, pick(ACTIONS))
      .replace(/\{t\}/g, topic)
      .replace(/\{m\}/g, String(1 + int(12)))
      .replace(/\{m2\}/g, String(1 + int(12)))
      .replace(/\{d\}/g, String(1 + int(28)))
      .replace(/\{d2\}/g, String(1 + int(28)))
      .replace(/\{dept\}/g, pick(departments))
      .replace(/\{name\}/g, name())
      .replace(/\{p\}/g, String(1000000 + int(8999999)))
      .replace(/\{loc\}/g, pick(locations))
      .replace(/\{position\}/g, pick(v.positions));

  /** A title and its document type code. */
  function title(year) {
    const kind = weighted([
      ['vocabulary', 18],
      ['grammar', 70],
      ['person', 4],
      ['place', 8],
    ]);
    if (kind === 'vocabulary') {
      const text = fill(pick([...v.incoming.titles, ...v.notices.titles, ...v.outgoing.titles]), year, pick(TOPICS));
      const word = Object.keys(TYPE_BY_WORD).find((w) => text.endsWith(w)) ?? '通知';
      return { title: text, docType: TYPE_BY_WORD[word] ?? 'notice' };
    }
    const [word, docType] = weighted(TYPES.map(([w, code, weight]) => [[w, code], weight]));
    if (kind === 'person')
      return { title: `关于表彰${name()}同志${pick(['见义勇为', '拾金不昧', '抗洪抢险', '优秀事迹'])}的${word}`, docType };
    if (kind === 'place') {
      return {
        title: `关于${pick(['维修', '改造', '检查', '加固'])}${pick(sources).replace(/^某/, '')}${pick(locations)}的${word}`,
        docType,
      };
    }
    const scope = pick(SCOPES);
    const yearPart = chance(0.25) ? `${year}年` : '';
    return { title: `关于${pick(ACTIONS)}${yearPart}${scope}${pick(TOPICS)}工作的${word}`, docType };
  }

  /** A body of 正文 of about 400–1,200 characters, about the title's topic. */
  function body(year, titleText) {
    const topic = TOPICS.find((t) => titleText.includes(t)) ?? pick(TOPICS);
    const paragraphs = [`各${pick(['中小学', '直属学校', '区属学校', '有关单位'])}：`, fill(pick(OPENINGS), year, topic)];
    const numbers = ['一', '二', '三', '四', '五', '六'];
    const count = 3 + int(4);
    for (let i = 0; i < count; i++) {
      const sentences = Array.from({ length: 2 + int(3) }, () => fill(pick(SENTENCES), year, topic)).join('');
      paragraphs.push(`${numbers[i]}、${sentences}`);
    }
    paragraphs.push(`特此通知。`, pick(sources), `${year}年${1 + int(12)}月${1 + int(28)}日`);
    return paragraphs.join('\n');
  }

  return {
    title,
    body,
    source: () => pick(sources),
    senderNumber: (year) => `${pick(v.incoming.numberPrefixes)}〔${year}〕${1 + int(300)}号`,
    person: name,
  };
}
