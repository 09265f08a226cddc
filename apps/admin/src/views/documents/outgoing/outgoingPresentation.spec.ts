import { describe, expect, it } from 'vitest';
import {
  blankDraftForm,
  canConfirmDistribution,
  copiesOf,
  distributionBodyOf,
  distributionFromDraft,
  draftBodyOf,
  isClassified,
  lintRows,
  outgoingButtons,
  removedAttachmentIds,
  secrecyMark,
  splitNames,
  stepActionLabel,
  type LintFinding,
  type LintRule,
} from './outgoingPresentation';

describe('outgoing drafting form (DOC-7)', () => {
  it('DOC-7 recipients and signers typed on one line become a list, separated as offices write them', () => {
    expect(splitNames('各处室、各年级组，教研组; 团委\n 工会 、各处室')).toEqual(['各处室', '各年级组', '教研组', '团委', '工会']);
    expect(splitNames('  ')).toEqual([]);
  });

  it('DOC-7 份号 and 保密期限 go with a classified draft only (GB/T 9704 7.2.1, 7.2.2)', () => {
    const form = { ...blankDraftForm(), title: ' 关于做好寒假安全工作的通知 ', copyNumber: '000012', secrecyPeriod: '1年' };
    const open = draftBodyOf(form);
    expect(open).toMatchObject({ title: '关于做好寒假安全工作的通知', secrecy: 'none' });
    expect(open.copyNumber).toBeUndefined();
    expect(open.secrecyPeriod).toBeUndefined();
    const secret = draftBodyOf({ ...form, secrecy: 'confidential' });
    expect(secret).toMatchObject({ secrecy: 'confidential', copyNumber: '000012', secrecyPeriod: '1年' });
    expect(isClassified('none')).toBe(false);
    expect(isClassified('secret')).toBe(true);
  });

  it('DOC-7 the draft body carries every element of GB/T 9704 the drafter wrote', () => {
    const body = draftBodyOf({
      ...blankDraftForm(),
      title: '关于报送2026年工作总结的报告',
      docType: 'report',
      direction: 'upward',
      signers: '张校长',
      mainRecipients: '区教育局',
      ccRecipients: '区督导室',
      issuerMark: '某某市第一中学文件',
      attachmentNote: '附件：1. 工作总结',
      remark: '联系人：王芳',
      printingOrg: '某某市第一中学办公室',
      printedOn: '2026-12-04',
      writtenOn: '2026-12-03',
    });
    expect(body).toMatchObject({
      docType: 'report',
      direction: 'upward',
      signers: ['张校长'],
      mainRecipients: ['区教育局'],
      ccRecipients: ['区督导室'],
      issuerMark: '某某市第一中学文件',
      attachmentNote: '附件：1. 工作总结',
      remark: '联系人：王芳',
      printingOrg: '某某市第一中学办公室',
      printedOn: '2026-12-04',
      writtenOn: '2026-12-03',
      attachmentIds: [],
    });
  });

  it('DOC-7 an edit sends the attachments taken off the form for removal, and nothing for a list kept or extended', () => {
    const attached = [{ id: 'letter' }, { id: 'pledge' }];
    const files = (ids: string[]) => ids.map((id) => ({ id })) as unknown as ReturnType<typeof blankDraftForm>['files'];
    expect(removedAttachmentIds(attached, { files: files(['letter', 'pledge', 'new']) })).toEqual([]);
    expect(removedAttachmentIds(attached, { files: files(['pledge']) })).toEqual(['letter']);
    expect(removedAttachmentIds(attached, { files: files([]) })).toEqual(['letter', 'pledge']);
  });

  it('DOC-7 密级★保密期限 as printed, nothing for 非密', () => {
    expect(secrecyMark('机密', 'confidential', '1年')).toBe('机密★1年');
    expect(secrecyMark('机密', 'confidential', null)).toBe('机密');
    expect(secrecyMark('非密', 'none', '1年')).toBe('');
  });
});

