/**
 * Dollars as the war room prints them: caps in whole dollars with grouping
 * ("$1,500"), cents only when there are any ("$18.40"), and sub-dollar unit
 * costs to three significant digits ("$0.0021"), where toFixed(2) would say "$0.00".
 */
export function money(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (abs === 0) return '$0';
  if (abs < 1) return `${sign}$${Number(abs.toPrecision(3))}`;
  const cents = Math.round(abs * 100);
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = cents % 100;
  return `${sign}$${whole}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}
