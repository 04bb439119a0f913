// Moments for people, in the browser's zone (pure): a window's ends, and a sample's or a
// request's exact time.

/** "Dec 4, 2026, 8:10 AM": the ends of a window. */
export const formatWhen = (t: number | string) =>
  new Date(t).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** "12/4/26, 8:10:37 AM": one sample or request, to the second. */
export const formatMoment = (t: number | string) =>
  new Date(t).toLocaleString(undefined, { dateStyle: "short", timeStyle: "medium" });
