//! `cargo xtask rules new ID --from EXISTING`: a new rule set copied from an existing
//! one, with everything that must come from the new notice marked for replacement.
//!
//! The copy is deliberately invalid until it is edited: every citation of the old
//! notice becomes `⟪新通知文号⟫`, which validation reports line by line, so nothing
//! of last year's notice survives unexamined (docs/rules.md, step 2).

use crate::{RuleFile, RuleFiles};
use std::fmt;

/// The marker left where the new notice's 文号 must go.
pub const NOTICE_MARKER: &str = "⟪新通知文号⟫";
/// The marker left where the test case's expected status must go.
pub const STATUS_MARKER: &str = "⟪eligible | needs_review | not_eligible⟫";

/// What `new_rule_set` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scaffold {
    /// `rules/<id>.toml`.
    pub rule_set: RuleFile,
    /// `rules/plans/<id>.toml`.
    pub plan: RuleFile,
    /// `tests/cases/bases/<id>.profile.json`: a complete profile under the new rule set,
    /// the base its cases patch (tests/cases/README.md).
    pub case_base: RuleFile,
    /// `tests/cases/<id>.cases.json`: one case, the base as it is, its expected status
    /// still to fill in.
    pub cases: RuleFile,
}

/// Why a scaffold cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScaffoldError {
    UnknownRuleSet { from: String, known: Vec<String> },
    AlreadyExists { id: String },
    BadId { id: String },
    NoPlan { from: String },
    NoNotice { from: String },
}

impl fmt::Display for ScaffoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScaffoldError::UnknownRuleSet { from, known } => {
                write!(f, "no rule set `{from}` to copy; use one of: {}", known.join(", "))
            }
            ScaffoldError::AlreadyExists { id } => write!(f, "rules/{id}.toml already exists; choose another id"),
            ScaffoldError::BadId { id } => write!(
                f,
                "`{id}` is not a rule set id: use lowercase letters, digits and dashes ending in the year, e.g. zj-liandu-2025"
            ),
            ScaffoldError::NoPlan { from } => write!(f, "rules/plans/{from}.toml is missing"),
            ScaffoldError::NoNotice { from } => write!(f, "rules/{from}.toml names no `notice`"),
        }
    }
}

impl std::error::Error for ScaffoldError {}

fn trailing_year(id: &str) -> Option<i32> {
    id.rsplit('-')
        .next()?
        .parse()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
}

fn notice_of(text: &str) -> Option<String> {
    text.lines().find_map(|l| {
        l.trim()
            .strip_prefix("notice = \"")?
            .strip_suffix('"')
            .map(str::to_string)
    })
}

/// Copies rule set `from` (and its plan) as `id`: ids and years changed, every
/// citation of the old notice marked, plus a base profile and a test case to fill in.
pub fn new_rule_set(files: &RuleFiles, id: &str, from: &str) -> Result<Scaffold, ScaffoldError> {
    let ok_id = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let Some(new_year) = trailing_year(id).filter(|_| ok_id) else {
        return Err(ScaffoldError::BadId { id: id.to_string() });
    };
    let stem = |f: &RuleFile| {
        f.name
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".toml")
            .to_string()
    };
    if files.rule_sets.iter().any(|f| stem(f) == id) {
        return Err(ScaffoldError::AlreadyExists { id: id.to_string() });
    }
    let Some(old) = files.rule_sets.iter().find(|f| stem(f) == from) else {
        return Err(ScaffoldError::UnknownRuleSet {
            from: from.to_string(),
            known: files.rule_sets.iter().map(stem).collect(),
        });
    };
    let Some(old_plan) = files.plans.iter().find(|f| stem(f) == from) else {
        return Err(ScaffoldError::NoPlan {
            from: from.to_string(),
        });
    };
    let notice = notice_of(&old.text).ok_or_else(|| ScaffoldError::NoNotice {
        from: from.to_string(),
    })?;
    let old_year = trailing_year(from);

    let rewrite = |text: &str| -> String {
        let mut out = text.replace(&format!("\"{notice}\""), &format!("\"{NOTICE_MARKER}\""));
        out = out.replace(&format!("\"{from}\""), &format!("\"{id}\""));
        if let Some(y) = old_year {
            out = out.replace(&format!("\"{y}-"), &format!("\"{new_year}-"));
            out = out
                .lines()
                .map(|l| {
                    let t = l.trim_start();
                    if t.starts_with("year = ") {
                        format!("year = {new_year}")
                    } else if t.starts_with("name = ") || t.starts_with("name_en = ") {
                        l.replace(&y.to_string(), &new_year.to_string())
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
                + "\n";
        }
        out
    };
    let header = format!(
        "# ⟪新规则集⟫ {id}: copied from {from} by `cargo xtask rules new {id} --from {from}`.\n\
         # Every {NOTICE_MARKER} must become the new notice's 文号 (add the notice to rules/sources/\n\
         # and rules/documents.toml first), and every value and clause must be checked against\n\
         # the new notice: `cargo xtask rules` lists each place still to do. See docs/rules.md.\n"
    );
    let rule_set = RuleFile {
        name: format!("rules/{id}.toml"),
        text: header.clone() + &rewrite(&old.text),
    };
    let plan = RuleFile {
        name: format!("rules/plans/{id}.toml"),
        text: header + &rewrite(&old_plan.text),
    };

    let year = new_year;
    let profile = format!(
        r#"{{
 "format": "zhicheng-profile/1",
 "rule_set": "{id}",
 "target": {{ "series": "engineering", "title": "senior_engineer" }},
 "person": {{ "birth_date": "1980-05-10", "retirement_group": "male", "employment": "enterprise" }},
 "education": "bachelor",
 "work_start": "2002-07-15",
 "titles": [{{ "title": "engineer", "obtained": "{p}-12-20" }}],
 "ce_records": [
{records}
 ]
}}
"#,
        p = year - 6,
        records = ((year - 5)..=year)
            .flat_map(|y| {
                [
                    ("professional", 70),
                    ("industry_public", 8),
                    ("general_public", 12),
                ]
                .map(|(c, h)| {
                    format!("  {{ \"year\": {y}, \"category\": \"{c}\", \"hours\": {h} }}")
                })
            })
            .collect::<Vec<_>>()
            .join(",\n")
    );
    let cases = format!(
        r#"{{
 "cases": [
  {{
   "name": "{id}_example",
   "description": "⟪what this case shows under the new notice⟫",
   "base": "{id}",
   "base_itself": true,
   "profile": {{}},
   "expected": {{"status": "{STATUS_MARKER}", "fail": [], "review": []}}
  }}
 ]
}}
"#
    );
    Ok(Scaffold {
        rule_set,
        plan,
        case_base: RuleFile {
            name: format!("tests/cases/bases/{id}.profile.json"),
            text: profile,
        },
        cases: RuleFile {
            name: format!("tests/cases/{id}.cases.json"),
            text: cases,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_end_in_a_year() {
        assert_eq!(trailing_year("zj-liandu-2025"), Some(2025));
        assert_eq!(trailing_year("zj-liandu"), None);
    }
}
