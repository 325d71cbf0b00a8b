"""Reads .ics files with the `icalendar` package (pinned by `cargo xtask setup`) and
prints, as one JSON document, what a calendar app would see in each: its name and
every event's UID, dates, all-day-ness, stamp, summary and description, plus any
problem the parser reports. crates/cli/tests/calendar_cmd.rs runs it on the CLI's
output and compares with the engine's events.

usage: python3 ics_events.py FILE.ics...
"""

import datetime
import json
import sys

import icalendar


def day_only(value):
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def read(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    errors = [str(e) for e in getattr(cal, "errors", [])]
    events = []
    for e in cal.walk("VEVENT"):
        errors += [str(x) for x in getattr(e, "errors", [])]
        start, end, stamp = e.decoded("DTSTART"), e.decoded("DTEND"), e.decoded("DTSTAMP")
        events.append(
            {
                "uid": str(e["UID"]),
                "start": start.isoformat(),
                "end": end.isoformat(),
                "all_day": day_only(start) and day_only(end),
                "stamp": stamp.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "stamp_is_utc": stamp.utcoffset() == datetime.timedelta(0),
                "summary": str(e["SUMMARY"]),
                "description": str(e["DESCRIPTION"]),
            }
        )
    return {
        "file": path,
        "version": str(cal["VERSION"]),
        "name": str(cal.get("X-WR-CALNAME", "")),
        "errors": errors,
        "events": events,
    }


print(json.dumps([read(p) for p in sys.argv[1:]], ensure_ascii=False))
