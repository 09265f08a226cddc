import { describe, expect, it } from 'vitest';
import { itemStateLabel, qrDataUrl, scanUrl } from './inventoryPresentation';

describe('inventory presentation (DOC-9)', () => {
  it('DOC-9 an item never counted reads as missing once the inventory is closed', () => {
    expect(itemStateLabel({ state: 'pending' }, false, 'en')).toBe('Not yet counted');
    expect(itemStateLabel({ state: 'pending' }, true, 'en')).toBe('Missing');
    expect(itemStateLabel({ state: 'extra' }, true, 'en')).toBe('Extra');
  });

  it('DOC-9 a label encodes the phone page of its record as a QR image', async () => {
    const url = scanUrl('https://office.school.example', 'incoming-document', '3f1c');
    expect(url).toBe('https://office.school.example/m/inventory/scan/incoming-document/3f1c');
    expect(await qrDataUrl(url)).toMatch(/^data:image\/png;base64,/);
  });
});
