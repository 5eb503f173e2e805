/** Local dates and zoned times for the forms: the model wants `YYYY-MM-DD` and date-times with a zone offset. */

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The local calendar date of `now`. */
export function localDate(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `-05:00` for the local zone on `on` (DESIGN.md §4: a dateTime with a time always carries its zone). */
export function zoneOffset(on: Date): string {
  const minutes = -on.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export interface ZonedNowOptions {
  /** Keep the seconds (a signing time); otherwise the time is to the minute, seconds `00`. */
  readonly seconds?: boolean;
}

/**
 * `now` as a date-time in the browser's zone with its offset: `2026-11-27T10:04:00-05:00`, or with
 * `{ seconds: true }` `2026-11-27T10:04:31-05:00`. The one way the app writes "now": never `toISOString()`,
 * whose UTC clock time would print as if it were local.
 */
export function zonedNow(now: Date, options: ZonedNowOptions = {}): string {
  const seconds = options.seconds === true ? pad(now.getSeconds()) : '00';
  return `${localDate(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}:${seconds}${zoneOffset(now)}`;
}

/** `2026-03-02` + `10:30` → `2026-03-02T10:30:00-05:00` in the zone the browser is in on that date. */
export function zonedDateTime(date: string, time: string, zone?: string): string {
  const offset = zone ?? zoneOffset(new Date(`${date}T${time}:00`));
  return `${date}T${time}:00${offset}`;
}

/** The `HH:MM` written in a zoned date-time, as the clinician entered it. */
export function timeOf(dateTime: string | undefined): string {
  return dateTime === undefined ? '' : dateTime.slice(11, 16);
}

/** `2026-03-02T10:30:00-05:00` → `2 Mar 2026, 10:30` for notices. */
export function readableDateTime(dateTime: string): string {
  const date = new Date(dateTime);
  return Number.isNaN(date.getTime())
    ? dateTime
    : date.toLocaleString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      });
}
