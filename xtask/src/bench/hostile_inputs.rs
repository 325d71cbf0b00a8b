//! The inputs of `cargo xtask bench hostile`: for each reader, the worst cases an
//! attacker would choose within the documented limits, and benign input of the same
//! size to measure them against. Generated here (nothing is committed but this code),
//! deterministic, each case to a size given in bytes.

use std::fmt::Write as _;

use super::roster::{roster_csv, Mix, Rng};

/// Which reader a case is for (the bench binary's kinds, crates/formats/examples/
/// readers.rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// A `zhicheng-profile/1` JSON (the CLI's `check`, share links, the app's import).
    Profile,
    /// An HR roster, checked person by person (`zhicheng batch`, the batch page).
    Roster,
    /// A CE records file keyed by person, beside a benign roster (`zhicheng batch
    /// --ce`).
    Records,
    /// The CE records import of the app's CE step.
    CeImport,
}

impl Reader {
    /// The bench binary's name for the reader.
    pub fn kind(self) -> &'static str {
        match self {
            Reader::Profile => "profile",
            Reader::Roster | Reader::Records => "roster",
            Reader::CeImport => "ce-import",
        }
    }

    /// The size of its inputs: near the documented limits (a profile is at most 5 MB,
    /// refused above), rosters of several MB.
    pub fn size(self) -> usize {
        match self {
            Reader::Profile => 4_900_000,
            Reader::Roster | Reader::Records | Reader::CeImport => 5_000_000,
        }
    }

    /// What a benign input of this reader is.
    pub fn benign_what(self) -> &'static str {
        match self {
            Reader::Profile => "a valid profile with every list full (10,000 entries) and notes",
            Reader::Roster => "a roster of varied people (the cli-batch generator)",
            Reader::Records => "a records file of 10 courses a person for the 10,000-person roster",
            Reader::CeImport => "a CE records file of different courses",
        }
    }

    /// A benign input of `size` bytes (to within a line).
    pub fn benign(self, size: usize) -> String {
        match self {
            Reader::Profile => benign_profile(size),
            Reader::Roster => benign_roster(size),
            Reader::Records => benign_records(size),
            Reader::CeImport => benign_ce_import(size),
        }
    }
}

/// One worst case.
pub struct Case {
    pub reader: Reader,
    /// What it is, for the table.
    pub what: &'static str,
    /// The text, of about `size` bytes.
    pub make: fn(size: usize) -> String,
    /// What the reader must say of it (part of the bench binary's outcome), so that a
    /// case that stopped doing what it was made for is noticed.
    pub expect: &'static str,
}

/// The roster the records cases are read with (10,000 people).
pub const RECORDS_ROSTER_PEOPLE: usize = 10_000;

