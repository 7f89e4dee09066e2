// The weekly business-hours editor: always open, or a time zone and opening hours per day (several
// intervals a day), holidays; problems shown on the interval they concern. Its model ↔ the wire form is
// in ../hours.ts.
import { useI18n, type Key } from '../../i18n';
import { copyMondayToWeekdays, DAYS, hoursProblems, type Day, type HoursModel } from '../hours';
import type { Interval } from '../types';

const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'UTC'];

export function HoursEditor({ value, onChange }: { value: HoursModel; onChange: (m: HoursModel) => void }) {
  const { t } = useI18n();
  const problems = hoursProblems(value);
  const problemAt = (field: string) => problems.find((p) => p.field === field);
  const setDay = (d: Day, list: Interval[]) => onChange({ ...value, week: { ...value.week, [d]: list } });
  return (
    <fieldset className="hours-editor" data-testid="hours-editor">
      <legend>{t('desk_businessHours')}</legend>
      <label className="check"><input type="checkbox" checked={value.alwaysOpen} data-testid="hours-always"
        onChange={(e) => onChange({ ...value, alwaysOpen: e.target.checked })} /> {t('desk_alwaysOpen')}</label>
      {!value.alwaysOpen && (
        <>
          <label className="field"><span>{t('desk_timeZone')}</span>
            <input list="desk-zones" value={value.timeZone} data-testid="hours-zone" aria-invalid={!!problemAt('timeZone')}
              onChange={(e) => onChange({ ...value, timeZone: e.target.value })} />
            <datalist id="desk-zones">{ZONES.map((z) => <option key={z} value={z} />)}</datalist>
            {problemAt('timeZone') && <small className="field-error">{t('desk_hours_zone')}</small>}
          </label>
          <table className="hours-week">
            <tbody>
              {DAYS.map((d) => (
                <tr key={d} data-testid={`hours-day-${d}`}>
                  <th>{t(`desk_day_${d}` as Key)}</th>
                  <td>
                    {value.week[d].length === 0 && <span className="muted small">{t('desk_closedDay')}</span>}
                    {value.week[d].map(([a, b], i) => {
                      const p = problemAt(`week.${d}[${i}]`);
                      return (
                        <div key={i} className="hours-interval">
                          <input type="time" value={a} aria-label={`${t(`desk_day_${d}` as Key)} ${i + 1} start`} aria-invalid={!!p}
                            onChange={(e) => setDay(d, value.week[d].map((iv, k) => (k === i ? [e.target.value, iv[1]] : iv)))} />
                          –
                          <input type="time" value={b === '24:00' ? '23:59' : b} aria-label={`${t(`desk_day_${d}` as Key)} ${i + 1} end`} aria-invalid={!!p}
                            onChange={(e) => setDay(d, value.week[d].map((iv, k) => (k === i ? [iv[0], e.target.value] : iv)))} />
                          <button type="button" className="link danger" onClick={() => setDay(d, value.week[d].filter((_, k) => k !== i))}>{t('desk_removeHours')}</button>
                          {p && <small className="field-error">{t(`desk_hours_${p.code}` as Key)}</small>}
                        </div>
                      );
                    })}
                  </td>
                  <td><button type="button" className="link" data-testid={`hours-add-${d}`}
                    onClick={() => setDay(d, [...value.week[d], value.week[d].length ? ['13:00', '18:00'] : ['09:00', '18:00']])}>{t('desk_addHours')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="link" onClick={() => onChange(copyMondayToWeekdays(value))}>{t('desk_copyMonday')}</button>
          <div className="field">
            <span>{t('desk_holidays')}</span>
            {value.closed.map((date, i) => (
              <div key={i} className="hours-interval">
                <input type="date" value={date} aria-invalid={!!problemAt(`closed[${i}]`)}
                  onChange={(e) => onChange({ ...value, closed: value.closed.map((x, k) => (k === i ? e.target.value : x)) })} />
                <button type="button" className="link danger" onClick={() => onChange({ ...value, closed: value.closed.filter((_, k) => k !== i) })}>{t('desk_removeHours')}</button>
                {problemAt(`closed[${i}]`) && <small className="field-error">{t('desk_hours_date')}</small>}
              </div>
            ))}
            <div><button type="button" className="link" onClick={() => onChange({ ...value, closed: [...value.closed, new Date().toISOString().slice(0, 10)] })}>{t('desk_addHoliday')}</button></div>
          </div>
        </>
      )}
    </fieldset>
  );
}
