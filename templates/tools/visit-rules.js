/* Refleks «Lag visittbrev»: the visit's rules in the browser (written for Refleks).
   The numbers, holidays, labels and messages come from data.js, made at build time by
   src/refleks/site/tools.py from the same code as `refleks check` and `refleks visit`.
   Dates are ISO strings (ÅÅÅÅ-MM-DD) counted in UTC, so no time zone moves a day. */
(function () {
  "use strict";
  const DATA = window.REFLEKS_VERKTOY.visit;
  if (!DATA) return;
  const DAY = 86400000;

  function toDate(iso) { const [y, m, d] = iso.split("-").map(Number); return new Date(Date.UTC(y, m - 1, d)); }
  function toIso(date) { return date.toISOString().slice(0, 10); }
  function addDays(iso, n) { return toIso(new Date(toDate(iso).getTime() + n * DAY)); }
  function weekday(iso) { return (toDate(iso).getUTCDay() + 6) % 7; } // Monday = 0
  function holidayName(iso) { return DATA.holidays[iso] || null; }
  function isWorkingDay(iso) { return weekday(iso) < 5 && !holidayName(iso); }
  function nextWorkingDay(iso) { while (!isWorkingDay(iso)) iso = addDays(iso, 1); return iso; }
  function previousWorkingDay(iso) { while (!isWorkingDay(iso)) iso = addDays(iso, -1); return iso; }
  function addWorkingDays(iso, n) {
    while (n > 0) { iso = addDays(iso, 1); if (isWorkingDay(iso)) n -= 1; }
    return iso;
  }
  function addMonths(iso, months) {
    const [y, m, d] = iso.split("-").map(Number);
    const index = m - 1 + months;
    const year = y + Math.floor(index / 12), month = (index % 12) + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return toIso(new Date(Date.UTC(year, month - 1, Math.min(d, last))));
  }

  /* walkround/deadlines.py timeline(): the visit's deadlines in date order */
  function timeline(visit) {
    const rules = DATA.deadlines;
    const letterPlanned = visit.letter_date || addDays(visit.date, -rules.letter_days_before);
    const letter = visit.letter_date ? letterPlanned : previousWorkingDay(letterPlanned);
    const reminderPlanned = addDays(visit.date, -rules.reminder_days_before);
    const followPlanned = addMonths(visit.date, rules.follow_up_months);
    const minutes = addWorkingDays(visit.date, rules.minutes_working_days);
    const items = [
      { key: "brev", date: letter, planned: letterPlanned },
      { key: "paminnelse", date: previousWorkingDay(reminderPlanned), planned: reminderPlanned },
      { key: "visitt", date: visit.date, planned: visit.date },
      { key: "referat", date: minutes, planned: minutes },
      { key: "oppfolging", date: nextWorkingDay(followPlanned), planned: followPlanned },
    ];
    items.forEach((d) => { d.moved = d.date !== d.planned; d.reason = holidayName(d.planned); });
    return items.map((d, i) => [d, i]).sort((a, b) => (a[0].date < b[0].date ? -1 : a[0].date > b[0].date ? 1 : a[1] - b[1])).map((p) => p[0]);
  }

  /* walkround/kit.py: Norwegian dates and times */
  const common = DATA.labels.common;
  function dateLong(iso, withWeekday = true) {
    const [y, m, d] = iso.split("-").map(Number);
    const text = `${d}. ${common.months[m - 1]} ${y}`;
    return withWeekday ? `${common.weekdays[weekday(iso)]} ${text}` : text;
  }
  function timeText(value) { const [t, m] = value.split(":"); return common.time_format.replace("{t}", t).replace("{m}", m); }
  function endTime(visit) {
    const [h, m] = visit.time.split(":").map(Number);
    const total = (h * 60 + m + visit.duration_minutes) % (24 * 60);
    return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
  }
  function timeRange(visit) { return `${timeText(visit.time)}–${timeText(endTime(visit))}`; }
  /* the visit's leaders where the guide's letter has «….direktør og ....» (as Kit._leaders) */
  function leaders(visit) {
    const people = [visit.leadership.top_leader, visit.leadership.visit_leader];
    const names = people.map((p) => (p.title ? `${p.title} ${p.name}` : p.name));
    return names[0] === names[1] ? names[0] : `${names[0]} og ${names[1]}`;
  }
  /* the visit's group as the letter names it: «sykepleier, lege og ufaglært» (as Kit._participants) */
  function participants(visit) {
    const group = (visit.participants || []).map((p) => String(p).trim()).filter(Boolean);
    if (group.length < 2) return group.join("") || common.blank_participants;
    return `${group.slice(0, -1).join(", ")} og ${group[group.length - 1]}`;
  }
  function facts(visit) {
    return {
      enhet: visit.unit, kommune: visit.municipality, ledere: leaders(visit), dato: dateLong(visit.date),
      klokkeslett: timeText(visit.time), sted: visit.location || common.no_location,
      deltakere: participants(visit),
      varighet: `${visit.duration_minutes} ${common.minutes_unit}`,
    };
  }
  function format(template, values) {
    return template.replace(/\{([a-zæøå_]+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
  }
  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  /* the letter's texts carry @@felt@@ markers where the visit's facts go */
  function fillText(text, values) { return text.replace(/@@([a-zæøå_]+)@@/g, (all, name) => values[name]); }
  function fillHtml(html, values) { return html.replace(/@@([a-zæøå_]+)@@/g, (all, name) => escapeHtml(values[name])); }

  /* the ISO week of an ISO date (the common summer holiday's weeks come with the data) */
  function isoWeek(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    const day = new Date(Date.UTC(y, m - 1, d));
    const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * 86400000);
    const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
    return 1 + Math.round((thursday - firstThursday) / 86400000 / 7 - (3 - ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  }

  /* walkround/documents/calendar.py items() */
  function timelineItems(visit) {
    const labels = DATA.labels.calendar;
    const counts = { referat: DATA.deadlines.minutes_working_days, oppfolging: DATA.deadlines.follow_up_months };
    return timeline(visit).map((d) => {
      const event = labels.events[d.key];
      const text = format(event.text, { enhet: visit.unit, antall: counts[d.key] ?? "", tid: timeRange(visit) });
      let note = d.moved ? format(labels.moved, { dato: dateLong(d.planned), grunn: d.reason || labels.weekend }) : "";
      const week = isoWeek(d.date);
      if (d.key === "oppfolging" && DATA.deadlines.summer_weeks.includes(week)) note = [note, format(labels.summer, { uke: week })].filter(Boolean).join(" ");
      let dateText = dateLong(d.date);
      if (d.key === "visitt") dateText = `${dateText}, ${timeRange(visit)}`;
      return { deadline: d, key: d.key, date: d.date, dateText, title: event.title, text, note };
    });
  }

  function letterDate(visit) { return timeline(visit).find((d) => d.key === "brev").date; }

  function contactLine(visit) {
    const labels = DATA.labels.letters;
    const person = visit.contact || visit.leadership.coordinator;
    const parts = [person.name];
    if (person.phone) parts.push(`${labels.phone} ${person.phone}`);
    if (person.email) parts.push(`${labels.email} ${person.email}`);
    return `${labels.contact_intro} ${parts.join(", ")}.`;
  }

  window.RefleksVisit = {
    DATA, toIso, addDays, weekday, holidayName, isWorkingDay, timeline, timelineItems, dateLong,
    timeText, timeRange, endTime, facts, format, escapeHtml, fillText, fillHtml, letterDate, contactLine,
  };
})();
