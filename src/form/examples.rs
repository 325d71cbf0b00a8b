//! The shared examples (tests/examples/), for the tests of the form, the stored form
//! and the store.

pub const EXAMPLES: [&str; 5] = [
    include_str!("../../tests/examples/huzhou_assistant_engineer_associate_degree.profile.json"),
    include_str!("../../tests/examples/jxt_2019_online_hours_over_cap.profile.json"),
    include_str!("../../tests/examples/liandu_2024_professional_hours_short.profile.json"),
    include_str!("../../tests/examples/liandu_senior_engineer_eligible.profile.json"),
    include_str!("../../tests/examples/shanxi_senior_economist_without_exam.profile.json"),
];
