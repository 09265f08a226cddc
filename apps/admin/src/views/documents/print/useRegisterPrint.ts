import { nextTick, ref, type Ref } from 'vue';
import type { AllRows } from './fetchAllPages';

/** The printed register component: it lays out the rows it is given and opens the print dialog. */
interface RegisterSheet {
  print(): Promise<void> | undefined;
}

/**
 * A list's register on A4 (DOC-12): every row its filters match, fetched page by page, handed to
 * the register sheet, then printed. `subtitle` says which range the paper covers.
 */
export function useRegisterPrint<Row>(
  loadRegister: () => Promise<AllRows<Row> | undefined>,
  subtitle: () => string | undefined,
  sheet: Ref<RegisterSheet | undefined>,
) {
  const printing = ref(false);
  const printed = ref({ rows: [], truncated: false }) as Ref<AllRows<Row> & { subtitle?: string }>;

  async function printRegister(): Promise<void> {
    printing.value = true;
    try {
      const all = await loadRegister();
      if (!all) return;
      printed.value = { ...all, subtitle: subtitle() };
      await nextTick();
      await sheet.value?.print();
    } finally {
      printing.value = false;
    }
  }

  return { printing, printed, printRegister };
}