/// Every worst case, by reader: one row each (reader, what it is, its maker, what the
/// reader must say of it).
pub const CASES: &[Case] = {
    use Reader::*;
    &[
        Case {
            reader: Profile,
            what: "one object of 420,000 distinct keys, the last repeating the first",
            make: many_keys,
            expect: "appears twice",
        },
        Case {
            reader: Profile,
            what: "4,900 keys of 1,000 bytes sharing all but their last 10",
            make: long_keys,
            expect: "appears twice",
        },
        Case {
            reader: Profile,
            what: "a 4.9 MB string",
            make: long_string,
            expect: "at most 500 characters",
        },
        Case {
            reader: Profile,
            what: "a string of 4.9 MB of escapes (\\u4e2d, \\n, \\\", surrogate pairs)",
            make: escapes,
            expect: "at most 500 characters",
        },
        Case {
            reader: Profile,
            what: "a 4.9 MB number as the evaluation year",
            make: huge_year,
            expect: "evaluation_year",
        },
        Case {
            reader: Profile,
            what: "a 4.9 MB number as hours",
            make: huge_hours,
            expect: "at most 8784",
        },
        Case {
            reader: Profile,
            what: "hours 0.000…01 with 4.9 MB of zeros",
            make: tiny_hours,
            expect: "at most one decimal",
        },
        Case {
            reader: Profile,
            what: "hours 1e… with a 4.9 MB exponent",
            make: huge_exponent,
            expect: "at most 8784",
        },
        // json::MAX_CONTAINERS stops it before the tree costs more than the bound.
        Case {
            reader: Profile,
            what: "arrays and objects nested 32 deep (the limit), 77,000 times",
            make: deep,
            expect: "arrays and objects: not a profile",
        },
        Case {
            reader: Profile,
            what: "a string never closed, running to the end",
            make: unclosed_string,
            expect: "ends too early",
        },
        Case {
            reader: Profile,
            what: "4.9 MB of line breaks, then an error",
            make: line_breaks,
            expect: "line 4899",
        },
        Case {
            reader: Profile,
            what: "a list of 2.4 million items",
            make: many_items,
            expect: "values: not a profile",
        },
        Case {
            reader: Roster,
            what: "a header of 2.5 million unknown columns (`X`)",
            make: unknown_columns,
            expect: "0 people",
        },
        Case {
            reader: Roster,
            what: "2,000 unknown columns, a value in each on every row",
            make: unknown_cells,
            expect: "0 bad rows",
        },
        Case {
            reader: Roster,
            what: "every one of the 3,612 CE columns, hours in each",
            make: every_ce_column,
            expect: "0 bad rows",
        },
        Case {
            reader: Roster,
            what: "rows of 20,000 cells more than the header",
            make: wide_rows,
            expect: "fields, but the header has",
        },
        Case {
            reader: Roster,
            what: "one person_id on every line (1.7 million rows)",
            make: repeated_ids,
            expect: "already used on line",
        },
        Case {
            reader: Roster,
            what: "a different person_id and nothing else on each line (700,000 rows)",
            make: one_cell_rows,
            expect: "is required",
        },
        Case {
            reader: Roster,
            what: "a quote opened on line 3 and never closed",
            make: unclosed_quote,
            expect: "never closed",
        },
        Case {
            reader: Roster,
            what: "1 MB numbers as evaluation years",
            make: huge_year_cells,
            expect: "column evaluation_year: \"2222",
        },
        Case {
            reader: Roster,
            what: "1 MB numbers as CE hours",
            make: huge_hours_cells,
            expect: "column ce_2024_professional: must be at most 8784",
        },
        Case {
            reader: Roster,
            what: "1 MB names of doubled quotes",
            make: quoted_names,
            expect: "0 bad rows",
        },
        Case {
            reader: Roster,
            what: "list cells of 83,000 items",
            make: long_lists,
            expect: "at most 10000",
        },
        Case {
            reader: Records,
            what: "240,000 records, each for a different person not in the roster",
            make: unknown_people,
            expect: "warnings",
        },
        Case {
            reader: Records,
            what: "220,000 records, all for one person of the roster",
            make: one_person,
            expect: "at most 10000",
        },
        Case {
            reader: Records,
            what: "310,000 records without a person_id",
            make: no_person,
            expect: "warnings",
        },
        Case {
            reader: Records,
            what: "a header of 2.5 million unknown columns (`X`)",
            make: records_unknown_columns,
            expect: "no records",
        },
        Case {
            reader: CeImport,
            what: "138,000 different courses of the same year, category and hours",
            make: distinct_courses,
            expect: "0 repeats",
        },
        Case {
            reader: CeImport,
            what: "the same record on each of 161,000 lines",
            make: same_record,
            expect: "repeats",
        },
        Case {
            reader: CeImport,
            what: "a header of 2.5 million unknown columns (`X`)",
            make: import_unknown_columns,
            expect: "no records",
        },
        Case {
            reader: CeImport,
            what: "a header naming `year` a million times",
            make: import_repeated_columns,
            expect: "twice",
        },
    ]
};

/// Every worst case, by reader.
pub fn cases() -> &'static [Case] {
    CASES
}

/// Appends `piece(i)` for i = 0, 1, … while `out` is shorter than `size`.
fn fill(out: &mut String, size: usize, mut piece: impl FnMut(&mut String, usize)) {
    let mut i = 0;
    while out.len() < size {
        piece(out, i);
        i += 1;
    }
}

/// `n` copies of `s`.
fn times(s: &str, n: usize) -> String {
    s.repeat(n)
}

// ---- profiles -------------------------------------------------------------------

