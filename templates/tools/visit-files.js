/* Refleks «Lag visittbrev»: the files made from a checked visit (written for Refleks):
   the visit file (YAML for `refleks visit`), the calendar (.ics), the letter as DOCX (the
   docx library from npm, copied into the site) and the letter as a page to print. */
(function () {
  "use strict";
  const R = window.RefleksVisit;
  if (!R) return;
  const DATA = R.DATA;

  /* ---------------------------------------------------------------- visit file (YAML) */
  // every text is written as a JSON string, which YAML reads as the same text: a phone
  // number, «no» or «13:00» stay text, and nothing the coordinator types can become markup
  // JSON leaves U+007F-U+009F, U+2028 and U+2029 as they are; YAML reads some as line breaks
  const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029]/g;
  function quoted(text) {
    return JSON.stringify(String(text)).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  }
  function yamlValue(value) {
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return quoted(value);
  }
  /* a key read from a visit file is written bare only when it is a plain name */
  function yamlKey(key) { return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : quoted(key); }
  function isScalar(value) { return value === null || typeof value !== "object" || value instanceof Date; }
  /* block YAML for any value read from a visit file (texts as JSON strings, dates bare) */
  function yamlLines(key, value, pad) {
    const head = `${pad}${yamlKey(key)}:`;
    if (isScalar(value)) return [`${head} ${value === null ? "null" : yamlValue(value)}`];
    if (Array.isArray(value)) {
      if (!value.length) return [`${head} []`];
      const lines = [head];
      for (const item of value) {
        if (isScalar(item)) { lines.push(`${pad}  - ${yamlValue(item)}`); continue; }
        const inner = Object.entries(item).flatMap(([k, v]) => yamlLines(k, v, `${pad}    `));
        inner[0] = `${pad}  - ${inner[0].trimStart()}`;
        lines.push(...inner);
      }
      return lines;
    }
    const entries = Object.entries(value);
    if (!entries.length) return [`${head} {}`];
    return [head, ...entries.flatMap(([k, v]) => yamlLines(k, v, `${pad}  `))];
  }
  const FORM_KEYS = ["id", "method", "municipality", "unit", "unit_leader", "date", "time",
    "duration_minutes", "location", "leadership", "participants", "unit_leader_in_conversation"];
  function toYaml(visit, header) {
    const lines = header.map((line) => `# ${line}`);
    const own = (k) => visit[k] !== undefined && visit[k] !== "" && visit[k] !== null;
    lines.push(`id: ${yamlValue(visit.id)}`, `method: ${yamlValue(visit.method)}`);
    for (const key of FORM_KEYS.slice(2)) {
      if (key === "unit_leader_in_conversation" && !visit[key]) continue;
      if (key === "time") { lines.push(`time: ${yamlValue(visit.time)}`); continue; }
      if (key === "date") { lines.push(`date: ${/^\d{4}-\d{2}-\d{2}$/.test(visit.date) ? visit.date : yamlValue(visit.date)}`); continue; }
      if (own(key)) lines.push(...yamlLines(key, visit[key], ""));
    }
    // what the form does not show (contact, secretary, actions ...) is kept as it was read
    for (const [key, value] of Object.entries(visit)) {
      if (!FORM_KEYS.includes(key)) lines.push(...yamlLines(key, value, ""));
    }
    return lines.join("\n") + "\n";
  }
  function fromYaml(text) {
    const data = window.jsyaml.load(text, { schema: window.jsyaml.CORE_SCHEMA });
    if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error(DATA.words.not_a_visit);
    return data;
  }

  /* ---------------------------------------------------------------- calendar (.ics) */
  /* as icalendar (walkround/documents/calendar.py ical_text): escaped, and a control
     character shown as U+XXXX, so no value can add a line (an alarm) to the calendar */
  function icsText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`)
      .replace(/\n/g, "\\n");
  }
  function fold(line) {
    const bytes = new TextEncoder().encode(line);
    if (bytes.length <= 75) return line;
    const parts = [];
    let current = "", size = 0, limit = 75;
    for (const ch of line) {
      const n = new TextEncoder().encode(ch).length;
      if (size + n > limit) { parts.push(current); current = ""; size = 0; limit = 74; }
      current += ch; size += n;
    }
    parts.push(current);
    return parts.join("\r\n ");
  }
  const OSLO = [
    "BEGIN:VTIMEZONE", "TZID:Europe/Oslo",
    "BEGIN:STANDARD", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "TZNAME:CET", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
    "BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "TZNAME:CEST", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
    "END:VTIMEZONE",
  ];
  function compact(iso) { return iso.replace(/-/g, ""); }
  function toIcs(visit) {
    const labels = DATA.labels.calendar;
    const stamp = `${compact(R.letterDate(visit))}T000000Z`;
    const lines = [
      "BEGIN:VCALENDAR", `PRODID:${DATA.calendar.prodid}`, "VERSION:2.0", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${icsText(R.format(labels.calendar_name, { metode: DATA.method.title, enhet: visit.unit }))}`,
      `X-WR-TIMEZONE:${DATA.calendar.timezone}`,
    ];
    for (const item of R.timelineItems(visit)) {
      lines.push("BEGIN:VEVENT", `SUMMARY:${icsText(`${item.title}: ${visit.unit}`)}`);
      if (item.key === "visitt") {
        const start = `${compact(item.date)}T${visit.time.replace(":", "")}00`;
        const endDay = R.endTime(visit) < visit.time ? R.addDays(item.date, 1) : item.date;
        lines.push(`DTSTART;TZID=${DATA.calendar.timezone}:${start}`);
        lines.push(`DTEND;TZID=${DATA.calendar.timezone}:${compact(endDay)}T${R.endTime(visit).replace(":", "")}00`);
      } else {
        lines.push(`DTSTART;VALUE=DATE:${compact(item.date)}`, `DTEND;VALUE=DATE:${compact(R.addDays(item.date, 1))}`);
      }
      lines.push(`DTSTAMP:${stamp}`, `UID:${icsText(`${visit.id}-${item.key}@refleks`)}`);
      lines.push(`DESCRIPTION:${icsText(item.text + (item.note ? `\n${item.note}` : ""))}`);
      if (item.key === "visitt" && visit.location) lines.push(`LOCATION:${icsText(visit.location)}`);
      if (item.key !== "visitt") lines.push("TRANSP:TRANSPARENT");
      lines.push("END:VEVENT");
    }
    lines.push(...OSLO, "END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  /* ---------------------------------------------------------------- the letter */
  function letterParts(visit) {
    const leader = visit.leadership.visit_leader;
    return {
      sender: visit.municipality,
      recipient: [visit.unit_leader.name, visit.unit_leader.title || "", visit.unit].filter(Boolean),
      date: R.dateLong(R.letterDate(visit), false),
      contact: R.contactLine(visit),
      greeting: DATA.labels.letters.greeting,
      signer: [leader.name, leader.title || ""],
      title: R.format(DATA.labels.letters.pdf_title, { tittel: DATA.letter.title, enhet: visit.unit }),
    };
  }

  function textHtml(part, values) {
    const list = part.points.length ? `<ul>${part.points.map((p) => `<li>${R.fillHtml(p, values)}</li>`).join("")}</ul>` : "";
    return R.fillHtml(part.html, values) + list;
  }

  /* date, time and place in the attachment, as the command line's letter (tid_og_sted);
     the letter itself says them in its first paragraph */
  function whenRows(visit, values) {
    const c = DATA.labels.common;
    return [[c.date, values.dato], [c.time, R.timeRange(visit)], [c.location, values.sted]];
  }
  function whenAndWhere(visit, values) {
    const e = R.escapeHtml;
    return `<div class="when">${whenRows(visit, values).map(([k, v]) => `<p><strong>${e(k)}:</strong> ${e(v)}</p>`).join("")}</div>`;
  }

  function letterHtml(visit, css) {
    const e = R.escapeHtml, values = R.facts(visit), parts = letterParts(visit);
    const letter = DATA.letter, staff = letter.staff, when = whenAndWhere(visit, values);
    const sections = letter.sections.map((s) => `<section>${s.title ? `<h2>${e(s.title)}</h2>` : ""}${textHtml(s, values)}</section>`).join("\n");
    const attachment = staff ? `<section class="attachment"><p class="muted">${e(DATA.labels.letters.attachment)}</p><h1>${e(staff.title)}</h1>${when}${textHtml(staff, values)}</section>` : "";
    return `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>${e(parts.title)}</title><style>${css}</style></head><body>
<header class="letterhead"><p class="sender">${e(parts.sender)}</p></header>
<div class="recipient">${parts.recipient.map((l) => `<p>${e(l)}</p>`).join("")}</div>
<p class="letter-date">${e(parts.date)}</p>
<main><h1>${e(letter.title)}</h1>
${sections}
<div class="closing"><p>${e(parts.contact)}</p><div class="signature"><p>${e(parts.greeting)}</p><p class="name">${e(parts.signer[0])}</p><p>${e(parts.signer[1])}</p></div></div>
</main>
${attachment}
</body></html>`;
  }

  function docxParagraphs(part, values) {
    const D = window.docx, out = [];
    for (const block of part.blocks) {
      const text = R.fillText(block.tekst, values);
      out.push(block.punkt ? new D.Paragraph({ text, bullet: { level: 0 } }) : new D.Paragraph({ text }));
    }
    part.points_text.forEach((p) => out.push(new D.Paragraph({ text: R.fillText(p, values), bullet: { level: 0 } })));
    return out;
  }

  /* the when/where table: a narrow bold label column, values left-aligned beside it */
  function docxWhen(visit, values) {
    const D = window.docx, none = { style: D.BorderStyle.NONE, size: 0, color: "FFFFFF" };
    const cell = (text, bold, width) => new D.TableCell({
      width: { size: width, type: D.WidthType.DXA },
      children: [new D.Paragraph({ children: [new D.TextRun({ text, bold })] })],
    });
    return new D.Table({
      columnWidths: [1814, 7597],
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: whenRows(visit, values).map(([k, v]) => new D.TableRow({ children: [cell(k, true, 1814), cell(v, false, 7597)] })),
    });
  }
  /* «Side 1 av 3» at the foot of every page, as the PDF and the command line's DOCX */
  function docxFooter() {
    const D = window.docx, c = DATA.labels.common, small = { size: 18, color: "555555" };
    return new D.Footer({ children: [new D.Paragraph({ alignment: D.AlignmentType.RIGHT, children: [
      new D.TextRun({ ...small, children: [`${c.page} `, D.PageNumber.CURRENT, ` ${c.of} `, D.PageNumber.TOTAL_PAGES] }),
    ] })] });
  }

  function letterDocx(visit) {
    const D = window.docx, values = R.facts(visit), parts = letterParts(visit);
    const letter = DATA.letter, staff = letter.staff;
    const children = [
      new D.Paragraph({ children: [new D.TextRun({ text: parts.sender, bold: true })], spacing: { after: 240 } }),
      ...parts.recipient.map((line) => new D.Paragraph({ text: line, spacing: { after: 0 } })),
      new D.Paragraph({ text: parts.date, alignment: D.AlignmentType.RIGHT, spacing: { before: 240, after: 240 } }),
      new D.Paragraph({ text: letter.title, heading: D.HeadingLevel.HEADING_1 }),
    ];
    for (const section of letter.sections) {
      if (section.title) children.push(new D.Paragraph({ text: section.title, heading: D.HeadingLevel.HEADING_2 }));
      children.push(...docxParagraphs(section, values));
    }
    children.push(new D.Paragraph({ text: parts.contact }), new D.Paragraph({ text: parts.greeting }));
    children.push(new D.Paragraph({ text: parts.signer[0] }), new D.Paragraph({ text: parts.signer[1] }));
    if (staff) {
      const muted = (text) => new D.TextRun({ text, color: "555555" });
      children.push(new D.Paragraph({ children: [muted(DATA.labels.letters.attachment)], pageBreakBefore: true }));
      children.push(new D.Paragraph({ text: staff.title, heading: D.HeadingLevel.HEADING_1 }));
      children.push(docxWhen(visit, values), new D.Paragraph({ text: "" }));
      children.push(...docxParagraphs(staff, values));
    }
    const doc = new D.Document({
      title: parts.title, creator: DATA.publisher, language: "nb-NO",
      styles: { default: { document: { run: { font: "DejaVu Sans", size: 21 }, paragraph: { spacing: { after: 120 } } } } },
      sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, footers: { default: docxFooter() }, children }],
    });
    return D.Packer.toBlob(doc);
  }

  window.RefleksVisitFiles = { FORM_KEYS, toYaml, fromYaml, toIcs, letterHtml, letterDocx, letterParts };
})();
