//! Compiles rules/*.toml into Rust data (OUT_DIR/rules_data.rs); a mistake in a rule
//! file fails the build with its file, line and fix.

use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../../rules");
    for path in zhicheng_rules::RuleFiles::watched(&dir) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let mut files = match zhicheng_rules::RuleFiles::load(&dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    // Test data only: the fictional rule set of docs/rules.md's worked example.
    if std::env::var_os("CARGO_FEATURE_WORKED_EXAMPLE").is_some() {
        let extra = Path::new(&manifest).join("../../tests/rules");
        for path in zhicheng_rules::RuleFiles::watched(&extra) {
            println!("cargo:rerun-if-changed={}", path.display());
        }
        if let Err(e) = files.add_extra(&extra) {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
    let bundle = match zhicheng_rules::compile(&files) {
        Ok(b) => b,
        Err(diags) => {
            eprintln!("the rule data in rules/ has {} mistake(s):", diags.len());
            for d in &diags {
                eprintln!("  {d}");
            }
            std::process::exit(1);
        }
    };
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("rules_data.rs");
    std::fs::write(&out, zhicheng_rules::codegen::generate(&bundle)).expect("OUT_DIR is writable");
}