/// The start of a valid profile, without its closing brace.
const PROFILE_START: &str = r#"{"format": "zhicheng-profile/1", "rule_set": "zj-liandu-2024", "target": {"series": "engineering", "title": "senior_engineer"}, "person": {"birth_date": "1980-05-10", "retirement_group": "male", "employment": "enterprise"}, "education": "bachelor", "work_start": "2002-07-15", "titles": [{"title": "assistant_engineer", "obtained": "2008-12-01"}, {"title": "engineer", "obtained": "2018-12-20"}]"#;

/// A valid profile but for its one CE record, whose `field` is `value` as written.
fn record_with(field: &str, value: &str) -> String {
    let hours = if field == "hours" { value } else { "1" };
    let note = if field == "note" {
        format!(r#", "note": {value}"#)
    } else {
        String::new()
    };
    format!(
        r#"{PROFILE_START}, "ce_records": [{{"year": 2024, "category": "professional", "hours": {hours}{note}}}]}}"#
    )
}

/// The room left for the value of `field` in a profile of `size` bytes.
fn room(size: usize, field: &str) -> usize {
    size.saturating_sub(record_with(field, "").len())
}

/// A valid profile (it reads and evaluates) as full as the limits allow: every list
/// with 10,000 entries (the most a list may hold; fewer for a smaller `size`) and an
/// assessment for each of 301 years, its CE records with notes as long as it takes to
/// make `size` bytes (whitespace after the document makes up the rest).
fn benign_profile(size: usize) -> String {
    let n = (size / 490).clamp(1, 10_000);
    let mut rng = Rng::new(16);
    let mut out = String::with_capacity(size);
    out += r#"{"format": "zhicheng-profile/1", "rule_set": "zj-liandu-2024", "target": {"series": "engineering", "title": "senior_engineer"}, "person": {"birth_date": "1980-05-10", "retirement_group": "male", "employment": "enterprise"}, "education": "bachelor", "work_start": "2002-07-15""#;
    let list = |out: &mut String, name: &str, item: &mut dyn FnMut(&mut String, usize)| {
        let _ = write!(out, r#", "{name}": ["#);
        for i in 0..n {
            if i > 0 {
                out.push_str(", ");
            }
            item(out, i);
        }
        out.push(']');
    };
    list(&mut out, "titles", &mut |out, i| {
        let title = ["assistant_engineer", "engineer"][i % 2];
        let _ = write!(
            out,
            r#"{{"title": "{title}", "obtained": "{}"}}"#,
            rng.date(2008, 2018)
        );
    });
    list(&mut out, "sanctions", &mut |out, i| {
        let kind = ["warning", "demerit", "major_demerit"][i % 3];
        let _ = write!(
            out,
            r#"{{"kind": "{kind}", "effective": "{}"}}"#,
            rng.date(1950, 1999)
        );
    });
    list(&mut out, "fraud_findings", &mut |out, i| {
        let _ = write!(out, r#"{{"evaluation_year": {}}}"#, 1950 + i % 50);
    });
    list(&mut out, "exams", &mut |out, i| {
        let _ = write!(
            out,
            r#"{{"exam": "senior_economist", "year": {}}}"#,
            1990 + i % 30
        );
    });
    out += r#", "assessments": {"#;
    for year in 1900..=2200 {
        let grade = ["competent", "excellent"][year % 2];
        let _ = write!(
            out,
            r#"{}"{year}": "{grade}""#,
            if year > 1900 { ", " } else { "" }
        );
    }
    out.push('}');
    let categories = ["professional", "industry_public", "general_public"];
    let record = |i: usize, note: &str, hours: i64, online: bool| {
        format!(
            r#"{{"year": {}, "category": "{}", "hours": {hours}, "online": {online}, "authority_recognized": false, "note": "{note}"}}"#,
            2014 + i % 11,
            categories[i % 3],
        )
    };
    // The longest a record is without its note.
    let frame = record(1, "", 40, false).len() + 2;
    let per_note = (size.saturating_sub(out.len() + 20) / n)
        .saturating_sub(frame)
        .max(1);
    out += r#", "ce_records": ["#;
    for i in 0..n {
        if i > 0 {
            out += ", ";
        }
        let mut note = format!("第{i}期 专业课程 Course {i}: ");
        while note.len() < per_note {
            note.push(['a', 'b', 'c', ' ', '课'][rng.range(0, 4) as usize]);
        }
        // Within 500 characters and a whole character.
        let cut = note
            .char_indices()
            .map(|(at, c)| at + c.len_utf8())
            .take_while(|end| *end <= per_note)
            .take(500)
            .last()
            .unwrap_or(0);
        note.truncate(cut);
        out += &record(i, &note, rng.range(1, 40), rng.chance(20));
    }
    out += "]}";
    while out.len() < size {
        out.push('\n');
    }
    out
}

fn many_keys(size: usize) -> String {
    let mut out = String::from(r#"{"format": "zhicheng-profile/1""#);
    fill(&mut out, size.saturating_sub(12), |out, i| {
        let _ = write!(out, r#","k{i}":0"#);
    });
    out += r#","k0":1}"#;
    out
}

fn long_keys(size: usize) -> String {
    let prefix = times("k", 990);
    let mut out = String::from(r#"{"format": "zhicheng-profile/1""#);
    fill(&mut out, size.saturating_sub(1_100), |out, i| {
        let _ = write!(out, r#","{prefix}{i:010}":0"#);
    });
    let _ = write!(out, r#","{prefix}{:010}":1}}"#, 0);
    out
}

fn long_string(size: usize) -> String {
    let n = room(size, "note").saturating_sub(2) / 3;
    record_with("note", &format!("\"{}\"", times("中", n)))
}

fn escapes(size: usize) -> String {
    let unit = r#"\u4e2d\n\"\\\ud83d\ude00"#;
    let n = room(size, "note").saturating_sub(2) / unit.len();
    record_with("note", &format!("\"{}\"", times(unit, n)))
}

fn huge_year(size: usize) -> String {
    let frame = format!(r#"{PROFILE_START}, "evaluation_year": }}"#);
    let n = size.saturating_sub(frame.len() + 1);
    format!(
        r#"{PROFILE_START}, "evaluation_year": 1{}}}"#,
        times("9", n)
    )
}

fn huge_hours(size: usize) -> String {
    let n = room(size, "hours").saturating_sub(1);
    record_with("hours", &format!("1{}", times("7", n)))
}

fn tiny_hours(size: usize) -> String {
    let n = room(size, "hours").saturating_sub(3);
    record_with("hours", &format!("0.{}1", times("0", n)))
}

fn huge_exponent(size: usize) -> String {
    let n = room(size, "hours").saturating_sub(2);
    record_with("hours", &format!("1e{}", times("9", n)))
}

fn deep(size: usize) -> String {
    // The document is depth 1, `x` depth 2: 30 more levels, arrays and objects.
    let nest = format!("{}0{}", times(r#"[{"a":"#, 15), times("}]", 15));
    let mut out = format!(r#"{PROFILE_START}, "x": ["#);
    fill(&mut out, size.saturating_sub(nest.len() + 3), |out, i| {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&nest);
    });
    out += "]}";
    out
}

fn unclosed_string(size: usize) -> String {
    let mut out = format!(r#"{PROFILE_START}, "x": ""#);
    let n = size.saturating_sub(out.len()) / 3;
    out += &times("中", n);
    out
}

fn line_breaks(size: usize) -> String {
    let mut out = format!("{PROFILE_START},");
    let n = size.saturating_sub(out.len() + 1);
    out += &times("\n", n);
    out.push('?');
    out
}

fn many_items(size: usize) -> String {
    let frame = format!(r#"{PROFILE_START}, "fraud_findings": [1]}}"#);
    let n = size.saturating_sub(frame.len()) / 2;
    format!(
        r#"{PROFILE_START}, "fraud_findings": [{}1]}}"#,
        times("1,", n.saturating_sub(1))
    )
}

// ---- rosters --------------------------------------------------------------------

/// The columns every roster must have.
const REQUIRED: &str = "person_id,rule_set,title,birth_date,retirement_group,employment,education";

/// A person for the required columns (eligible for nothing in particular: a verdict).
fn person(i: usize) -> String {
    format!("P{i:07},zj-liandu-2024,高级工程师,1980-05-10,男,企业,本科")
}

/// The cli-batch suite's varied roster, cut to `size` bytes at a line end.
fn benign_roster(size: usize) -> String {
    let people = size / 200 + 10;
    cut_at_line(roster_csv(people, 20_240_522, Mix::Realistic), size)
}

/// `text` without its lines that end after `size` bytes.
fn cut_at_line(mut text: String, size: usize) -> String {
    if text.len() > size {
        let end = text.as_bytes()[..size]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        text.truncate(end);
    }
    text
}

/// A roster: `header`, then `row(i)` for i = 0, 1, … up to `size` bytes.
fn rows(size: usize, header: &str, mut row: impl FnMut(&mut String, usize)) -> String {
    let mut out = format!("{header}\r\n");
    fill(&mut out, size, |out, i| {
        row(out, i);
        out.push_str("\r\n");
    });
    out
}

fn unknown_columns(size: usize) -> String {
    let mut out = String::from(REQUIRED);
    let n = size.saturating_sub(out.len() + 2) / 2;
    out += &times(",X", n);
    out += "\r\n";
    out
}

fn unknown_cells(size: usize) -> String {
    let mut header = String::from(REQUIRED);
    for j in 0..2_000 {
        let _ = write!(header, ",extra{j}");
    }
    let cells = times(",1", 2_000);
    rows(size, &header, |out, i| {
        out.push_str(&person(i));
        out.push_str(&cells);
    })
}

/// Every CE column: each year of 1900–2200, category, online or not, recognized or
/// not.
fn every_ce_column(size: usize) -> String {
    let mut header = format!("{REQUIRED},work_start,engineer_obtained");
    for year in 1900..=2200 {
        for category in ["professional", "industry_public", "general_public"] {
            for suffix in ["", "_online", "_recognized", "_online_recognized"] {
                let _ = write!(header, ",ce_{year}_{category}{suffix}");
            }
        }
    }
    let hours = times(",1", 301 * 12);
    rows(size, &header, |out, i| {
        out.push_str(&person(i));
        out.push_str(",2002-07-15,2018-12-20");
        out.push_str(&hours);
    })
}

fn wide_rows(size: usize) -> String {
    let extra = format!("{}x", times(",", 20_000));
    rows(size, REQUIRED, |out, i| {
        out.push_str(&person(i));
        out.push_str(&extra);
    })
}

fn repeated_ids(size: usize) -> String {
    rows(size, REQUIRED, |out, _| out.push('A'))
}

fn one_cell_rows(size: usize) -> String {
    rows(size, REQUIRED, |out, i| {
        let _ = write!(out, "{i:x}");
    })
}

fn unclosed_quote(size: usize) -> String {
    let mut out = format!("{REQUIRED}\r\n{}\r\n\"", person(0));
    // What follows looks like rows, but is all inside the quote.
    fill(&mut out, size, |out, i| {
        out.push_str(&person(i + 1));
        out.push_str("\r\n");
    });
    out
}

/// Five rows, each with one cell of a fifth of `size` (1 MB for 5 MB), `cell(bytes)`
/// in the column after the required ones.
fn huge_cells(size: usize, column: &str, cell: impl Fn(usize) -> String) -> String {
    let header = format!("{REQUIRED},{column}");
    let per_row = size / 5 - 60;
    rows(size, &header, |out, i| {
        out.push_str(&person(i));
        out.push(',');
        out.push_str(&cell(per_row));
    })
}

fn huge_year_cells(size: usize) -> String {
    huge_cells(size, "evaluation_year", |n| times("2", n))
}

fn huge_hours_cells(size: usize) -> String {
    huge_cells(size, "ce_2024_professional", |n| times("3", n))
}

fn quoted_names(size: usize) -> String {
    huge_cells(size, "name", |n| format!("\"{}\"", times("\"\"", n / 2)))
}

fn long_lists(size: usize) -> String {
    huge_cells(size, "assessments", |n| times("2021:合格;", n / 12))
}

// ---- records files ---------------------------------------------------------------

/// The header of a records file.
const RECORDS_HEADER: &str = "person_id,year,category,hours,online,note";

/// Ten courses a person for the people of [`RECORDS_ROSTER_PEOPLE`] (the ids of
/// [`roster_csv`]), round and round, to `size` bytes.
fn benign_records(size: usize) -> String {
    let mut rng = Rng::new(5);
    let categories = ["专业科目", "行业公需科目", "一般公需科目"];
    cut_at_line(
        rows(size + 200, RECORDS_HEADER, |out, i| {
            let _ = write!(
                out,
                "P{:06},{},{},{},{},第{i}期课程",
                (i / 10) % RECORDS_ROSTER_PEOPLE,
                rng.range(2015, 2024),
                categories[i % 3],
                rng.range(1, 40),
                if rng.chance(20) { "是" } else { "否" }
            );
        }),
        size,
    )
}

/// The roster the records cases are read with.
pub fn records_roster() -> String {
    roster_csv(RECORDS_ROSTER_PEOPLE, 20_240_522, Mix::Realistic)
}

fn unknown_people(size: usize) -> String {
    rows(size, RECORDS_HEADER, |out, i| {
        let _ = write!(out, "{i:x},2024,专业,1");
    })
}

fn one_person(size: usize) -> String {
    rows(size, RECORDS_HEADER, |out, _| {
        out.push_str("P000001,2024,专业,1");
    })
}

fn no_person(size: usize) -> String {
    rows(size, RECORDS_HEADER, |out, _| out.push_str(",2024,专业,1"))
}

fn records_unknown_columns(size: usize) -> String {
    let mut out = String::from(RECORDS_HEADER);
    out += &times(",X", size.saturating_sub(out.len() + 2) / 2);
    out += "\r\n";
    out
}

// ---- CE records import -------------------------------------------------------------

/// The header of the CE import.
const IMPORT_HEADER: &str = "年度,类别,学时,网络课件,主管部门认可,备注";

fn benign_ce_import(size: usize) -> String {
    let mut rng = Rng::new(7);
    let categories = ["专业科目", "行业公需科目", "一般公需科目"];
    cut_at_line(
        rows(size + 200, IMPORT_HEADER, |out, i| {
            let _ = write!(
                out,
                "{},{},{},{},否,第{i}期 专业技术人员继续教育课程",
                rng.range(2015, 2024),
                categories[i % 3],
                rng.range(1, 40),
                if rng.chance(20) { "是" } else { "否" }
            );
        }),
        size,
    )
}

fn distinct_courses(size: usize) -> String {
    rows(size, IMPORT_HEADER, |out, i| {
        let _ = write!(out, "2024,专业科目,8,否,否,c{i}");
    })
}

fn same_record(size: usize) -> String {
    rows(size, IMPORT_HEADER, |out, _| {
        out.push_str("2024,专业科目,8,否,否,c")
    })
}

fn import_unknown_columns(size: usize) -> String {
    let mut out = String::from(IMPORT_HEADER);
    out += &times(",X", size.saturating_sub(out.len() + 2) / 2);
    out += "\r\n";
    out
}

fn import_repeated_columns(size: usize) -> String {
    let mut out = String::from(IMPORT_HEADER);
    out += &times(",year", size.saturating_sub(out.len() + 2) / 5);
    out += "\r\n";
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every case and benign input has its size (small sizes, to keep the test
    /// fast: the generators scale), and is the same each time.
    #[test]
    fn inputs_have_their_size() {
        let size = 200_000;
        for c in cases() {
            let text = (c.make)(size);
            // Past the size by less than a row (the widest are 20 KB).
            assert!(
                text.len() <= size + 25_000 && text.len() + 100 >= size,
                "{}: {} bytes for {size}",
                c.what,
                text.len()
            );
            assert_eq!(text, (c.make)(size), "{}", c.what);
        }
        for r in [
            Reader::Profile,
            Reader::Roster,
            Reader::Records,
            Reader::CeImport,
        ] {
            let text = r.benign(size);
            assert!(
                text.len() <= size && text.len() + 300 >= size,
                "{r:?}: {} bytes for {size}",
                text.len()
            );
            assert_eq!(text, r.benign(size));
        }
    }

    /// The profile cases are within the reader's 5 MB, so they are read, not refused
    /// for their size.
    #[test]
    fn profiles_are_within_the_limit() {
        for c in cases().iter().filter(|c| c.reader == Reader::Profile) {
            let text = (c.make)(Reader::Profile.size());
            assert!(text.len() <= 5_000_000, "{}: {}", c.what, text.len());
        }
        assert!(Reader::Profile.benign(Reader::Profile.size()).len() <= 5_000_000);
    }
}
