//! The bundled rule files in rules/ compile without a single diagnostic.

use std::path::Path;
use zhicheng_rules::{compile, RuleFiles};

fn rules_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules")
}

#[test]
fn bundled_rules_are_valid() {
    let files = RuleFiles::load(&rules_dir()).expect("rules/ is readable");
    match compile(&files) {
        Ok(bundle) => {
            let ids: Vec<&str> = bundle.rule_sets.iter().map(|r| r.id.as_str()).collect();
            assert_eq!(
                ids,
                [
                    "sx-2020",
                    "zj-huzhou-2021",
                    "zj-jxt-gaogong-2020",
                    "zj-liandu-2024"
                ]
            );
            assert_eq!(bundle.version.len(), 12);
        }
        Err(diags) => {
            let text: Vec<String> = diags.iter().map(ToString::to_string).collect();
            panic!("rule files have mistakes:\n{}", text.join("\n"));
        }
    }
}
