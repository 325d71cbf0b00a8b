//! `zhicheng where PROFILE.json [--employer NAME] [--graduate]`: where to apply, as
//! `zhicheng-where/1` JSON, the list the app shows in the order it shows it.

use std::io::Write;
use std::process::ExitCode;

use zhicheng_engine::apply::{self, report::WhereReport, Applicant};

/// The arguments after `where`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Args {
    pub profile: String,
    /// The employer's name, for rows only for one company's staff or one trade.
    pub employer: Option<String>,
    /// A new graduate asking for an initial title (初定).
    pub graduate: bool,
}

impl Args {
    /// Reads the arguments after `where`; `None` when they are not a valid call.
    pub fn parse(args: &[&str]) -> Option<Args> {
        let mut out = Args::default();
        let mut profile = None;
        let mut it = args.iter();
        while let Some(&a) = it.next() {
            match a.split_once('=') {
                Some(("--employer", v)) => out.employer = Some(v.to_string()),
                _ if a == "--employer" => out.employer = Some(it.next()?.to_string()),
                _ if a == "--graduate" => out.graduate = true,
                _ if a.starts_with('-') && a != "-" => return None,
                _ => {
                    if profile.replace(a.to_string()).is_some() {
                        return None;
                    }
                }
            }
        }
        out.profile = profile?;
        out.employer = out.employer.filter(|e| !e.trim().is_empty());
        Some(out)
    }

    /// What the person said of themselves.
    pub fn applicant(&self) -> Applicant<'_> {
        Applicant {
            employer: self.employer.as_deref(),
            graduate: self.graduate,
        }
    }
}

/// Reads the profile (refused as `check` refuses it: one line, exit 2) and prints
/// the answer.
pub fn run(args: &Args) -> ExitCode {
    let profile = match crate::read_profile(&args.profile) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let who = args.applicant();
    let Some(answer) = apply::for_profile(&profile, &who) else {
        // evaluate() has refused an unknown rule set already.
        eprintln!(
            "rule_set: no plan for `{}` — 没有该规则集的申报计划",
            profile.rule_set
        );
        return ExitCode::from(2);
    };
    let report = WhereReport::new(&answer, who.employer, who.graduate);
    let json = serde_json::to_string_pretty(&report).expect("a where report always serializes");
    let _ = writeln!(std::io::stdout().lock(), "{json}");
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments() {
        let a =
            Args::parse(&["p.json", "--employer", "浙江三一装备有限公司", "--graduate"]).unwrap();
        assert_eq!(a.profile, "p.json");
        assert_eq!(a.employer.as_deref(), Some("浙江三一装备有限公司"));
        assert!(a.graduate);
        assert_eq!(
            Args::parse(&["--employer=辛子", "-"])
                .unwrap()
                .employer
                .as_deref(),
            Some("辛子")
        );
        assert!(Args::parse(&[]).is_none());
        assert!(Args::parse(&["a.json", "b.json"]).is_none());
        assert!(Args::parse(&["a.json", "--employer"]).is_none());
        assert!(Args::parse(&["a.json", "--what"]).is_none());
        assert_eq!(
            Args::parse(&["a.json", "--employer", " "])
                .unwrap()
                .employer,
            None
        );
    }
}