describe('outgoing lint panel (DOC-7)', () => {
  const rule = (id: string, severity: 'error' | 'warning' = 'error'): LintRule => ({
    id,
    label: `规则${id}`,
    labelEn: `Rule ${id}`,
    description: '说明',
    descriptionEn: 'Description',
    severity,
  });
  const finding = (ruleId: string, severity: 'error' | 'warning' = 'error'): LintFinding => ({
    rule: ruleId,
    field: 'title',
    message: `违反 ${ruleId}`,
    severity,
  });

  it('DOC-7 every rule is listed by name with pass or fail for this draft', () => {
    const rows = lintRows(
      [rule('upward-signer'), rule('copy-number'), rule('title-doc-type', 'warning')],
      [finding('upward-signer'), finding('title-doc-type', 'warning')],
      'zh-CN',
    );
    expect(rows.map((row) => [row.id, row.label, row.result])).toEqual([
      ['upward-signer', '规则upward-signer', 'fail'],
      ['copy-number', '规则copy-number', 'pass'],
      ['title-doc-type', '规则title-doc-type', 'warn'],
    ]);
    expect(rows[0]!.messages).toEqual(['违反 upward-signer']);
    expect(lintRows([rule('copy-number')], [], 'en')[0]).toMatchObject({
      label: 'Rule copy-number',
      description: 'Description',
      result: 'pass',
    });
  });
});

describe('outgoing detail actions (DOC-7)', () => {
  it('DOC-7 the page shows exactly the legal actions; the system’s own (sign-off, its refusal, a revision) are no buttons', () => {
    const buttons = outgoingButtons({
      allowedActions: ['request-countersign', 'request-signoff', 'return', 'sign-off', 'reject-signoff', 'revise'],
      personalActions: [],
    });
    expect(buttons.map((button) => [button.action, button.input, button.type])).toEqual([
      ['request-countersign', 'countersigners', 'primary'],
      ['request-signoff', 'note', 'primary'],
      ['return', 'reason', 'danger'],
    ]);
    expect(outgoingButtons({ allowedActions: ['register'], personalActions: [] })[0]).toMatchObject({ input: 'register' });
    expect(outgoingButtons({ allowedActions: [], personalActions: [] })).toEqual([]);
  });

  it('DOC-7 a countersigner gets the countersign button from their personal actions', () => {
    const buttons = outgoingButtons({ allowedActions: ['countersign'], personalActions: ['countersign', 'edit'] });
    expect(buttons.map((button) => button.action)).toEqual(['countersign']);
  });

  it('DOC-7 a distribution is confirmed once sent, by its receiver or the office recording a paper receipt', () => {
    const sent = { distributedAt: '2026-03-02T01:00:00Z', confirmedAt: null };
    expect(canConfirmDistribution(sent, { personalActions: ['confirm-distribution'] }, false)).toBe(true);
    expect(canConfirmDistribution(sent, { personalActions: [] }, true)).toBe(true);
    expect(canConfirmDistribution(sent, { personalActions: [] }, false)).toBe(false);
    expect(canConfirmDistribution({ ...sent, confirmedAt: '2026-03-02T02:00:00Z' }, { personalActions: [] }, true)).toBe(false);
    expect(canConfirmDistribution({ distributedAt: null, confirmedAt: null }, { personalActions: [] }, true)).toBe(false);
  });

  it('DOC-7 registration proposes the draft’s 主送 and 抄送 as the distribution list; copies default to its sum', () => {
    const rows = distributionFromDraft({ mainRecipients: ['各处室'], ccRecipients: ['区教育局'] });
    expect(rows).toEqual([
      { kind: 'main', target: 'org', departmentId: null, orgName: '各处室', copies: 1 },
      { kind: 'cc', target: 'org', departmentId: null, orgName: '区教育局', copies: 1 },
    ]);
    rows[0]!.copies = 5;
    expect(copiesOf(rows)).toBe(6);
    expect(distributionBodyOf(rows)).toEqual([
      { kind: 'main', orgName: '各处室', copies: 5 },
      { kind: 'cc', orgName: '区教育局', copies: 1 },
    ]);
    expect(distributionBodyOf([{ kind: 'internal', target: 'department', departmentId: null, orgName: '', copies: 1 }])).toBeUndefined();
    expect(distributionBodyOf([{ kind: 'internal', target: 'department', departmentId: 'd1', orgName: 'x', copies: 2 }])).toEqual([
      { kind: 'internal', departmentId: 'd1', copies: 2 },
    ]);
  });

  it('DOC-7 the history names each step of the flow by its action; the page words the others', () => {
    expect(stepActionLabel('check', 'zh-CN')).toBe('核稿通过');
    expect(stepActionLabel('draft', 'en')).toBeNull();
  });
});
