//! `zhicheng-rules`: validates rules/ and starts a new rule set. Run through
//! `cargo xtask rules` (docs/rules.md); kept out of xtask so xtask stays std-only.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use zhicheng_rules::{compile, scaffold, RuleFile, RuleFiles};

const USAGE: &str = "usage:
  cargo xtask rules                              validate every file of rules/
  cargo xtask rules new ID --from EXISTING       start rules/ID.toml from an existing rule set";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        [] | ["check"] => check(),
        ["new", id, "--from", from] | ["new", "--from", from, id] => new(id, from),
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn load() -> Result<RuleFiles, ExitCode> {
    RuleFiles::load(&repo().join("rules")).map_err(|e| {
        eprintln!("rules: {e}");
        ExitCode::FAILURE
    })
}

fn recorded_version() -> Option<String> {
    let text = std::fs::read_to_string(repo().join("tests/rules-version.txt")).ok()?;
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
}

fn check() -> ExitCode {
    let files = match load() {
        Ok(f) => f,
        Err(code) => return code,
    };
    match compile(&files) {
        Err(diags) => {
            for d in &diags {
                eprintln!("{d}");
            }
            eprintln!("\nrules: {} mistake(s) — each line says the file, the line, what is wrong and how to fix it", diags.len());
            ExitCode::FAILURE
        }
        Ok(bundle) => {
            let ids: Vec<&str> = bundle.rule_sets.iter().map(|r| r.id.as_str()).collect();
            println!(
                "rules: ok — {} rule sets ({}), {} documents, {} quoted or summarised clauses",
                ids.len(),
                ids.join(", "),
                bundle.documents.len(),
                bundle
                    .documents
                    .iter()
                    .map(|d| d.clauses.len())
                    .sum::<usize>()
            );
            println!("rules version: {}", bundle.version);
            match recorded_version() {
                Some(v) if v == bundle.version => println!("tests/rules-version.txt: up to date"),
                Some(v) => println!(
                    "tests/rules-version.txt says {v}: the rules changed. Once test cases in tests/cases/ show what the \
                     change does, write {} on its last line (docs/rules.md, step 6).",
                    bundle.version
                ),
                None => println!("tests/rules-version.txt is missing: write {} into it", bundle.version),
            }
            ExitCode::SUCCESS
        }
    }
}

fn write_new(file: &RuleFile) -> Result<(), String> {
    let path = repo().join(&file.name);
    if path.exists() {
        return Err(format!("{} already exists; not overwritten", file.name));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&path, &file.text).map_err(|e| format!("{}: {e}", file.name))
}

fn new(id: &str, from: &str) -> ExitCode {
    let files = match load() {
        Ok(f) => f,
        Err(code) => return code,
    };
    let s = match scaffold::new_rule_set(&files, id, from) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("rules new: {e}");
            return ExitCode::from(2);
        }
    };
    for file in [&s.rule_set, &s.plan, &s.case_base, &s.cases] {
        if let Err(e) = write_new(file) {
            eprintln!("rules new: {e}");
            return ExitCode::FAILURE;
        }
        println!("wrote {}", file.name);
    }
    println!(
        "\nNext (docs/rules.md): add the new notice to rules/sources/ and rules/documents.toml, replace every {} \
         in the two rules files and check each value against the notice, make the base profile eligible under \
         the new notice and fill in the test case (tests/cases/README.md), then run \
         `cargo xtask rules` until it says ok.",
        scaffold::NOTICE_MARKER
    );
    ExitCode::SUCCESS
}
