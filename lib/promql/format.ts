// Prometheus' number and time formatting in API responses (pure).

/** Go's strconv.FormatFloat(v, 'f', -1, 64): shortest round-trip digits, never an exponent. */
export function formatSampleValue(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  const s = String(v);
  const m = s.match(/^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/);
  if (!m) return s;
  const [, sign, int, frac = "", expText] = m;
  const exp = Number(expText);
  const digits = int + frac;
  if (exp >= 0)
    return (
      sign +
      (digits.length <= exp + 1
        ? digits + "0".repeat(exp + 1 - digits.length)
        : `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`)
    );
  return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
}

/** Unix seconds with millisecond precision, as Prometheus writes sample times. */
export const formatTime = (ms: number) => ms / 1000;
