import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';

const { uploadFile, discardFile } = vi.hoisted(() => ({ uploadFile: vi.fn(), discardFile: vi.fn() }));
vi.mock('../composables/useFiles', () => ({ uploadFile, discardFile, downloadFile: vi.fn() }));

import FileUpload from './FileUpload.vue';
import { i18n, setLocale } from '../i18n';
import type { UploadedFile } from '../api/platformTypes';

function uploaded(name: string): UploadedFile {
  return {
    id: `id-${name}`,
    name,
    size: 2048,
    contentType: 'application/pdf',
    createdAt: '2026-10-08T00:00:00Z',
    draft: true,
    encrypted: false,
    sha256: '0'.repeat(64),
    uploadedBy: { id: 'u1', name: '王老师' },
  };
}

async function pick(wrapper: ReturnType<typeof mount>, ...files: File[]): Promise<void> {
  const input = wrapper.find('input[type="file"]');
  Object.defineProperty(input.element, 'files', { value: files, configurable: true });
  await input.trigger('change');
  await flushPromises();
}

describe('FileUpload', () => {
  beforeEach(() => {
    setLocale('en');
    uploadFile.mockReset();
    discardFile.mockReset();
  });

  it('PLT-5 uploads a picked file and hands the uploaded file to v-model', async () => {
    uploadFile.mockResolvedValue({ file: uploaded('plan.pdf') });
    const wrapper = mount(FileUpload, { props: { modelValue: [], classified: true }, global: { plugins: [i18n] } });
    await pick(wrapper, new File(['%PDF-1.7'], 'plan.pdf', { type: 'application/pdf' }));

    expect(uploadFile).toHaveBeenCalledWith(expect.any(File), { classified: true });
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([[uploaded('plan.pdf')]]);
    expect(wrapper.find('[data-testid="file-upload-item"]').attributes('data-status')).toBe('done');
  });

  it('PLT-5 shows why the API refused a file, with its errors.file', async () => {
    uploadFile.mockResolvedValue({
      error: {
        statusCode: 415,
        code: 'FILE_TYPE_REFUSED',
        message: 'The file was refused: executables are not accepted',
        errors: { file: ['executables are not accepted'] },
      },
    });
    const wrapper = mount(FileUpload, { props: { modelValue: [] }, global: { plugins: [i18n] } });
    await pick(wrapper, new File(['MZ'], 'setup.pdf'));

    expect(wrapper.find('[data-testid="file-upload-item"]').attributes('data-status')).toBe('error');
    expect(wrapper.find('[data-testid="file-upload-error"]').text()).toBe(
      'This kind of file is not accepted (executables are not accepted)',
    );
    expect(wrapper.emitted('update:modelValue')).toBeUndefined();
  });

  it('PLT-5 refuses a file over maxBytes before sending it', async () => {
    const wrapper = mount(FileUpload, { props: { modelValue: [], maxBytes: 1024 }, global: { plugins: [i18n] } });
    await pick(wrapper, new File(['x'.repeat(2048)], 'big.pdf'));
    expect(uploadFile).not.toHaveBeenCalled();
    expect(wrapper.find('[data-testid="file-upload-error"]').text()).toBe('Larger than 1.0 KB; not uploaded');
  });

  it('PLT-5 discards the draft when an uploaded file is removed', async () => {
    const wrapper = mount(FileUpload, { props: { modelValue: [uploaded('a.pdf')] }, global: { plugins: [i18n] } });
    await wrapper.find('[data-testid="file-upload-remove"]').trigger('click');
    expect(discardFile).toHaveBeenCalledWith('id-a.pdf');
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([[]]);
  });

  it('PLT-5 forgets refusals when the form resets its list, not when a file is removed', async () => {
    uploadFile.mockResolvedValue({
      error: { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'too large', errors: { file: ['must be at most 10 bytes'] } },
    });
    const wrapper = mount(FileUpload, { props: { modelValue: [uploaded('a.pdf')] }, global: { plugins: [i18n] } });
    await pick(wrapper, new File(['x'.repeat(20)], 'big.pdf'));
    expect(wrapper.findAll('[data-testid="file-upload-error"]')).toHaveLength(1);

    await wrapper.find('[data-testid="file-upload-remove"]').trigger('click');
    await wrapper.setProps({ modelValue: wrapper.emitted<[unknown]>('update:modelValue')!.at(-1)![0] as UploadedFile[] });
    expect(wrapper.findAll('[data-testid="file-upload-error"]')).toHaveLength(1);

    await wrapper.setProps({ modelValue: [] });
    expect(wrapper.findAll('[data-testid="file-upload-item"]')).toHaveLength(0);
  });
});
