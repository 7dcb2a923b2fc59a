/**
 * Currency markers an author may write, mapped to ISO 4217 codes.
 *
 * A symbol shared by several currencies is read as the one a reader of an English-language
 * assessment would assume, and the table is the only place that decision lives:
 * - `$` is USD (Canadian, Australian and other dollars need their prefix: `C$`, `A$`, `NZ$`...).
 * - `¥` is JPY. The yuan uses the same sign in China; write `CN¥`, `RMB` or `CNY` for it.
 * - `₩` is KRW. North Korea's won uses the same sign; write `KPW` for it.
 * - `kr` (Norway, Sweden, Denmark, Iceland) is not read at all: write `NOK`, `SEK`, `DKK`, `ISK`.
 */
const SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  US$: 'USD',
  C$: 'CAD',
  CA$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  NZ$: 'NZD',
  HK$: 'HKD',
  S$: 'SGD',
  NT$: 'TWD',
  R$: 'BRL',
  MX$: 'MXN',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '￥': 'JPY',
  'JP¥': 'JPY',
  'CN¥': 'CNY',
  '₩': 'KRW',
  '₹': 'INR',
  '₽': 'RUB',
  '₪': 'ILS',
  '₺': 'TRY',
  '₴': 'UAH',
  '₫': 'VND',
  '₱': 'PHP',
  '₦': 'NGN',
};

/** Longest first, so `US$` wins over `$` and `CN¥` over `¥`. */
const SYMBOL_LIST = Object.keys(SYMBOLS).sort((a, b) => b.length - a.length);

/** Codes the runtime can format, so every code we accept can also be displayed. */
const ISO_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Three-letter names in common use that are not ISO codes. */
const CODE_ALIASES: Readonly<Record<string, string>> = { RMB: 'CNY' };

/** The ISO code for a three-letter code written in capitals (`NOK`, `RMB`), else undefined. */
export function currencyCode(word: string): string | undefined {
  if (!/^[A-Z]{3}$/.test(word)) return undefined;
  return CODE_ALIASES[word] ?? (ISO_CODES.has(word) ? word : undefined);
}

/**
 * A currency marker at the start of `text`: a symbol (`C$`) or a code followed by a non-letter
 * (`USD 3`, `NOK9.5`). Returns the ISO code, how many characters the marker took, and whether
 * it was a symbol: a symbol always means money, while a capitalised word like `TOP` or `ALL`
 * is also an ISO code and may just be prose.
 */
export function leadingCurrency(text: string): { code: string; length: number; symbol: boolean } | undefined {
  for (const symbol of SYMBOL_LIST) {
    if (text.startsWith(symbol)) return { code: SYMBOLS[symbol] as string, length: symbol.length, symbol: true };
  }
  const word = /^([A-Z]{3})(?![A-Za-z])/.exec(text)?.[1];
  const code = word === undefined ? undefined : currencyCode(word);
  return code === undefined ? undefined : { code, length: 3, symbol: false };
}

/** True when `text` holds a currency symbol anywhere (used to spot near-miss amounts). */
export function hasCurrencySymbol(text: string): boolean {
  return /[$€£¥￥₩₹₽₪₺₴₫₱₦]/u.test(text);
}
