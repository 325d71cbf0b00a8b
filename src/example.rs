//! The example profile the text area starts with, copied in at compile time.

/// tests/examples/liandu_senior_engineer_eligible.profile.json: a senior
/// engineer (高级工程师) applicant under zj-liandu-2024 who is eligible.
pub const EXAMPLE_PROFILE: &str =
    include_str!("../tests/examples/liandu_senior_engineer_eligible.profile.json");
